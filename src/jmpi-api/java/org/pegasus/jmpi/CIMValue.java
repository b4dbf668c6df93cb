/*
 * The part of OpenPegasus' JMPI API (package org.pegasus.jmpi) that lio-smis calls, declared from
 * its published signatures so the JMPI host compiles and its tests run without the broker.
 * Compile-only: never packaged; at run time the broker's JMPIImpl.jar supplies the real class.
 */
package org.pegasus.jmpi;

import java.util.Vector;

/** A value as JMPI types it; arrays are Vectors of one element type, and cannot be empty. */
public class CIMValue {

    private final Object value;

    public CIMValue(Object o) throws CIMException {
        if (o instanceof Vector<?> v) {
            check(v.elementAt(0));
        } else if (o != null) {
            check(o);
        }
        this.value = o;
    }

    private static void check(Object o) throws CIMException {
        if (!(o instanceof Number || o instanceof Boolean || o instanceof String || o instanceof Character
                || o instanceof CIMObjectPath || o instanceof CIMDateTime || o instanceof CIMObject)) {
            throw new CIMException(1, "CIMValue: unsupported type: " + o.getClass());
        }
    }

    public Object getValue() throws CIMException {
        return value;
    }

    public boolean isArray() {
        return value instanceof Vector;
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
