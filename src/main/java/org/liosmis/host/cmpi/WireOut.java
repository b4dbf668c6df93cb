package org.liosmis.host.cmpi;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.liosmis.spi.CimValues;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTime;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.cim.UnsignedInteger8;

/**
 * The answer to the bridge: an int32 status (0, or the DSP0200 code) and a message string,
 * then, on success, items (a uint8 kind: 1 an instance, 2 a path, 3 the return value, 4 a
 * named output argument) until a 0. Paths, instances and values are laid out as
 * {@link WireIn} reads them; every path carries the operation's namespace.
 */
final class WireOut {

    static final int INSTANCE = 1;
    static final int PATH = 2;
    static final int RETURN_VALUE = 3;
    static final int OUT_ARGUMENT = 4;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
    private final String namespace;

    WireOut(String namespace) {
        this.namespace = namespace;
    }

    static byte[] failure(int code, String message) {
        WireOut out = new WireOut(null);
        out.i32(code);
        out.string(message);
        return out.bytes.toByteArray();
    }

    /** The start of a successful answer. */
    WireOut success() {
        i32(0);
        string(null);
        return this;
    }

    byte[] end() {
        bytes.write(0);
        return bytes.toByteArray();
    }

    void item(int kind) {
        bytes.write(kind);
    }

    private void u16(int value) {
        scratch.clear();
        bytes.write(scratch.putShort((short) value).array(), 0, 2);
    }

    private void i32(int value) {
        scratch.clear();
        bytes.write(scratch.putInt(value).array(), 0, 4);
    }

    private void i64(long value) {
        scratch.clear();
        bytes.write(scratch.putLong(value).array(), 0, 8);
    }

    void string(String text) {
        if (text == null) {
            i32(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        i32(utf8.length);
        bytes.write(utf8, 0, utf8.length);
    }

    void path(CIMObjectPath path) {
        bytes.write(1);
        string(null);
        string(path.getNamespace() == null || path.getNamespace().isEmpty() ? namespace : path.getNamespace());
        string(path.getObjectName());
        CIMProperty<?>[] keys = path.getKeys();
        i32(keys.length);
        for (CIMProperty<?> key : keys) {
            string(key.getName());
            value(key.getDataType(), key.getValue());
        }
    }

    void instance(CIMInstance instance) {
        bytes.write(1);
        path(instance.getObjectPath());
        CIMProperty<?>[] properties = instance.getProperties();
        i32(properties.length);
        for (CIMProperty<?> property : properties) {
            string(property.getName());
            value(property.getDataType(), property.getValue());
        }
    }

    /** A value; its type is the value's own when it has one (an embedded instance is an instance). */
    void value(CIMDataType declared, Object value) {
        CIMDataType type = value == null ? declared : CimValues.typeOf(value);
        int element = CmpiTypes.code(type);
        u16(type.isArray() ? element | CmpiTypes.ARRAY : element);
        if (value == null) {
            bytes.write(1);
            return;
        }
        bytes.write(0);
        if (!(value instanceof Object[] array)) {
            scalar(element, value);
            return;
        }
        i32(array.length);
        for (Object item : array) {
            bytes.write(item == null ? 1 : 0);
            if (item != null) {
                scalar(element, item);
            }
        }
    }

    private void scalar(int element, Object value) {
        switch (element) {
            case CmpiTypes.BOOLEAN -> bytes.write((Boolean) value ? 1 : 0);
            case CmpiTypes.CHAR16 -> u16((Character) value);
            case CmpiTypes.REAL32 -> i32(Float.floatToRawIntBits((Float) value));
            case CmpiTypes.REAL64 -> i64(Double.doubleToRawLongBits((Double) value));
            case CmpiTypes.UINT8 -> bytes.write(((UnsignedInteger8) value).byteValue());
            case CmpiTypes.UINT16 -> u16(((UnsignedInteger16) value).intValue());
            case CmpiTypes.UINT32 -> i32((int) ((UnsignedInteger32) value).longValue());
            case CmpiTypes.UINT64 -> i64(((UnsignedInteger64) value).longValue());
            case CmpiTypes.SINT8 -> bytes.write((Byte) value);
            case CmpiTypes.SINT16 -> u16((Short) value);
            case CmpiTypes.SINT32 -> i32((Integer) value);
            case CmpiTypes.SINT64 -> i64((Long) value);
            case CmpiTypes.DATETIME -> string(((CIMDateTime) value).getDateTimeString());
            case CmpiTypes.REF -> path((CIMObjectPath) value);
            case CmpiTypes.INSTANCE -> instance((CIMInstance) value);
            default -> string(value.toString());
        }
    }
}
