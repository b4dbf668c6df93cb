package org.liosmis.smis;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.ArrayList;
import java.util.List;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;

/** Builds a CIM instance property by property, with the JSR48 value type each CIM type needs. */
final class InstanceBuilder {

    private final CIMObjectPath path;
    private final List<CIMProperty<?>> properties = new ArrayList<>();

    InstanceBuilder(CIMObjectPath path) {
        this.path = path;
        for (CIMProperty<?> key : path.getKeys()) {
            properties.add(key);
        }
    }

    InstanceBuilder string(String name, String value) {
        return add(name, CIMDataType.STRING_T, value);
    }

    InstanceBuilder bool(String name, boolean value) {
        return add(name, CIMDataType.BOOLEAN_T, value);
    }

    InstanceBuilder uint16(String name, int value) {
        return add(name, CIMDataType.UINT16_T, new UnsignedInteger16(value));
    }

    InstanceBuilder uint16s(String name, int... values) {
        return add(name, CIMDataType.UINT16_ARRAY_T, uint16Array(values));
    }

    static UnsignedInteger16[] uint16Array(int... values) {
        UnsignedInteger16[] array = new UnsignedInteger16[values.length];
        for (int i = 0; i < values.length; i++) {
            array[i] = new UnsignedInteger16(values[i]);
        }
        return array;
    }

    InstanceBuilder uint64(String name, long value) {
        return add(name, CIMDataType.UINT64_T, new UnsignedInteger64(BigInteger.valueOf(value)));
    }

    InstanceBuilder uint32(String name, long value) {
        return add(name, CIMDataType.UINT32_T, new UnsignedInteger32(value));
    }

    /** A point in time, written in UTC. */
    InstanceBuilder datetime(String name, Instant instant) {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        utc.setTimeInMillis(instant.toEpochMilli());
        return add(name, CIMDataType.DATETIME_T, new CIMDateTimeAbsolute(utc));
    }

    /** An interval written with every digit significant (no '*' placeholders, which some clients cannot parse). */
    InstanceBuilder interval(String name, Duration duration) {
        String text = String.format("%08d%02d%02d%02d.%06d:000", duration.toDays(), duration.toHoursPart(),
                duration.toMinutesPart(), duration.toSecondsPart(), duration.toNanosPart() / 1000);
        return add(name, CIMDataType.DATETIME_T, new CIMDateTimeInterval(text));
    }

    /** A string property with the EmbeddedObject or EmbeddedInstance qualifier, carrying an instance. */
    InstanceBuilder embedded(String name, CIMInstance instance) {
        return add(name, CIMDataType.OBJECT_T, instance);
    }

    InstanceBuilder strings(String name, String... values) {
        return add(name, CIMDataType.STRING_ARRAY_T, values);
    }

    InstanceBuilder reference(String name, CIMObjectPath value) {
        return add(name, new CIMDataType(value.getObjectName()), value);
    }

    private <T> InstanceBuilder add(String name, CIMDataType type, T value) {
        properties.add(new CIMProperty<>(name, type, value));
        return this;
    }

    CIMInstance build() {
        return new CIMInstance(path, properties.toArray(CIMProperty<?>[]::new));
    }
}
