package org.liosmis.host.jmpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.Vector;
import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.cim.UnsignedInteger8;
import org.pegasus.jmpi.CIMDateTime;
import org.pegasus.jmpi.CIMException;
import org.pegasus.jmpi.CIMObject;
import org.pegasus.jmpi.CIMValue;
import org.pegasus.jmpi.UnsignedInt16;
import org.pegasus.jmpi.UnsignedInt32;
import org.pegasus.jmpi.UnsignedInt64;
import org.pegasus.jmpi.UnsignedInt8;

/** Every CIM type the providers use, from the SPI's JSR48 values to JMPI's and back. */
class JmpiConversionsTest {

    private static final CIMObjectPath VOLUME = new CIMObjectPath(null, null, null, "root/lio", "LIO_StorageVolume",
            new CIMProperty<?>[] {key("CreationClassName", "LIO_StorageVolume"), key("DeviceID", "fileio/demo1")});

    private static CIMProperty<String> key(String name, String value) {
        return new CIMProperty<>(name, CIMDataType.STRING_T, value, true, false, null);
    }

    /** scalar JSR48 value, the JMPI class it becomes, and that JMPI value's Java value */
    private static final List<Object[]> SCALARS = List.of(
            new Object[] {new UnsignedInteger8((short) 255), UnsignedInt8.class, 255L},
            new Object[] {(byte) -128, Byte.class, -128L},
            new Object[] {new UnsignedInteger16(65535), UnsignedInt16.class, 65535L},
            new Object[] {(short) -32768, Short.class, -32768L},
            new Object[] {new UnsignedInteger32(4294967295L), UnsignedInt32.class, 4294967295L},
            new Object[] {Integer.MIN_VALUE, Integer.class, (long) Integer.MIN_VALUE},
            new Object[] {new UnsignedInteger64(new BigInteger("18446744073709551615")), UnsignedInt64.class, null},
            new Object[] {Long.MIN_VALUE, Long.class, Long.MIN_VALUE},
            new Object[] {1.5f, Float.class, null},
            new Object[] {-2.25e300, Double.class, null},
            new Object[] {true, Boolean.class, null},
            new Object[] {"déjà vu", String.class, null},
            new Object[] {'Ω', Character.class, null},
            new Object[] {new CIMDateTimeAbsolute("20261129081500.123456+060"), CIMDateTime.class, null},
            new Object[] {new CIMDateTimeInterval("00000001020304.000005:000"), CIMDateTime.class, null});

    @Test
    void everyScalarTypeGoesToItsJmpiClassAndComesBackEqual() throws Exception {
        for (Object[] scalar : SCALARS) {
            CIMValue jmpi = ToJmpi.value(scalar[0]);
            Object carried = jmpi.getValue();
            assertInstanceOf((Class<?>) scalar[1], carried, String.valueOf(scalar[0]));
            if (scalar[2] != null) {
                assertEquals(scalar[2], ((Number) carried).longValue());
            }
            assertEquals(scalar[0], FromJmpi.value(jmpi), String.valueOf(scalar[0]));
        }
        assertEquals(new BigInteger("18446744073709551615"), ToJmpi.value(SCALARS.get(6)[0]).getValue());
        assertEquals("20261129081500.123456+060",
                ((CIMDateTime) ToJmpi.value(SCALARS.get(13)[0]).getValue()).getCIMDateString());
    }

    @Test
    void arraysBecomeVectorsAndComeBackAsTypedArrays() throws Exception {
        Object[][] arrays = {
            {new UnsignedInteger16(4), new UnsignedInteger16(5)},
            {new UnsignedInteger64(BigInteger.ONE)},
            {"a", "b"},
            {1L, 2L},
            {true, false},
            {new CIMDateTimeAbsolute("20261129081500.000000+000")},
            {VOLUME}};
        Object[] typed = {new UnsignedInteger16[] {new UnsignedInteger16(4), new UnsignedInteger16(5)},
            new UnsignedInteger64[] {new UnsignedInteger64(BigInteger.ONE)}, new String[] {"a", "b"},
            new Long[] {1L, 2L}, new Boolean[] {true, false},
            new org.metricshub.wbem.javax.cim.CIMDateTime[] {new CIMDateTimeAbsolute("20261129081500.000000+000")},
            new CIMObjectPath[] {VOLUME}};
        for (int i = 0; i < arrays.length; i++) {
            CIMValue jmpi = ToJmpi.value(typed[i]);
            assertInstanceOf(Vector.class, jmpi.getValue());
            assertEquals(arrays[i].length, ((Vector<?>) jmpi.getValue()).size());
            Object back = FromJmpi.value(jmpi);
            assertEquals(typed[i].getClass(), back.getClass());
            assertArrayEquals((Object[]) typed[i], (Object[]) back);
        }
    }

    @Test
    void nullAndEmptyArraysAreLeftOutBecauseJmpiCannotCarryThem() throws Exception {
        assertNull(ToJmpi.value(null));
        assertNull(ToJmpi.value(new UnsignedInteger16[0]));
        assertNull(FromJmpi.value(null));
        assertNull(FromJmpi.value(new CIMValue(null)));
        CIMInstance job = new CIMInstance(VOLUME, new CIMProperty<?>[] {
            key("DeviceID", "fileio/demo1"),
            new CIMProperty<>("ElementName", CIMDataType.STRING_T, null),
            new CIMProperty<>("OperationalStatus", CIMDataType.UINT16_ARRAY_T, new UnsignedInteger16[0])});
        org.pegasus.jmpi.CIMInstance converted = ToJmpi.instance(job);
        assertEquals(1, converted.getProperties().size());
        assertNull(converted.getProperty("ElementName"));
    }

