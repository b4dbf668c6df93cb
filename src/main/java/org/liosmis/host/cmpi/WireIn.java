package org.liosmis.host.cmpi;

import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.liosmis.spi.CimValues;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.cim.UnsignedInteger8;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * A request from the bridge, read as the provider SPI types it. The layout (machine byte
 * order): a string is an int32 length, -1 for null, then UTF-8; a value is its uint16 CMPI
 * type, a uint8 state (0 present, 1 null, 2 a type the bridge does not carry) and, when
 * present, the scalar (1, 2, 4 or 8 bytes; strings and datetimes as strings; a reference as
 * a path; an instance as an instance) or, for an array, an int32 count and each element as
 * a state and a scalar; a path is a uint8 presence, then host, namespace, class name and an
 * int32 count of named key values; an instance is a uint8 presence, its path and an int32
 * count of named property values. Whatever does not read answers as the broker's mistake.
 */
final class WireIn {

    private static final int PRESENT = 0;
    private static final int NULL = 1;
    private static final int UNTAKEN = 2;
    private static final int MAX_DEPTH = 16;

    private final ByteBuffer bytes;
    private int depth;

    WireIn(byte[] request) {
        bytes = ByteBuffer.wrap(request).order(ByteOrder.nativeOrder());
    }

    int u8() throws WBEMException {
        try {
            return bytes.get() & 0xff;
        } catch (BufferUnderflowException e) {
            throw broken("the request ends early");
        }
    }

    private int u16() throws WBEMException {
        try {
            return bytes.getShort() & 0xffff;
        } catch (BufferUnderflowException e) {
            throw broken("the request ends early");
        }
    }

    private int i32() throws WBEMException {
        try {
            return bytes.getInt();
        } catch (BufferUnderflowException e) {
            throw broken("the request ends early");
        }
    }

    private long i64() throws WBEMException {
        try {
            return bytes.getLong();
        } catch (BufferUnderflowException e) {
            throw broken("the request ends early");
        }
    }

