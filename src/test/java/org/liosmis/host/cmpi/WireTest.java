package org.liosmis.host.cmpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.service.ProviderProcess;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.cim.UnsignedInteger8;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The bytes between the CMPI bridge and its Java side: every CIM type both ways, and a
 * request that does not read answered as the broker's mistake, never as an exception.
 */
class WireTest {

    @TempDir
    Path dir;

    private static final CIMObjectPath VOLUME = new CIMObjectPath(null, null, null, "root/lio", "LIO_StorageVolume",
            new CIMProperty<?>[] {new CIMProperty<>("DeviceID", CIMDataType.STRING_T, "vol1", true, false, null)});

    /** A request as the bridge writes one: the operation, then what WireOut lays out as WireIn reads it. */
    private static final class Request {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Request(int operation) {
            bytes.write(operation);
        }

        Request path(CIMObjectPath path) {
            WireOut out = new WireOut("root/lio");
            out.path(path);
            return raw(out);
        }

        Request noPath() {
            bytes.write(0);
            return this;
        }

        Request instance(CIMInstance instance) {
            WireOut out = new WireOut("root/lio");
            out.instance(instance);
            return raw(out);
        }

        Request i32(int value) {
            bytes.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
            return this;
        }

        Request bytes(int... values) {
            for (int value : values) {
                bytes.write(value);
            }
            return this;
        }

        // WireOut.end() adds the end-of-items byte, which a request has not
        private Request raw(WireOut out) {
            byte[] written = out.end();
            bytes.write(written, 0, written.length - 1);
            return this;
        }

        byte[] done() {
            return bytes.toByteArray();
        }
    }

    private static WBEMException refused(byte[] request) {
        return assertThrows(WBEMException.class, () -> BrokerRequest.read(request));
    }

    @Test
    void everyCimTypeTravelsBothWays() throws Exception {
        CIMInstance embedded = new CIMInstance(new CIMObjectPath(null, null, null, "root/lio", "CIM_Error", null),
                new CIMProperty<?>[] {new CIMProperty<>("Message", CIMDataType.STRING_T, "ünïcode")});
        CIMProperty<?>[] properties = {
            new CIMProperty<>("B", CIMDataType.BOOLEAN_T, true),
            new CIMProperty<>("C", CIMDataType.CHAR16_T, 'x'),
            new CIMProperty<>("U8", CIMDataType.UINT8_T, new UnsignedInteger8((short) 255)),
            new CIMProperty<>("U16", CIMDataType.UINT16_T, new UnsignedInteger16(65535)),
            new CIMProperty<>("U32", CIMDataType.UINT32_T, new UnsignedInteger32(4294967295L)),
            new CIMProperty<>("U64", CIMDataType.UINT64_T, new UnsignedInteger64(new BigInteger("18446744073709551615"))),
            new CIMProperty<>("S8", CIMDataType.SINT8_T, (byte) -128),
            new CIMProperty<>("S16", CIMDataType.SINT16_T, (short) -32768),
            new CIMProperty<>("S32", CIMDataType.SINT32_T, Integer.MIN_VALUE),
            new CIMProperty<>("S64", CIMDataType.SINT64_T, Long.MIN_VALUE),
            new CIMProperty<>("R32", CIMDataType.REAL32_T, 1.5f),
            new CIMProperty<>("R64", CIMDataType.REAL64_T, -2.25),
            new CIMProperty<>("S", CIMDataType.STRING_T, ""),
            new CIMProperty<>("D", CIMDataType.DATETIME_T, new CIMDateTimeAbsolute("20261129105400.000000+000")),
            new CIMProperty<>("Ref", new CIMDataType("LIO_StorageVolume"), VOLUME),
            new CIMProperty<>("Error", CIMDataType.OBJECT_T, embedded),
            new CIMProperty<>("States", CIMDataType.UINT16_ARRAY_T,
                    new UnsignedInteger16[] {new UnsignedInteger16(2), null, new UnsignedInteger16(32768)}),
            new CIMProperty<>("Names", CIMDataType.STRING_ARRAY_T, new String[0]),
            new CIMProperty<>("Nothing", CIMDataType.UINT32_T, null),
        };
        CIMInstance written = new CIMInstance(VOLUME, properties);
        CIMInstance read = readInstance(new Request(0).instance(written).done());
        assertEquals(VOLUME, read.getObjectPath());
        assertEquals(properties.length, read.getProperties().length);
        for (CIMProperty<?> property : properties) {
            CIMProperty<?> came = read.getProperty(property.getName());
            if (property.getValue() instanceof Object[] array) {
                assertArrayEquals(array, (Object[]) came.getValue(), property.getName());
            } else {
                assertEquals(property.getValue(), came.getValue(), property.getName());
            }
            assertEquals(property.getDataType().getType(), came.getDataType().getType(), property.getName());
        }
        assertEquals("ünïcode", ((CIMInstance) read.getPropertyValue("Error")).getPropertyValue("Message"));
    }