    @Test
    void pathsKeepClassNamespaceAndTypedKeysIncludingReferences() throws Exception {
        CIMObjectPath association = new CIMObjectPath(null, null, null, "root/lio", "LIO_StorageSynchronized",
                new CIMProperty<?>[] {new CIMProperty<>("SystemElement", new CIMDataType("LIO_StorageVolume"), VOLUME,
                        true, false, null)});
        org.pegasus.jmpi.CIMObjectPath jmpi = ToJmpi.path(association);
        assertEquals("LIO_StorageSynchronized", jmpi.getObjectName());
        assertEquals("root/lio", jmpi.getNameSpace());
        assertEquals("", jmpi.getHost());
        org.pegasus.jmpi.CIMProperty reference = (org.pegasus.jmpi.CIMProperty) jmpi.getKeys().get(0);
        assertInstanceOf(org.pegasus.jmpi.CIMObjectPath.class, reference.getValue().getValue());
        CIMObjectPath back = FromJmpi.path(jmpi);
        assertEquals(association, back);
        assertEquals(new CIMDataType("LIO_StorageVolume"), back.getKey("SystemElement").getDataType());
        assertEquals(VOLUME, back.getKey("SystemElement").getValue());
    }

    @Test
    void aPathWithoutNamespaceIsInTheOperationsNamespace() throws Exception {
        org.pegasus.jmpi.CIMObjectPath local = new org.pegasus.jmpi.CIMObjectPath("LIO_StoragePool", "");
        local.addKey("InstanceID", new CIMValue("LIO:pool:default"));
        CIMObjectPath converted = FromJmpi.path(local);
        assertNull(converted.getNamespace());
        assertEquals("LIO:pool:default", converted.getKeyValue("InstanceID"));
    }

    @Test
    void numericKeysAsTheBrokerTypesThemStayNumbers() throws Exception {
        org.pegasus.jmpi.CIMObjectPath path = new org.pegasus.jmpi.CIMObjectPath("LIO_Thing", "root/lio");
        path.addKey("Index", new CIMValue(7));
        assertEquals(CIMDataType.SINT32_T, FromJmpi.path(path).getKey("Index").getDataType());
        assertEquals(7, FromJmpi.path(path).getKeyValue("Index"));
    }

    @Test
    void embeddedInstancesTravelAsJmpiObjects() throws Exception {
        CIMInstance error = new CIMInstance(new CIMObjectPath(null, null, null, null, "CIM_Error", null),
                new CIMProperty<?>[] {new CIMProperty<>("Message", CIMDataType.STRING_T, "out of space"),
                    new CIMProperty<>("CIMStatusCode", CIMDataType.UINT32_T, new UnsignedInteger32(1))});
        CIMValue jmpi = ToJmpi.value(new CIMInstance[] {error});
        CIMObject object = (CIMObject) ((Vector<?>) jmpi.getValue()).get(0);
        assertEquals("CIM_Error", object.getCIMInstance().getClassName());
        CIMInstance[] back = (CIMInstance[]) FromJmpi.value(jmpi);
        assertEquals("out of space", back[0].getPropertyValue("Message"));
        assertEquals(new UnsignedInteger32(1), back[0].getPropertyValue("CIMStatusCode"));
        assertInstanceOf(CIMObject.class, ToJmpi.value(error).getValue());
    }

    @Test
    void argumentsComeInTypedAndGoOutIntoTheBrokersSlots() throws Exception {
        org.pegasus.jmpi.CIMArgument[] in = {
            new org.pegasus.jmpi.CIMArgument("CopyType", new CIMValue(new UnsignedInt16(4))),
            new org.pegasus.jmpi.CIMArgument("SourceElement", new CIMValue(ToJmpi.path(VOLUME))),
            new org.pegasus.jmpi.CIMArgument("ElementName", new CIMValue(null)),
            null};
        List<CIMArgument<?>> converted = FromJmpi.arguments(in);
        assertEquals(3, converted.size());
        assertEquals(new UnsignedInteger16(4), converted.get(0).getValue());
        assertEquals(CIMDataType.UINT16_T, converted.get(0).getDataType());
        assertEquals(VOLUME, converted.get(1).getValue());
        assertNull(converted.get(2).getValue());
        org.pegasus.jmpi.CIMArgument[] slots = new org.pegasus.jmpi.CIMArgument[24];
        ToJmpi.outArguments(List.of(new CIMArgument<>("Job", new CIMDataType("LIO_ConcreteJob"), VOLUME),
                new CIMArgument<>("TargetElement", new CIMDataType("LIO_StorageVolume"), null),
                new CIMArgument<>("Count", CIMDataType.UINT32_T, new UnsignedInteger32(2))), slots);
        assertEquals("Job", slots[0].getName());
        assertEquals("Count", slots[1].getName());
        assertNull(slots[2]);
        assertThrows(CIMException.class, () -> ToJmpi.outArguments(List.of(
                new CIMArgument<>("Count", CIMDataType.UINT32_T, new UnsignedInteger32(2))),
                new org.pegasus.jmpi.CIMArgument[0]));
    }

    @Test
    void everyInstanceHasItsPathSet() throws Exception {
        org.pegasus.jmpi.CIMInstance[] converted = ToJmpi.instances(java.util.stream.Stream.of(
                new CIMInstance(VOLUME, new CIMProperty<?>[] {key("DeviceID", "fileio/demo1")})));
        assertEquals("LIO_StorageVolume", converted[0].getObjectPath().getObjectName());
        assertEquals(2, converted[0].getObjectPath().getKeys().size());
        assertEquals(VOLUME, FromJmpi.path(converted[0].getObjectPath()));
    }
}
