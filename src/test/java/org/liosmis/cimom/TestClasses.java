package org.liosmis.cimom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.liosmis.schema.ClassRepository;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMFlavor;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMParameter;
import org.metricshub.wbem.javax.cim.CIMQualifier;
import org.metricshub.wbem.javax.cim.CIMQualifierType;

/**
 * A tiny hand-resolved class hierarchy for dispatcher tests, independent of the MOF compiler:
 * Test_Base (keys Id) <- Test_Child (adds Extra, method Resize); Test_Link associates two Test_Base.
 */
final class TestClasses implements ClassRepository {

    private final Map<String, CIMClass> classes = new LinkedHashMap<>();
    private final Map<String, String> parents = new LinkedHashMap<>();

    TestClasses() {
        CIMClassProperty<?> id = property("Id", CIMDataType.STRING_T, true, false, "Test_Base");
        CIMClassProperty<?> name = property("Name", CIMDataType.STRING_T, false, false, "Test_Base");
        CIMClassProperty<?> size = property("Size", CIMDataType.UINT64_T, false, false, "Test_Base");
        add("Test_Base", null, false, List.of(id, name, size), List.of());
        add("Test_Child", "Test_Base", false, List.of(
                property("Id", CIMDataType.STRING_T, true, true, "Test_Base"),
                property("Name", CIMDataType.STRING_T, false, true, "Test_Base"),
                property("Size", CIMDataType.UINT64_T, false, true, "Test_Base"),
                property("Extra", CIMDataType.UINT16_T, false, false, "Test_Child")), List.of(resize()));
        add("Test_Link", null, true, List.of(
                reference("Left"), reference("Right")), List.of());
    }

    private static CIMMethod<?> resize() {
        CIMParameter<?>[] parameters = {
            new CIMParameter<>("Count", CIMDataType.UINT16_T, new CIMQualifier<?>[] {in(true)}),
            new CIMParameter<>("Target", new CIMDataType("Test_Base"), new CIMQualifier<?>[] {in(true)}),
            new CIMParameter<>("Result", new CIMDataType("Test_Base"), new CIMQualifier<?>[] {in(false)}),
        };
        return new CIMMethod<>("Resize", CIMDataType.UINT32_T, new CIMQualifier<?>[0], parameters, false, "Test_Child");
    }

    private static CIMQualifier<Boolean> in(boolean value) {
        return new CIMQualifier<>("In", CIMDataType.BOOLEAN_T, value, CIMFlavor.DISABLEOVERRIDE);
    }

    private static CIMClassProperty<?> property(String name, CIMDataType type, boolean key, boolean propagated,
                                                String origin) {
        CIMQualifier<?>[] qualifiers = key
                ? new CIMQualifier<?>[] {new CIMQualifier<>("Key", CIMDataType.BOOLEAN_T, true, CIMFlavor.DISABLEOVERRIDE)}
                : new CIMQualifier<?>[0];
        return new CIMClassProperty<>(name, type, null, qualifiers, key, propagated, origin);
    }

    private static CIMClassProperty<?> reference(String name) {
        return new CIMClassProperty<>(name, new CIMDataType("Test_Base"), null, new CIMQualifier<?>[] {
            new CIMQualifier<>("Key", CIMDataType.BOOLEAN_T, true, CIMFlavor.DISABLEOVERRIDE)}, true, false, "Test_Link");
    }

    private void add(String name, String parent, boolean association, List<CIMClassProperty<?>> properties,
                     List<CIMMethod<?>> methods) {
        CIMQualifier<?>[] qualifiers = association
                ? new CIMQualifier<?>[] {new CIMQualifier<>("Association", CIMDataType.BOOLEAN_T, true, 0)}
                : new CIMQualifier<?>[0];
        classes.put(name.toLowerCase(Locale.ROOT), new CIMClass(new CIMObjectPath(null, null, null, null, name, null),
                parent, qualifiers, properties.toArray(CIMClassProperty<?>[]::new),
                methods.toArray(CIMMethod<?>[]::new), association, true));
        parents.put(name.toLowerCase(Locale.ROOT), parent);
    }

    @Override
    public CIMClass getClass(String className) {
        return classes.get(className.toLowerCase(Locale.ROOT));
    }

    @Override
    public List<String> subclassNames(String className, boolean deep) {
        List<String> names = new ArrayList<>();
        for (CIMClass cimClass : classes.values()) {
            String parent = parents.get(cimClass.getName().toLowerCase(Locale.ROOT));
            boolean child = className == null ? parent == null || deep
                    : deep ? isSubclassOf(cimClass.getName(), className) && !cimClass.getName().equalsIgnoreCase(className)
                    : className.equalsIgnoreCase(parent);
            if (child) {
                names.add(cimClass.getName());
            }
        }
        return names;
    }

    @Override
    public boolean isSubclassOf(String className, String ancestorName) {
        for (String c = className; c != null; c = parents.get(c.toLowerCase(Locale.ROOT))) {
            if (c.equalsIgnoreCase(ancestorName)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public CIMQualifierType<?> getQualifierType(String name) {
        return null;
    }

    @Override
    public List<String> classNames() {
        return classes.values().stream().map(CIMClass::getName).toList();
    }
}
