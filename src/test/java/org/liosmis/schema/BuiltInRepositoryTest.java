package org.liosmis.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMParameter;

class BuiltInRepositoryTest {

    static final List<String> LIO_CLASSES = List.of("LIO_StorageSystem", "LIO_StoragePool", "LIO_StorageVolume",
            "LIO_StorageConfigurationService", "LIO_StorageConfigurationCapabilities",
            "LIO_StorageReplicationCapabilities", "LIO_ConcreteJob", "LIO_StorageSynchronized", "LIO_RegisteredProfile",
            "LIO_HostedService", "LIO_HostedStoragePool", "LIO_AllocatedFromStoragePool", "LIO_SystemDevice",
            "LIO_ElementCapabilities", "LIO_AffectedJobElement", "LIO_OwningJobElement", "LIO_ElementConformsToProfile",
            "LIO_ObjectManager", "LIO_Namespace", "LIO_CIMXMLCommunicationMechanism", "LIO_NamespaceInManager",
            "LIO_CommMechanismForManager");

    private static final ClassRepository REPOSITORY = ClassRepositories.builtIn();

    @Test
    void containsEveryLioClassAndEveryUsedDmtfClass() {
        for (String name : LIO_CLASSES) {
            assertNotNull(REPOSITORY.getClass(name), name);
            assertTrue(REPOSITORY.getClass(name).getSuperClassName().startsWith("CIM_"), name);
        }
        for (String name : DmtfSubsetExtractor.USED_CLASSES) {
            assertNotNull(REPOSITORY.getClass(name), name);
        }
        assertEquals("LIO_StorageVolume", REPOSITORY.getClass("lio_storagevolume").getName());
    }

    @Test
    void createReplicaHasItsSevenParameters() {
        CIMMethod<?> createReplica = REPOSITORY.getClass("LIO_StorageConfigurationService").getMethod("CreateReplica");
        assertEquals(CIMDataType.UINT32_T, createReplica.getDataType());
        assertEquals("CIM_StorageConfigurationService", createReplica.getOriginClass());
        assertTrue(createReplica.isPropagated());
        CIMParameter<?>[] parameters = createReplica.getParameters();
        // the JSR48 CIMMethod keeps its parameters sorted by name
        assertEquals(List.of("CopyType", "ElementName", "Job", "SourceElement", "TargetElement", "TargetPool", "TargetSettingGoal"),
                List.of(parameters).stream().map(CIMParameter::getName).toList());

        assertParameter(createReplica, "ElementName", CIMDataType.STRING_T, true, false);
        assertParameter(createReplica, "Job", new CIMDataType("CIM_ConcreteJob"), false, true);
        assertParameter(createReplica, "SourceElement", new CIMDataType("CIM_LogicalElement"), true, false);
        assertEquals(Boolean.TRUE, createReplica.getParameter("SourceElement").getQualifierValue("Required"));
        assertParameter(createReplica, "TargetElement", new CIMDataType("CIM_LogicalElement"), false, true);
        assertParameter(createReplica, "TargetSettingGoal", new CIMDataType("CIM_StorageSetting"), true, false);
        assertParameter(createReplica, "TargetPool", new CIMDataType("CIM_StoragePool"), true, false);
        assertParameter(createReplica, "CopyType", CIMDataType.UINT16_T, true, false);
        String[] valueMap = (String[]) createReplica.getParameter("CopyType").getQualifierValue("ValueMap");
        String[] values = (String[]) createReplica.getParameter("CopyType").getQualifierValue("Values");
        assertEquals(valueMap.length, values.length);
        assertEquals("2", valueMap[0]);
        assertEquals("Async", values[0]);
    }

    private static void assertParameter(CIMMethod<?> method, String name, CIMDataType type, boolean in, boolean out) {
        CIMParameter<?> parameter = method.getParameter(name);
        assertEquals(type, parameter.getDataType(), name);
        // a parameter without In is an input: the In qualifier is declared with default true
        Object declaredIn = parameter.hasQualifier("In") ? parameter.getQualifierValue("In") : REPOSITORY.getQualifierType("In").getValue();
        assertEquals(in, Boolean.TRUE.equals(declaredIn), name + " In");
        assertEquals(out, Boolean.TRUE.equals(parameter.getQualifierValue("Out")), name + " Out");
    }

