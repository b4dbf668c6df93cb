/*
 * The part of OpenPegasus' JMPI API (package org.pegasus.jmpi) that lio-smis calls, declared from
 * its published signatures so the JMPI host compiles and its tests run without the broker.
 * Compile-only: never packaged; at run time the broker's JMPIImpl.jar supplies the real class.
 */
package org.pegasus.jmpi;

import java.math.BigInteger;

public class UnsignedInt64 extends BigInteger {

    private static final BigInteger UINT64MAX = new BigInteger("18446744073709551615");

    public UnsignedInt64(BigInteger val) throws NumberFormatException {
        super(val.toString());
        if (val.signum() < 0 || val.compareTo(UINT64MAX) > 0) {
            throw new NumberFormatException(val + " Not an unsigned 64 bit integer");
        }
    }
}