    /** The instance after a request's leading operation byte. */
    private static CIMInstance readInstance(byte[] request) throws WBEMException {
        WireIn in = new WireIn(request);
        in.u8();
        return in.instance();
    }

    @Test
    void aRequestWithoutAPathOrNamespaceIsTheBrokersMistake() {
        WBEMException noPath = refused(new Request(1).noPath().i32(-1).done());
        assertEquals(WBEMException.CIM_ERR_INVALID_PARAMETER, noPath.getID());
        assertEquals("the broker passed no object path", noPath.getMessage());
        CIMObjectPath noNamespace = new CIMObjectPath(null, null, null, null, "LIO_StorageVolume", null);
        WireOut out = new WireOut(null);
        out.path(noNamespace);
        assertEquals(WBEMException.CIM_ERR_INVALID_NAMESPACE,
                refused(new Request(3).raw(out).done()).getID());
    }

    @Test
    void bytesThatDoNotReadAreRefusedWithWhatIsWrong() {
        byte[] whole = new Request(1).path(VOLUME).i32(-1).done();
        for (int cut = 0; cut < whole.length - 4; cut++) {
            WBEMException e = refused(Arrays.copyOf(whole, cut));
            assertEquals(WBEMException.CIM_ERR_INVALID_PARAMETER, e.getID(), "cut at " + cut);
            assertTrue(e.getMessage().startsWith("the broker"), e.getMessage());
        }
        // a count no request could hold
        byte[] huge = new Request(8).path(VOLUME).i32(4).bytes('N', 'a', 'm', 'e').i32(Integer.MAX_VALUE).done();
        assertTrue(refused(huge).getMessage().contains("runs past the end"), refused(huge).getMessage());
        // a string that is not UTF-8
        byte[] latin1 = new Request(8).path(VOLUME).i32(2).bytes(0xe9, 0xe9).i32(0).done();
        assertEquals("a name or value is not UTF-8 text", refused(latin1).getMessage());
    }

    @Test
    void aTypeTheBridgeDoesNotCarryIsNamed() {
        // an argument of CMPI_ptr: the bridge marks it as not carried
        byte[] request = new Request(8).path(VOLUME).i32(4).bytes('S', 'i', 'z', 'e').i32(1).i32(4).bytes('S', 'i', 'z',
                'e').bytes(0x00, 0x19, 2).done();
        WBEMException e = refused(request);
        assertEquals(WBEMException.CIM_ERR_INVALID_PARAMETER, e.getID());
        assertEquals("argument Size has CMPI type 6400, which is no CIM property or parameter type lio-smis takes",
                e.getMessage());
    }

    @Test
    void anUnknownOperationIsNotSupported() {
        WBEMException e = refused(new Request(99).path(VOLUME).done());
        assertEquals(WBEMException.CIM_ERR_NOT_SUPPORTED, e.getID());
    }

    @Test
    void aServiceThatCannotStartIsAnsweredWithItsReason() {
        Path config = dir.resolve("provider.conf");
        byte[] answer = CmpiBridge.answer(new ProviderProcess(config), new Request(3).path(
                new CIMObjectPath(null, null, null, "root/lio", "LIO_StorageVolume", null)).done());
        ByteBuffer read = ByteBuffer.wrap(answer).order(ByteOrder.nativeOrder());
        assertEquals(WBEMException.CIM_ERR_FAILED, read.getInt());
        byte[] message = new byte[read.getInt()];
        read.get(message);
        assertTrue(new String(message, java.nio.charset.StandardCharsets.UTF_8)
                .startsWith("lio-smis cannot start: no lio-smis configuration at " + config));
        assertEquals(0, read.remaining());
    }

    @Test
    void aNullValueKeepsItsType() throws Exception {
        CIMInstance written = new CIMInstance(VOLUME, new CIMProperty<?>[] {
            new CIMProperty<>("Refs", new CIMDataType("LIO_StorageVolume", 0), null)});
        CIMProperty<?> read = readInstance(new Request(0).instance(written).done()).getProperty("Refs");
        assertNull(read.getValue());
        assertEquals(CIMDataType.REFERENCE, read.getDataType().getType());
        assertTrue(read.getDataType().isArray());
    }
}