    @Test
    void returnToStoragePoolTakesTheElement() {
        CIMMethod<?> method = REPOSITORY.getClass("LIO_StorageConfigurationService").getMethod("ReturnToStoragePool");
        assertNotNull(method.getParameter("Job"));
        assertEquals(new CIMDataType("CIM_LogicalElement"), method.getParameter("TheElement").getDataType());
    }

    @Test
    void associationsNarrowTheirReferences() {
        CIMClass hosted = REPOSITORY.getClass("LIO_HostedStoragePool");
        assertTrue(hosted.isAssociation());
        assertEquals("LIO_StorageSystem", hosted.getProperty("GroupComponent").getDataType().getRefClassName());
        assertEquals("LIO_StoragePool", hosted.getProperty("PartComponent").getDataType().getRefClassName());
        assertTrue(hosted.getProperty("GroupComponent").isKey());
        assertEquals(Boolean.TRUE, hosted.getProperty("GroupComponent").getQualifierValue("Aggregate"));
        assertEquals("LIO_ConcreteJob", REPOSITORY.getClass("LIO_OwningJobElement").getProperty("OwnedElement")
                .getDataType().getRefClassName());
        assertEquals("CIM_ManagedElement", REPOSITORY.getClass("LIO_ElementConformsToProfile").getProperty("ManagedElement")
                .getDataType().getRefClassName());
        assertNull(REPOSITORY.getClass("LIO_StorageVolume").getQualifier("Abstract"));
        assertTrue(REPOSITORY.getClass("CIM_ManagedElement").getQualifier("Abstract") != null);
    }

    @Test
    void inheritanceQueries() {
        assertTrue(REPOSITORY.isSubclassOf("LIO_StorageVolume", "CIM_ManagedElement"));
        assertTrue(REPOSITORY.isSubclassOf("lio_storagevolume", "CIM_STORAGEEXTENT"));
        assertTrue(REPOSITORY.isSubclassOf("LIO_StorageVolume", "LIO_StorageVolume"));
        assertFalse(REPOSITORY.isSubclassOf("LIO_StorageVolume", "CIM_StoragePool"));
        assertFalse(REPOSITORY.isSubclassOf("LIO_Nothing", "CIM_ManagedElement"));

        assertEquals(List.of("LIO_StorageVolume"), REPOSITORY.subclassNames("CIM_StorageVolume", false));
        List<String> extents = REPOSITORY.subclassNames("CIM_StorageExtent", true);
        assertTrue(extents.containsAll(List.of("CIM_StorageVolume", "LIO_StorageVolume", "CIM_Memory")));
        assertTrue(REPOSITORY.subclassNames("CIM_ManagedElement", true).containsAll(LIO_CLASSES.subList(0, 7)));
        assertTrue(REPOSITORY.subclassNames(null, false).containsAll(List.of("CIM_ManagedElement", "CIM_Dependency")));
        assertFalse(REPOSITORY.subclassNames(null, false).contains("CIM_StorageVolume"));
        assertEquals(REPOSITORY.classNames(), REPOSITORY.subclassNames(null, true));
        assertEquals(List.of(), REPOSITORY.subclassNames("LIO_StorageVolume", true));
    }

    @Test
    void embeddedInstanceQualifiersAreStrings() {
        CIMParameter<?> errors = REPOSITORY.getClass("LIO_ConcreteJob").getMethod("GetErrors").getParameter("Errors");
        assertEquals(CIMDataType.STRING_ARRAY_T, errors.getDataType());
        assertEquals("CIM_Error", errors.getQualifierValue("EmbeddedInstance"));
        assertArrayEquals(new String[] {"0", "1", "2", "3", "4", "5", "6", "..", "32768..65535"},
                (String[]) REPOSITORY.getClass("LIO_ConcreteJob").getMethod("GetErrors").getQualifierValue("ValueMap"));
    }
}