    /** A string, or null. */
    String string() throws WBEMException {
        int length = i32();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > bytes.remaining()) {
            throw broken("a string runs past the end of the request");
        }
        ByteBuffer text = bytes.slice(bytes.position(), length);
        bytes.position(bytes.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(text).toString();
        } catch (CharacterCodingException e) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, "a name or value is not UTF-8 text");
        }
    }

    /** A string that must be there, named for the description. */
    String name(String what) throws WBEMException {
        String name = string();
        if (name == null || name.isEmpty()) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, "the broker passed no " + what);
        }
        return name;
    }

    /** A property list: null for every property. */
    String[] propertyList() throws WBEMException {
        int count = i32();
        if (count == -1) {
            return null;
        }
        if (count < 0 || count > bytes.remaining()) {
            throw broken("a property list runs past the end of the request");
        }
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = name("property name in the property list");
        }
        return names;
    }

    /** An object path, or null when the broker passed none. */
    CIMObjectPath path() throws WBEMException {
        if (u8() == 0) {
            return null;
        }
        string(); // the host: a broker's provider serves its own host only
        String namespace = string();
        String className = name("class name in an object path");
        int count = count("keys");
        CIMProperty<?>[] keys = new CIMProperty<?>[count];
        for (int i = 0; i < count; i++) {
            String name = name("key name in a path of " + className);
            Typed key = value("key " + name);
            if (key.value() == null) {
                throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER,
                        "key " + name + " of " + className + " has no value");
            }
            keys[i] = new CIMProperty<>(name, key.type(), key.value(), true, false, null);
        }
        return new CIMObjectPath(null, null, null, namespace == null || namespace.isEmpty() ? null : namespace,
                className, keys);
    }

    /** An instance, or null when the broker passed none. */
    CIMInstance instance() throws WBEMException {
        if (u8() == 0) {
            return null;
        }
        if (++depth > MAX_DEPTH) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER,
                    "embedded instances nest deeper than " + MAX_DEPTH);
        }
        CIMObjectPath path = path();
        if (path == null) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, "the broker passed an instance of no class");
        }
        int count = count("properties");
        List<CIMProperty<?>> properties = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = name("property name in an instance of " + path.getObjectName());
            Typed property = value("property " + name);
            properties.add(new CIMProperty<>(name, property.type(), property.value()));
        }
        depth--;
        return new CIMInstance(path, properties.toArray(CIMProperty<?>[]::new));
    }

    /** Method arguments, in order; a null one stays, typed as the broker typed it. */
    List<CIMArgument<?>> arguments() throws WBEMException {
        int count = count("arguments");
        List<CIMArgument<?>> arguments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = name("argument name");
            Typed argument = value("argument " + name);
            arguments.add(new CIMArgument<>(name, argument.type(), argument.value()));
        }
        return arguments;
    }

    /** A value and its type; a null value is typed too. */
    record Typed(CIMDataType type, Object value) {
    }

    private Typed value(String what) throws WBEMException {
        int code = u16();
        int state = u8();
        boolean array = (code & CmpiTypes.ARRAY) != 0;
        int element = code & ~CmpiTypes.ARRAY;
        if (state == UNTAKEN) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, what + " has CMPI type " + code
                    + ", which is no CIM property or parameter type lio-smis takes");
        }
        if (state != PRESENT && state != NULL) {
            throw broken(what + " has an unknown state " + state);
        }
        CIMDataType simple = CmpiTypes.elementType(element);
        if (simple == null && element != CmpiTypes.REF && element != CmpiTypes.INSTANCE) {
            throw broken(what + " has an unknown CMPI type " + code);
        }
        if (state == NULL) {
            return new Typed(nullType(element, simple, array), null);
        }
        if (!array) {
            Object scalar = scalar(element, what);
            return new Typed(CimValues.typeOf(scalar), scalar);
        }
        int count = count("elements of " + what);
        Object[] elements = element == CmpiTypes.REF ? new CIMObjectPath[count]
                : element == CmpiTypes.INSTANCE ? new CIMInstance[count] : CimValues.newArray(simple, count);
        for (int i = 0; i < count; i++) {
            int elementState = u8();
            if (elementState == PRESENT) {
                elements[i] = scalar(element, what);
            } else if (elementState != NULL) {
                throw broken(what + " has an element in an unknown state " + elementState);
            }
        }
        return new Typed(element == CmpiTypes.REF && count > 0 && elements[0] != null
                ? CimValues.typeOf(elements) : nullType(element, simple, true), elements);
    }

    private static CIMDataType nullType(int element, CIMDataType simple, boolean array) {
        if (element == CmpiTypes.REF) {
            return array ? new CIMDataType("", 0) : new CIMDataType("");
        }
        if (element == CmpiTypes.INSTANCE) {
            return array ? CIMDataType.OBJECT_ARRAY_T : CIMDataType.OBJECT_T;
        }
        return array ? CimValues.fromName(CimValues.name(simple), true) : simple;
    }

    private Object scalar(int element, String what) throws WBEMException {
        return switch (element) {
            case CmpiTypes.BOOLEAN -> u8() != 0;
            case CmpiTypes.CHAR16 -> (char) u16();
            case CmpiTypes.REAL32 -> Float.intBitsToFloat(i32());
            case CmpiTypes.REAL64 -> Double.longBitsToDouble(i64());
            case CmpiTypes.UINT8 -> new UnsignedInteger8((short) u8());
            case CmpiTypes.UINT16 -> new UnsignedInteger16(u16());
            case CmpiTypes.UINT32 -> new UnsignedInteger32(Integer.toUnsignedLong(i32()));
            case CmpiTypes.UINT64 -> new UnsignedInteger64(new BigInteger(Long.toUnsignedString(i64())));
            case CmpiTypes.SINT8 -> (byte) u8();
            case CmpiTypes.SINT16 -> (short) u16();
            case CmpiTypes.SINT32 -> i32();
            case CmpiTypes.SINT64 -> i64();
            case CmpiTypes.STRING -> present(string(), what);
            case CmpiTypes.DATETIME -> dateTime(present(string(), what), what);
            case CmpiTypes.REF -> present(path(), what);
            default -> present(instance(), what);
        };
    }

    private static <T> T present(T value, String what) throws WBEMException {
        if (value == null) {
            throw broken(what + " is marked present but holds nothing");
        }
        return value;
    }

    private static Object dateTime(String text, String what) throws WBEMException {
        try {
            return CimValues.parse(CIMDataType.DATETIME_T, text);
        } catch (IllegalArgumentException e) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER,
                    what + ": \"" + text + "\" is not a CIM datetime");
        }
    }

    private int count(String what) throws WBEMException {
        int count = i32();
        // every counted item takes at least one byte
        if (count < 0 || count > bytes.remaining()) {
            throw broken("the count of " + what + " runs past the end of the request");
        }
        return count;
    }

    private static WBEMException broken(String what) {
        return new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER,
                "the broker's request to lio-smis cannot be read: " + what);
    }
}
