package org.liosmis.host.jmpi;

import java.util.List;
import java.util.Vector;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDateTime;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.cim.UnsignedInteger8;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.pegasus.jmpi.CIMException;
import org.pegasus.jmpi.CIMObject;
import org.pegasus.jmpi.CIMValue;
import org.pegasus.jmpi.UnsignedInt16;
import org.pegasus.jmpi.UnsignedInt32;
import org.pegasus.jmpi.UnsignedInt64;
import org.pegasus.jmpi.UnsignedInt8;

/**
 * What the providers answer, as a JMPI provider returns it to the broker. JMPI cannot carry
 * a NULL value or an empty array in an instance or an argument (its CIMValue needs a value,
 * and types an array by its first element): those are left out, which a client reads as NULL.
 */
final class ToJmpi {

    private ToJmpi() {
    }

    /** An instance with its path set: JMPI does not derive the path from the keys. */
    static org.pegasus.jmpi.CIMInstance instance(CIMInstance instance) throws CIMException {
        org.pegasus.jmpi.CIMInstance converted = new org.pegasus.jmpi.CIMInstance(instance.getClassName());
        for (CIMProperty<?> property : instance.getProperties()) {
            CIMValue value = value(property.getValue());
            if (value != null) {
                converted.setProperty(property.getName(), value);
            }
        }
        converted.setObjectPath(path(instance.getObjectPath()));
        return converted;
    }

    static org.pegasus.jmpi.CIMInstance[] instances(Stream<CIMInstance> instances) throws CIMException {
        return all(instances, ToJmpi::instance, org.pegasus.jmpi.CIMInstance[]::new);
    }

    /**
     * A path with its namespace and keys, and no host, as the embedded server writes them: JMPI
     * gives every new path the broker's host, and a reference with a host is written as an
     * INSTANCEPATH, which wbemcli prints without the ':' before the class.
     */
    static org.pegasus.jmpi.CIMObjectPath path(CIMObjectPath path) throws CIMException {
        org.pegasus.jmpi.CIMObjectPath converted = new org.pegasus.jmpi.CIMObjectPath(path.getObjectName(),
                path.getNamespace());
        converted.setHost("");
        for (CIMProperty<?> key : path.getKeys()) {
            CIMValue value = value(key.getValue());
            if (value != null) {
                converted.addKey(key.getName(), value);
            }
        }
        return converted;
    }

    static org.pegasus.jmpi.CIMObjectPath[] paths(Stream<CIMObjectPath> paths) throws CIMException {
        return all(paths, ToJmpi::path, org.pegasus.jmpi.CIMObjectPath[]::new);
    }

    private interface Conversion<S, T> {
        T apply(S from) throws CIMException;
    }

    /** Every item converted, as the array a JMPI operation returns. */
    private static <S, T> T[] all(Stream<S> items, Conversion<S, T> conversion, IntFunction<T[]> newArray)
            throws CIMException {
        List<S> from = items.toList();
        T[] converted = newArray.apply(from.size());
        for (int i = 0; i < converted.length; i++) {
            converted[i] = conversion.apply(from.get(i));
        }
        return converted;
    }

    /**
     * Output arguments into the slots the broker handed in, from the first; the first empty
     * slot ends the list for the broker.
     */
    static void outArguments(List<CIMArgument<?>> arguments, org.pegasus.jmpi.CIMArgument[] slots) throws CIMException {
        int next = 0;
        for (CIMArgument<?> argument : arguments) {
            CIMValue value = value(argument.getValue());
            if (value == null) {
                continue;
            }
            if (slots == null || next == slots.length) {
                throw new CimError(WBEMException.CIM_ERR_FAILED, "the method has more output parameters than the"
                        + " broker has room for");
            }
            slots[next++] = new org.pegasus.jmpi.CIMArgument(argument.getName(), value);
        }
    }

    /** A value, or null for none: JMPI has no NULL value. */
    static CIMValue value(Object value) throws CIMException {
        if (value instanceof Object[] array) {
            if (array.length == 0) {
                return null;
            }
            Vector<Object> elements = new Vector<>(array.length);
            for (Object element : array) {
                elements.add(scalar(element));
            }
            return new CIMValue(elements);
        }
        return value == null ? null : new CIMValue(scalar(value));
    }

    private static Object scalar(Object value) throws CIMException {
        return switch (value) {
            case UnsignedInteger8 u -> new UnsignedInt8(u.shortValue());
            case UnsignedInteger16 u -> new UnsignedInt16(u.intValue());
            case UnsignedInteger32 u -> new UnsignedInt32(u.longValue());
            case UnsignedInteger64 u -> new UnsignedInt64(u.bigIntegerValue());
            case CIMDateTime dateTime -> new org.pegasus.jmpi.CIMDateTime(dateTime.getDateTimeString());
            case CIMObjectPath path -> path(path);
            case CIMInstance instance -> new CIMObject(instance(instance));
            case null -> throw new CimError(WBEMException.CIM_ERR_FAILED, "an array holds a NULL element, which"
                    + " JMPI cannot carry");
            default -> value;
        };
    }
}
