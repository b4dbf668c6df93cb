package org.liosmis.cimom;

import java.lang.reflect.Array;
import org.liosmis.spi.CimValues;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Turns a value as it came off the wire (wbemcli sends every argument untyped: a String,
 * a String[] or a reference) into the Java type of its declared CIM type, or says precisely
 * why it cannot.
 */
final class ValueCoercer {

    private ValueCoercer() {
    }

    static Object coerce(String what, CIMDataType declared, Object raw) throws WBEMException {
        if (raw == null) {
            return null;
        }
        if (!declared.isArray()) {
            if (raw.getClass().isArray()) {
                throw invalid(what, "a single " + typeName(declared) + " was expected, not an array");
            }
            return scalar(what, declared, raw);
        }
        Object[] items = raw.getClass().isArray() ? toObjects(raw) : new Object[] {raw};
        Object[] typed = (Object[]) Array.newInstance(CimValues.javaType(declared.getType()), items.length);
        for (int i = 0; i < items.length; i++) {
            typed[i] = scalar(what, declared, items[i]);
        }
        return typed;
    }

    private static Object[] toObjects(Object array) {
        Object[] items = new Object[Array.getLength(array)];
        for (int i = 0; i < items.length; i++) {
            items[i] = Array.get(array, i);
        }
        return items;
    }

    private static Object scalar(String what, CIMDataType declared, Object raw) throws WBEMException {
        if (raw == null) {
            return null;
        }
        int type = declared.getType();
        if (type == CIMDataType.REFERENCE) {
            if (raw instanceof CIMObjectPath path) {
                return path;
            }
            throw invalid(what, "a reference to " + declared.getRefClassName() + " was expected, got \"" + raw + "\"");
        }
        if (raw instanceof CIMObjectPath) {
            throw invalid(what, "a " + typeName(declared) + " was expected, not a reference");
        }
        Class<?> expected = CimValues.javaType(type);
        if (expected.isInstance(raw)) {
            return raw;
        }
        if (expected == Object.class) {
            throw invalid(what, "values of type " + typeName(declared) + " are not accepted");
        }
        try {
            return CimValues.parse(declared, String.valueOf(raw));
        } catch (IllegalArgumentException e) {
            // NumberFormatException included: out of range or not a number at all
            throw invalid(what, "\"" + String.valueOf(raw).strip() + "\" is not a valid " + typeName(declared));
        }
    }

    static String typeName(CIMDataType type) {
        String base = type.getType() == CIMDataType.REFERENCE
                ? type.getRefClassName() + " REF" : CimValues.name(type);
        return type.isArray() ? base + "[]" : base;
    }

    private static WBEMException invalid(String what, String why) {
        return new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, what + ": " + why);
    }
}
