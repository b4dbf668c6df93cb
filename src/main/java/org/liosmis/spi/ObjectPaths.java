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

    /** A namespace as CIM compares it: without case, and without leading or trailing slashes. */
    public static String normalisedNamespace(String namespace) {
        String trimmed = namespace == null ? "" : namespace.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the path lies in the namespace; a path that names none is taken to lie in it (the
     * namespace of the request that carried it).
     */
    public static boolean inNamespace(CIMObjectPath path, String namespace) {
        String own = normalisedNamespace(path.getNamespace());
        return own.isEmpty() || own.equals(normalisedNamespace(namespace));
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
