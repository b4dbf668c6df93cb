package org.liosmis.spi;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTime;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.cim.UnsignedInteger8;

/**
 * The CIM intrinsic types as JSR48 carries them: their names (as MOF and CIM-XML TYPE
 * attributes spell them), the Java class of their values, and the text form of scalars.
 */
public final class CimValues {

    private record Names(CIMDataType scalar, CIMDataType array) { }

    private static final Map<String, Names> BY_NAME = Map.ofEntries(
            Map.entry("boolean", new Names(CIMDataType.BOOLEAN_T, CIMDataType.BOOLEAN_ARRAY_T)),
            Map.entry("string", new Names(CIMDataType.STRING_T, CIMDataType.STRING_ARRAY_T)),
            Map.entry("char16", new Names(CIMDataType.CHAR16_T, CIMDataType.CHAR16_ARRAY_T)),
            Map.entry("uint8", new Names(CIMDataType.UINT8_T, CIMDataType.UINT8_ARRAY_T)),
            Map.entry("sint8", new Names(CIMDataType.SINT8_T, CIMDataType.SINT8_ARRAY_T)),
            Map.entry("uint16", new Names(CIMDataType.UINT16_T, CIMDataType.UINT16_ARRAY_T)),
            Map.entry("sint16", new Names(CIMDataType.SINT16_T, CIMDataType.SINT16_ARRAY_T)),
            Map.entry("uint32", new Names(CIMDataType.UINT32_T, CIMDataType.UINT32_ARRAY_T)),
            Map.entry("sint32", new Names(CIMDataType.SINT32_T, CIMDataType.SINT32_ARRAY_T)),
            Map.entry("uint64", new Names(CIMDataType.UINT64_T, CIMDataType.UINT64_ARRAY_T)),
            Map.entry("sint64", new Names(CIMDataType.SINT64_T, CIMDataType.SINT64_ARRAY_T)),
            Map.entry("real32", new Names(CIMDataType.REAL32_T, CIMDataType.REAL32_ARRAY_T)),
            Map.entry("real64", new Names(CIMDataType.REAL64_T, CIMDataType.REAL64_ARRAY_T)),
            Map.entry("datetime", new Names(CIMDataType.DATETIME_T, CIMDataType.DATETIME_ARRAY_T)));

    private CimValues() {
    }

    /** The data type for a TYPE attribute, or null for an unknown name. */
    public static CIMDataType fromName(String typeName, boolean array) {
        Names names = BY_NAME.get(typeName.toLowerCase(Locale.ROOT));
        if (names == null) {
            return null;
        }
        return array ? names.array() : names.scalar();
    }

    /** The TYPE attribute for a data type; embedded objects travel as strings. */
    public static String name(CIMDataType type) {
        return switch (type.getType()) {
            case CIMDataType.BOOLEAN -> "boolean";
            case CIMDataType.CHAR16 -> "char16";
            case CIMDataType.UINT8 -> "uint8";
            case CIMDataType.SINT8 -> "sint8";
            case CIMDataType.UINT16 -> "uint16";
            case CIMDataType.SINT16 -> "sint16";
            case CIMDataType.UINT32 -> "uint32";
            case CIMDataType.SINT32 -> "sint32";
            case CIMDataType.UINT64 -> "uint64";
            case CIMDataType.SINT64 -> "sint64";
            case CIMDataType.REAL32 -> "real32";
            case CIMDataType.REAL64 -> "real64";
            case CIMDataType.DATETIME -> "datetime";
            case CIMDataType.REFERENCE -> "reference";
            default -> "string";
        };
    }

    /** True for the types written as embedded objects (an escaped INSTANCE or CLASS). */
    public static boolean isEmbeddedObject(CIMDataType type) {
        return type.getType() == CIMDataType.OBJECT || type.getType() == CIMDataType.CLASS;
    }

    /** An empty Java array for values of the element type, as JSR48 types arrays. */
    public static Object[] newArray(CIMDataType elementType, int length) {
        return (Object[]) java.lang.reflect.Array.newInstance(javaType(elementType.getType()), length);
    }

