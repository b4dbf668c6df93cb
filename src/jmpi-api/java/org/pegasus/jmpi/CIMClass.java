/*
 * The part of OpenPegasus' JMPI API (package org.pegasus.jmpi) that lio-smis calls, declared from
 * its published signatures so the JMPI host compiles and its tests run without the broker.
 * Compile-only: never packaged; at run time the broker's JMPIImpl.jar supplies the real class.
 */
package org.pegasus.jmpi;

/** The class the broker passes with instance operations; lio-smis has its own class repository. */
public class CIMClass {

    private final String name;

    public CIMClass(String n) {
        this.name = n;
    }

    public String getName() {
        return name;
    }
}
