/*
 * The part of OpenPegasus' JMPI API (package org.pegasus.jmpi) that lio-smis calls, declared from
 * its published signatures so the JMPI host compiles and its tests run without the broker.
 * Compile-only: never packaged; at run time the broker's JMPIImpl.jar supplies the real class.
 */
package org.pegasus.jmpi;

public class UnsignedNumber extends Number {

    private final long number;

    public UnsignedNumber(long val, long mask, String msg) throws NumberFormatException {
        if ((val & ~mask) != 0 || val < 0) {
            throw new NumberFormatException(msg);
        }
        this.number = val;
    }

    @Override
    public int intValue() {
        return (int) number;
    }

    @Override
    public long longValue() {
        return number;
    }

    @Override
    public float floatValue() {
        return number;
    }

    @Override
    public double doubleValue() {
        return number;
    }

    @Override
    public String toString() {
        return Long.toString(number);
    }
}
