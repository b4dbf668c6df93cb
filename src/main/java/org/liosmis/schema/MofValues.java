package org.liosmis.schema;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.List;
import org.liosmis.schema.MofSyntax.Alias;
import org.liosmis.spi.CimValues;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTime;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.cim.UnsignedInteger8;

/** Turns untyped MOF literals into the JSR48 Java values of a declared CIM type. */
final class MofValues {

    private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);

    private MofValues() {
    }

    /**
     * The literal as a value of the type: scalars for scalar types, Java arrays of the
     * element class for array types (a lone scalar becomes a one-element array).
     *
     * @throws IllegalArgumentException when the literal does not fit the type
     */
    static Object typed(Object literal, CIMDataType type) {
        if (literal == null) {
            return null;
        }
        if (!type.isArray()) {
            if (literal instanceof List) {
                throw new IllegalArgumentException("an array value is given for a scalar of type " + type);
            }
            return scalar(literal, type.getType());
        }
        List<?> elements = literal instanceof List<?> list ? list : List.of(literal);
        Object array = Array.newInstance(CimValues.javaType(type.getType()), elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Array.set(array, i, elements.get(i) == null ? null : scalar(elements.get(i), type.getType()));
        }
        return array;
    }

    private static Object scalar(Object literal, int type) {
        return switch (type) {
            case CIMDataType.BOOLEAN -> as(Boolean.class, literal, "boolean");
            case CIMDataType.STRING -> as(String.class, literal, "string");
            case CIMDataType.CHAR16 -> as(Character.class, literal, "char16");
            case CIMDataType.DATETIME -> dateTime(as(String.class, literal, "datetime"));
            case CIMDataType.UINT8 -> new UnsignedInteger8((short) integer(literal, BigInteger.ZERO, BigInteger.valueOf(0xFF)));
            case CIMDataType.UINT16 -> new UnsignedInteger16((int) integer(literal, BigInteger.ZERO, BigInteger.valueOf(0xFFFF)));
            case CIMDataType.UINT32 -> new UnsignedInteger32(integer(literal, BigInteger.ZERO, BigInteger.valueOf(0xFFFF_FFFFL)));
            case CIMDataType.UINT64 -> new UnsignedInteger64(unsigned64(literal));
            case CIMDataType.SINT8 -> (byte) integer(literal, BigInteger.valueOf(Byte.MIN_VALUE), BigInteger.valueOf(Byte.MAX_VALUE));
            case CIMDataType.SINT16 -> (short) integer(literal, BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE));
            case CIMDataType.SINT32 -> (int) integer(literal, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
            case CIMDataType.SINT64 -> integer(literal, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
            case CIMDataType.REAL32 -> (float) real(literal);
            case CIMDataType.REAL64 -> real(literal);
            case CIMDataType.REFERENCE -> reference(literal);
            default -> throw new IllegalArgumentException("unsupported type " + type);
        };
    }

    private static <T> T as(Class<T> kind, Object literal, String typeName) {
        if (!kind.isInstance(literal)) {
            throw new IllegalArgumentException(describe(literal) + " is not a " + typeName + " value");
        }
        return kind.cast(literal);
    }

    private static long integer(Object literal, BigInteger min, BigInteger max) {
        BigInteger value = as(BigInteger.class, literal, "integer");
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(value + " is out of range [" + min + ", " + max + "]");
        }
        return value.longValue();
    }

    private static BigInteger unsigned64(Object literal) {
        BigInteger value = as(BigInteger.class, literal, "integer");
        if (value.signum() < 0 || value.compareTo(UINT64_LIMIT) >= 0) {
            throw new IllegalArgumentException(value + " is out of range for uint64");
        }
        return value;
    }

    private static double real(Object literal) {
        if (literal instanceof BigInteger integer) {
            return integer.doubleValue();
        }
        return as(Double.class, literal, "real");
    }

    /** An interval has a colon at offset 21 ("ddddddddhhmmss.mmmmmm:000"), a timestamp a sign there. */
    private static CIMDateTime dateTime(String text) {
        return text.length() > 21 && text.charAt(21) == ':' ? new CIMDateTimeInterval(text) : new CIMDateTimeAbsolute(text);
    }

    private static CIMObjectPath reference(Object literal) {
        if (literal instanceof Alias alias) {
            throw new IllegalArgumentException("alias $" + alias.name() + " cannot be resolved in a class");
        }
        return new CIMObjectPath(as(String.class, literal, "reference"));
    }

    private static String describe(Object literal) {
        return literal instanceof String s ? "\"" + s + "\"" : String.valueOf(literal);
    }
}
