package org.liosmis.cimom;

import java.lang.reflect.Array;
import java.math.BigInteger;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.cim.UnsignedInteger8;
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
        Object[] typed = (Object[]) Array.newInstance(javaType(declared), items.length);
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
        if (javaType(declared).isInstance(raw)) {
            return raw;
        }
        String text = String.valueOf(raw).strip();
        try {
            return switch (type) {
                case CIMDataType.STRING -> String.valueOf(raw);
                case CIMDataType.BOOLEAN -> parseBoolean(text);
                case CIMDataType.CHAR16 -> parseChar(text);
                case CIMDataType.UINT8 -> new UnsignedInteger8(Short.parseShort(text));
                case CIMDataType.UINT16 -> new UnsignedInteger16(Integer.parseInt(text));
                case CIMDataType.UINT32 -> new UnsignedInteger32(Long.parseLong(text));
                case CIMDataType.UINT64 -> new UnsignedInteger64(new BigInteger(text));
                case CIMDataType.SINT8 -> Byte.valueOf(text);
                case CIMDataType.SINT16 -> Short.valueOf(text);
                case CIMDataType.SINT32 -> Integer.valueOf(text);
                case CIMDataType.SINT64 -> Long.valueOf(text);
                case CIMDataType.REAL32 -> Float.valueOf(text);
                case CIMDataType.REAL64 -> Double.valueOf(text);
                case CIMDataType.DATETIME -> text.endsWith(":000")
                        ? new CIMDateTimeInterval(text) : new CIMDateTimeAbsolute(text);
                default -> throw invalid(what, "values of type " + typeName(declared) + " are not accepted");
            };
        } catch (IllegalArgumentException e) {
            // NumberFormatException included: out of range or not a number at all
            throw invalid(what, "\"" + text + "\" is not a valid " + typeName(declared));
        }
    }

    private static Boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(text);
    }

    private static Character parseChar(String text) {
        if (text.length() != 1) {
            throw new IllegalArgumentException(text);
        }
        return text.charAt(0);
    }

    static Class<?> javaType(CIMDataType type) {
        return switch (type.getType()) {
            case CIMDataType.STRING -> String.class;
            case CIMDataType.BOOLEAN -> Boolean.class;
            case CIMDataType.CHAR16 -> Character.class;
            case CIMDataType.UINT8 -> UnsignedInteger8.class;
            case CIMDataType.UINT16 -> UnsignedInteger16.class;
            case CIMDataType.UINT32 -> UnsignedInteger32.class;
            case CIMDataType.UINT64 -> UnsignedInteger64.class;
            case CIMDataType.SINT8 -> Byte.class;
            case CIMDataType.SINT16 -> Short.class;
            case CIMDataType.SINT32 -> Integer.class;
            case CIMDataType.SINT64 -> Long.class;
            case CIMDataType.REAL32 -> Float.class;
            case CIMDataType.REAL64 -> Double.class;
            case CIMDataType.REFERENCE -> CIMObjectPath.class;
            case CIMDataType.DATETIME -> org.metricshub.wbem.javax.cim.CIMDateTime.class;
            default -> Object.class;
        };
    }

    static String typeName(CIMDataType type) {
        String base = type.getType() == CIMDataType.REFERENCE
                ? type.getRefClassName() + " REF" : CimTypes.name(type.getType());
        return type.isArray() ? base + "[]" : base;
    }

    private static WBEMException invalid(String what, String why) {
        return new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, what + ": " + why);
    }
}