    /** The Java class JSR48 uses for a value of the type (Object for embedded objects). */
    public static Class<?> javaType(int type) {
        return switch (type) {
            case CIMDataType.STRING -> String.class;
            case CIMDataType.BOOLEAN -> Boolean.class;
            case CIMDataType.CHAR16 -> Character.class;
            case CIMDataType.UINT8 -> UnsignedInteger8.class;
            case CIMDataType.SINT8 -> Byte.class;
            case CIMDataType.UINT16 -> UnsignedInteger16.class;
            case CIMDataType.SINT16 -> Short.class;
            case CIMDataType.UINT32 -> UnsignedInteger32.class;
            case CIMDataType.SINT32 -> Integer.class;
            case CIMDataType.UINT64 -> UnsignedInteger64.class;
            case CIMDataType.SINT64 -> Long.class;
            case CIMDataType.REAL32 -> Float.class;
            case CIMDataType.REAL64 -> Double.class;
            case CIMDataType.DATETIME -> CIMDateTime.class;
            case CIMDataType.REFERENCE -> CIMObjectPath.class;
            default -> Object.class;
        };
    }

    /** The Java value of a scalar's text, as JSR48 types it; IllegalArgumentException when it does not fit. */
    public static Object parse(CIMDataType type, String text) {
        String trimmed = text.trim();
        return switch (type.getType()) {
            case CIMDataType.BOOLEAN -> parseBoolean(trimmed);
            case CIMDataType.CHAR16 -> parseChar(text);
            case CIMDataType.UINT8 -> new UnsignedInteger8(Short.parseShort(trimmed));
            case CIMDataType.SINT8 -> Byte.parseByte(trimmed);
            case CIMDataType.UINT16 -> new UnsignedInteger16(Integer.parseInt(trimmed));
            case CIMDataType.SINT16 -> Short.parseShort(trimmed);
            case CIMDataType.UINT32 -> new UnsignedInteger32(Long.parseLong(trimmed));
            case CIMDataType.SINT32 -> Integer.parseInt(trimmed);
            case CIMDataType.UINT64 -> new UnsignedInteger64(new BigInteger(trimmed));
            case CIMDataType.SINT64 -> Long.parseLong(trimmed);
            case CIMDataType.REAL32 -> Float.parseFloat(trimmed);
            case CIMDataType.REAL64 -> Double.parseDouble(trimmed);
            case CIMDataType.DATETIME -> parseDateTime(trimmed);
            case CIMDataType.STRING -> text;
            default -> throw new IllegalArgumentException("values of type " + type + " cannot be written as text");
        };
    }

    /**
     * The data type of a value as JSR48 types it, scalar or array (an array of the element
     * type's Java class); references by their class, embedded instances as objects.
     * IllegalArgumentException for what is no CIM value.
     */
    public static CIMDataType typeOf(Object value) {
        boolean array = value instanceof Object[];
        Class<?> javaClass = array ? value.getClass().getComponentType() : value.getClass();
        if (CIMObjectPath.class.isAssignableFrom(javaClass)) {
            Object[] paths = array ? (Object[]) value : new Object[] {value};
            String refClass = paths.length == 0 ? "" : ((CIMObjectPath) paths[0]).getObjectName();
            return array ? new CIMDataType(refClass, 0) : new CIMDataType(refClass);
        }
        if (CIMInstance.class.isAssignableFrom(javaClass)) {
            return array ? CIMDataType.OBJECT_ARRAY_T : CIMDataType.OBJECT_T;
        }
        for (Names names : BY_NAME.values()) {
            if (javaType(names.scalar().getType()).isAssignableFrom(javaClass)) {
                return array ? names.array() : names.scalar();
            }
        }
        throw new IllegalArgumentException("a " + javaClass.getSimpleName() + " is no CIM value");
    }

    /** The text of a scalar value. */
    public static String format(Object value) {
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (value instanceof CIMDateTime dateTime) {
            return dateTime.getDateTimeString();
        }
        return String.valueOf(value);
    }

    public static boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a boolean");
    }

    private static Character parseChar(String text) {
        if (text.length() != 1) {
            throw new IllegalArgumentException("\"" + text + "\" is not a single character");
        }
        return text.charAt(0);
    }

    // an interval has ':' where an absolute time has its UTC offset sign (DSP0004 §5.2.4)
    private static CIMDateTime parseDateTime(String text) {
        if (text.length() == 25 && text.charAt(21) == ':') {
            return new CIMDateTimeInterval(text);
        }
        return new CIMDateTimeAbsolute(text);
    }
}
