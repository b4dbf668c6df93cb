package org.liosmis.cimom;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.liosmis.schema.ClassRepository;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** The checks every request passes before a provider sees it, each with a precise CIM error. */
final class RequestChecks {

    private final Namespaces namespaces;
    private final ClassRepository classes;

    RequestChecks(Namespaces namespaces, ClassRepository classes) {
        this.namespaces = namespaces;
        this.classes = classes;
    }

    void namespace(String namespace) throws WBEMException {
        namespaces.check(namespace);
    }

    /** The class named by the request itself: an unknown one is CIM_ERR_INVALID_CLASS. */
    CIMClass existingClass(String namespace, String className) throws WBEMException {
        namespaces.check(namespace);
        CIMClass cimClass = className == null ? null : classes.getClass(className);
        if (cimClass == null) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_CLASS,
                    "class \"" + className + "\" does not exist in namespace " + namespace);
        }
        return cimClass;
    }

    /** A class named as a filter (AssocClass, ResultClass): an unknown one is CIM_ERR_INVALID_PARAMETER. */
    String filterClass(String parameter, String className) throws WBEMException {
        if (className == null || className.isEmpty()) {
            return null;
        }
        CIMClass cimClass = classes.getClass(className);
        if (cimClass == null) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER,
                    parameter + " names class \"" + className + "\", which does not exist");
        }
        return cimClass.getName();
    }

    /**
     * Checks an instance name against its class: exactly the class's keys, values coerced to
     * the declared key types, class and key names in declared case, namespace filled in.
     */
    CIMObjectPath instanceName(CIMObjectPath path) throws WBEMException {
        String namespace = path.getNamespace();
        CIMClass cimClass = existingClass(namespace, path.getObjectName());
        CIMClassProperty<?>[] declaredKeys = cimClass.getKeys();
        if (path.getKeys().length == 0) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER,
                    "the instance name of " + cimClass.getName() + " has no keys; it needs " + keyNames(declaredKeys));
        }
        Set<String> seen = new HashSet<>();
        CIMProperty<?>[] keys = new CIMProperty<?>[declaredKeys.length];
        for (CIMProperty<?> given : path.getKeys()) {
            CIMClassProperty<?> declared = cimClass.getProperty(given.getName());
            if (declared == null || !declared.isKey()) {
                throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, "\"" + given.getName()
                        + "\" is not a key of " + cimClass.getName() + "; its keys are " + keyNames(declaredKeys));
            }
            if (!seen.add(declared.getName().toLowerCase(Locale.ROOT))) {
                throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER,
                        "key " + declared.getName() + " is given twice");
            }
            Object value = ValueCoercer.coerce("key " + declared.getName(), declared.getDataType(), given.getValue());
            keys[indexOf(declaredKeys, declared)] =
                    new CIMProperty<>(declared.getName(), declared.getDataType(), value, true, false, null);
        }
        if (seen.size() != declaredKeys.length) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, "the instance name of "
                    + cimClass.getName() + " lacks keys; it needs " + keyNames(declaredKeys));
        }
        return new CIMObjectPath(path.getScheme(), path.getHost(), path.getPort(), namespace, cimClass.getName(), keys);
    }

    private static int indexOf(CIMClassProperty<?>[] keys, CIMClassProperty<?> key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].getName().equalsIgnoreCase(key.getName())) {
                return i;
            }
        }
        throw new IllegalArgumentException(key.getName());
    }

    private static String keyNames(CIMClassProperty<?>[] keys) {
        StringBuilder names = new StringBuilder();
        for (CIMClassProperty<?> key : keys) {
            names.append(names.isEmpty() ? "" : ", ").append(key.getName());
        }
        return names.toString();
    }
}
