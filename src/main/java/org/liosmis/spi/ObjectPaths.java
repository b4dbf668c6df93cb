package org.liosmis.spi;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * Comparison of instance names the way CIM means it: class and key names case-insensitive,
 * key values by value; host and namespace ignored (a reference may or may not carry them).
 */
public final class ObjectPaths {

    private ObjectPaths() {
    }

    public static boolean sameInstance(CIMObjectPath a, CIMObjectPath b) {
        return a.getObjectName().equalsIgnoreCase(b.getObjectName()) && keyMap(a).equals(keyMap(b));
    }

    /** True when one of the association's reference properties names the given instance. */
    public static boolean refersTo(CIMInstance association, CIMObjectPath objectName) {
        for (CIMProperty<?> property : association.getProperties()) {
            if (property.getValue() instanceof CIMObjectPath ref && sameInstance(ref, objectName)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> keyMap(CIMObjectPath path) {
        Map<String, String> keys = new TreeMap<>();
        for (CIMProperty<?> key : path.getKeys()) {
            Object value = key.getValue();
            String text = value instanceof CIMObjectPath ref ? canonical(ref) : String.valueOf(value);
            keys.put(key.getName().toLowerCase(Locale.ROOT), text);
        }
        return keys;
    }

    private static String canonical(CIMObjectPath ref) {
        return ref.getObjectName().toLowerCase(Locale.ROOT) + keyMap(ref);
    }
}
