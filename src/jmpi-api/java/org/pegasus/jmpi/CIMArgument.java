/*
 * The part of OpenPegasus' JMPI API (package org.pegasus.jmpi) that lio-smis calls, declared from
 * its published signatures so the JMPI host compiles and its tests run without the broker.
 * Compile-only: never packaged; at run time the broker's JMPIImpl.jar supplies the real class.
 */
package org.pegasus.jmpi;

public class CIMArgument {

    private final String name;
    private final CIMValue value;

    public CIMArgument(String name, CIMValue cv) {
        this.name = name;
        this.value = cv;
    }

    public String getName() {
        return name;
    }

    public CIMValue getValue() {
        return value;
    }
}
