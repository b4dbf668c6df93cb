/*
 * The part of OpenPegasus' JMPI API (package org.pegasus.jmpi) that lio-smis calls, declared from
 * its published signatures so the JMPI host compiles and its tests run without the broker.
 * Compile-only: never packaged; at run time the broker's JMPIImpl.jar supplies the real class.
 */
package org.pegasus.jmpi;

/** A CIM datetime, absolute or an interval, kept in its DSP0004 string form. */
public class CIMDateTime {

    private final String value;

    public CIMDateTime(String n) throws CIMException {
        if (n == null || n.length() != 25) {
            throw new CIMException(4, "not a CIM datetime: " + n);
        }
        this.value = n;
    }

    public String getCIMDateString() {
        return value;
    }
}
