package org.liosmis.host.jmpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Vector;
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
import org.pegasus.jmpi.CIMDateTime;
import org.pegasus.jmpi.CIMException;
import org.pegasus.jmpi.CIMObject;
import org.pegasus.jmpi.CIMValue;
import org.pegasus.jmpi.UnsignedInt16;
import org.pegasus.jmpi.UnsignedInt32;
import org.pegasus.jmpi.UnsignedInt64;
import org.pegasus.jmpi.UnsignedInt8;

/**
 * What the broker hands a JMPI provider, as the provider SPI types it: object paths,
 * method arguments and embedded instances, with every CIM type. JMPI carries arrays as
 * Vectors and its own unsigned and datetime classes; the SPI takes typed Java arrays and
 * JSR48's.
 */
final class FromJmpi {

    private FromJmpi() {
    }

    /** A path; an empty namespace is none (the operation's own), the host is the broker's business. */
    static CIMObjectPath path(org.pegasus.jmpi.CIMObjectPath path) throws CIMException {
        List<CIMProperty<?>> keys = new ArrayList<>();
        for (Object key : path.getKeys()) {
            org.pegasus.jmpi.CIMProperty property = (org.pegasus.jmpi.CIMProperty) key;
            Object value = value(property.getValue());
            keys.add(new CIMProperty<>(property.getName(), value == null ? CIMDataType.STRING_T : CimValues.typeOf(value),
                    value, true, false, null));
        }
        String namespace = path.getNameSpace();
        return new CIMObjectPath(null, null, null, namespace == null || namespace.isEmpty() ? null : namespace,
                path.getObjectName(), keys.toArray(CIMProperty<?>[]::new));
    }

    /** Method arguments, in order; a null argument stays null, typed as a string for the dispatcher to coerce. */
    static List<CIMArgument<?>> arguments(org.pegasus.jmpi.CIMArgument[] arguments) throws CIMException {
        List<CIMArgument<?>> converted = new ArrayList<>();
        for (org.pegasus.jmpi.CIMArgument argument : arguments == null ? new org.pegasus.jmpi.CIMArgument[0] : arguments) {
            if (argument == null) {
                continue;
            }
            Object value = value(argument.getValue());
            converted.add(new CIMArgument<>(argument.getName(),
                    value == null ? CIMDataType.STRING_T : CimValues.typeOf(value), value));
        }
        return converted;
    }

    /** A value: null for none, a typed Java array for a Vector. */
    static Object value(CIMValue value) throws CIMException {
        Object jmpi = value == null ? null : value.getValue();
        if (!(jmpi instanceof Vector<?> elements)) {
            return jmpi == null ? null : scalar(jmpi);
        }
        if (elements.isEmpty()) {
            return null;
        }
        Object first = scalar(elements.get(0));
        // embedded instances as JSR48 carries them: a CIMInstance[], where the SPI's generic arrays hold any object
        Object[] array = first instanceof CIMInstance ? new CIMInstance[elements.size()]
                : CimValues.newArray(CimValues.typeOf(first), elements.size());
        array[0] = first;
        for (int i = 1; i < array.length; i++) {
            array[i] = scalar(elements.get(i));
        }
        return array;
    }

    private static Object scalar(Object jmpi) throws CIMException {
        return switch (jmpi) {
            case UnsignedInt8 u -> new UnsignedInteger8(u.shortValue());
            case UnsignedInt16 u -> new UnsignedInteger16(u.intValue());
            case UnsignedInt32 u -> new UnsignedInteger32(u.longValue());
            case UnsignedInt64 u -> new UnsignedInteger64(u);
            case CIMDateTime dateTime -> dateTime(dateTime.getCIMDateString());
            case org.pegasus.jmpi.CIMObjectPath path -> path(path);
            case CIMObject object when object.isInstance() -> instance(object.getCIMInstance());
            case Boolean b -> b;
            case String s -> s;
            case Character c -> c;
            case Byte b -> b;
            case Short s -> s;
            case Integer i -> i;
            case Long l -> l;
            case Float f -> f;
            case Double d -> d;
            default -> throw new CimError(WBEMException.CIM_ERR_INVALID_PARAMETER,
                    "lio-smis takes no " + jmpi.getClass().getSimpleName() + " value");
        };
    }

    private static Object dateTime(String text) throws CIMException {
        try {
            return CimValues.parse(CIMDataType.DATETIME_T, text);
        } catch (IllegalArgumentException e) {
            throw new CimError(WBEMException.CIM_ERR_INVALID_PARAMETER, "\"" + text + "\" is not a CIM datetime");
        }
    }

    /** An embedded instance, with its path when it has one. */
    static CIMInstance instance(org.pegasus.jmpi.CIMInstance instance) throws CIMException {
        List<CIMProperty<?>> properties = new ArrayList<>();
        for (Object element : instance.getProperties()) {
            org.pegasus.jmpi.CIMProperty property = (org.pegasus.jmpi.CIMProperty) element;
            Object value = value(property.getValue());
            if (value != null) {
                properties.add(new CIMProperty<>(property.getName(), CimValues.typeOf(value), value));
            }
        }
        org.pegasus.jmpi.CIMObjectPath path = instance.getObjectPath();
        return new CIMInstance(path != null ? path(path)
                : new CIMObjectPath(null, null, null, null, instance.getClassName(), null),
                properties.toArray(CIMProperty<?>[]::new));
    }
}
