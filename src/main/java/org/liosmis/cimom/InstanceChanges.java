package org.liosmis.cimom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * What a ModifyInstance changes, checked against the class: every property it holds or names
 * must be the class's, with a value of the declared type; keys cannot change. Only properties
 * the class declares [Write] are changed: naming another in PropertyList is refused, while one
 * merely held by the instance (a client sending back what GetInstance gave) is left as it is.
 */
final class InstanceChanges {

    private InstanceChanges() {
    }

    static CIMInstance of(CIMClass cimClass, CIMObjectPath path, CIMInstance modified, String[] propertyList)
            throws WBEMException {
        Map<String, Object> given = new LinkedHashMap<>();
        for (CIMProperty<?> property : modified.getProperties()) {
            CIMClassProperty<?> declared = declared(cimClass, property.getName());
            Object value = ValueCoercer.coerce("property " + declared.getName(), declared.getDataType(),
                    property.getValue());
            if (declared.isKey() && !String.valueOf(value).equals(String.valueOf(path.getKeyValue(declared.getName())))) {
                throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, "key " + declared.getName()
                        + " cannot be changed: the instance holds a value other than its name's");
            }
            given.put(declared.getName().toLowerCase(Locale.ROOT), value);
        }
        List<CIMProperty<?>> changes = new ArrayList<>();
        if (propertyList == null) {
            for (CIMClassProperty<?> declared : cimClass.getProperties()) {
                String key = declared.getName().toLowerCase(Locale.ROOT);
                if (writable(declared) && given.containsKey(key)) {
                    changes.add(change(declared, given.get(key)));
                }
            }
        } else {
            for (String name : propertyList) {
                CIMClassProperty<?> declared = declared(cimClass, name);
                if (!writable(declared)) {
                    throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED, declared.getName() + " of "
                            + cimClass.getName() + " cannot be modified: it is not declared [Write]");
                }
                // named but not held: set to NULL (DSP0200)
                changes.add(change(declared, given.get(declared.getName().toLowerCase(Locale.ROOT))));
            }
        }
        return new CIMInstance(path, changes.toArray(CIMProperty<?>[]::new));
    }

    private static CIMClassProperty<?> declared(CIMClass cimClass, String name) throws WBEMException {
        CIMClassProperty<?> declared = name == null ? null : cimClass.getProperty(name);
        if (declared == null) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER,
                    cimClass.getName() + " has no property \"" + name + "\"");
        }
        return declared;
    }

    private static boolean writable(CIMClassProperty<?> declared) {
        return !declared.isKey() && declared.getQualifier("Write") != null
                && !Boolean.FALSE.equals(declared.getQualifier("Write").getValue());
    }

    private static CIMProperty<?> change(CIMClassProperty<?> declared, Object value) {
        return new CIMProperty<>(declared.getName(), declared.getDataType(), value);
    }
}
