/*
 * The part of OpenPegasus' JMPI API (package org.pegasus.jmpi) that lio-smis calls, declared from
 * its published signatures so the JMPI host compiles and its tests run without the broker.
 * Compile-only: never packaged; at run time the broker's JMPIImpl.jar supplies the real class.
 */
package org.pegasus.jmpi;

public class UnsignedInt32 extends UnsignedNumber {

    public UnsignedInt32(long num) throws NumberFormatException {
        super(num, 0xffffffffL, "Not an unsigned 32 bit integer (" + num + ")");
    }
}
