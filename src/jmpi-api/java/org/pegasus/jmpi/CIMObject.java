/*
 * The part of OpenPegasus' JMPI API (package org.pegasus.jmpi) that lio-smis calls, declared from
 * its published signatures so the JMPI host compiles and its tests run without the broker.
 * Compile-only: never packaged; at run time the broker's JMPIImpl.jar supplies the real class.
 */
package org.pegasus.jmpi;

/** An embedded object: here always an instance. */
public class CIMObject {

    private final CIMInstance instance;

    public CIMObject(CIMInstance ci) {
        this.instance = ci;
    }

    public CIMInstance getCIMInstance() {
        return instance;
    }

    public boolean isInstance() {
        return instance != null;
    }
}
