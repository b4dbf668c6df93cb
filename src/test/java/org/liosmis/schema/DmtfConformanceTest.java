package org.liosmis.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.liosmis.testing.DmtfSchema;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMParameter;
import org.metricshub.wbem.javax.cim.CIMQualifiedElementInterface;

/**
 * Checks the built-in DMTF subset against the real schema release, and that the project's
 * MOF compiles on top of the complete schema.
 */
class DmtfConformanceTest {

    private static ClassRepository full;
    private static Duration compileTime;

    @BeforeAll
    static void compileTheFullSchema() {
        Path location = DmtfSchema.location();
        long start = System.nanoTime();
        full = ClassRepositories.withDmtfSchema(location);
        compileTime = Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void theWholeSchemaCompilesQuickly() {
        assertNotNull(full.getClass("CIM_StorageConfigurationService"));
        System.out.println("full CIM schema (" + full.classNames().size() + " classes) compiled in "
                + compileTime.toMillis() + " ms");
        if (compileTime.toSeconds() >= 5) {
            fail("compiling the full schema took " + compileTime.toMillis() + " ms");
        }
    }

    @Test
    void theProjectClassesCompileOnTheFullSchema() {
        for (String name : BuiltInRepositoryTest.LIO_CLASSES) {
            assertNotNull(full.getClass(name), name);
        }
        assertEquals("LIO_StorageSystem", full.getClass("LIO_HostedStoragePool").getProperty("GroupComponent")
                .getDataType().getRefClassName());
    }

    /**
     * A LIO class may declare a property its DMTF superclass has too: the members CIM 2.41
     * (OpenPegasus' schema) lacks are declared that way so that the class compiles there. Such
     * a declaration must restate the schema's: same type, ValueMap and Values.
     */
    @Test
    void redeclaredPropertiesRestateTheSchema() {
        int restated = 0;
        for (String name : BuiltInRepositoryTest.LIO_CLASSES) {
            CIMClass lio = full.getClass(name);
            CIMClass superclass = full.getClass(lio.getSuperClassName());
            for (CIMClassProperty<?> property : lio.getProperties()) {
                CIMClassProperty<?> inherited = superclass.getProperty(property.getName());
                if (property.isPropagated() || inherited == null || property.getDataType().getType() == CIMDataType.REFERENCE) {
                    continue;
                }
                String where = name + "." + property.getName();
                assertEquals(inherited.getDataType(), property.getDataType(), where + " type");
                sameQualifiers(property, inherited, where, "ValueMap", "Values");
                restated++;
            }
        }
        assertTrue(restated >= 9, restated + " restated properties");
    }

    @Test
    void everyBuiltInClassMatchesTheSchema() {
        ClassRepository builtIn = ClassRepositories.builtIn();
        for (String name : builtIn.classNames()) {
            if (name.startsWith("CIM_")) {
                sameClass(builtIn.getClass(name), full.getClass(name));
            }
        }
    }

    private static void sameClass(CIMClass ours, CIMClass theirs) {
        String name = ours.getName();
        assertNotNull(theirs, name + " is not in the schema");
        assertEquals(theirs.getSuperClassName(), ours.getSuperClassName(), name + " superclass");
        assertEquals(theirs.isAssociation(), ours.isAssociation(), name + " Association");
        sameQualifiers(ours, theirs, name, "Abstract", "Version", "Aggregation");
        for (CIMClassProperty<?> property : ours.getProperties()) {
            String where = name + "." + property.getName();
            CIMClassProperty<?> real = theirs.getProperty(property.getName());
            assertNotNull(real, where + " is not in the schema");
            assertEquals(real.getDataType(), property.getDataType(), where + " type");
            assertEquals(real.isKey(), property.isKey(), where + " Key");
            assertEquals(real.getOriginClass(), property.getOriginClass(), where + " origin class");
            sameQualifiers(property, real, where, "ValueMap", "Values", "EmbeddedInstance", "EmbeddedObject",
                    "Required", "Override", "Aggregate", "Min", "Max");
        }
        assertEquals(theirs.getPropertyCount(), ours.getPropertyCount(), name + " property count");
        for (CIMMethod<?> method : ours.getMethods()) {
            String where = name + "." + method.getName() + "()";
            CIMMethod<?> real = theirs.getMethod(method.getName());
            assertNotNull(real, where + " is not in the schema");
            assertEquals(real.getDataType(), method.getDataType(), where + " return type");
            sameQualifiers(method, real, where, "ValueMap", "Values");
            assertEquals(real.getParameters().length, method.getParameters().length, where + " parameter count");
            for (CIMParameter<?> parameter : method.getParameters()) {
                String parameterWhere = where + " " + parameter.getName();
                CIMParameter<?> realParameter = real.getParameter(parameter.getName());
                assertNotNull(realParameter, parameterWhere + " is not in the schema");
                assertEquals(realParameter.getDataType(), parameter.getDataType(), parameterWhere + " type");
                sameQualifiers(parameter, realParameter, parameterWhere, "In", "Out", "ValueMap", "Values",
                        "EmbeddedInstance", "EmbeddedObject", "Required");
            }
        }
        assertEquals(theirs.getMethodCount(), ours.getMethodCount(), name + " method count");
    }

    private static void sameQualifiers(CIMQualifiedElementInterface ours, CIMQualifiedElementInterface theirs,
            String where, String... names) {
        for (String qualifier : names) {
            Object expected = theirs.getQualifierValue(qualifier);
            Object actual = ours.getQualifierValue(qualifier);
            if (expected instanceof Object[] array) {
                assertArrayEquals(array, (Object[]) actual, where + " " + qualifier);
            } else {
                assertEquals(expected, actual, where + " " + qualifier);
            }
        }
    }
}
