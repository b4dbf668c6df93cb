/*
 * The part of OpenPegasus' JMPI API (package org.pegasus.jmpi) that lio-smis calls, declared from
 * its published signatures so the JMPI host compiles and its tests run without the broker.
 * Compile-only: never packaged; at run time the broker's JMPIImpl.jar supplies the real class.
 */
package org.pegasus.jmpi;

import java.util.Vector;

public class CIMInstance {

    private final String className;
    private final Vector<CIMProperty> properties = new Vector<>();
    private CIMObjectPath path;

    public CIMInstance(String cn) {
        this.className = cn;
    }

    public String getClassName() {
        return className;
    }

    /** Like the broker's: a value is required (a null property cannot be set) and replaces one of the name. */
    public void setProperty(String n, CIMValue v) throws CIMException {
        if (v == null || v.getValue() == null) {
            throw new CIMException(1, "Invalid CIMValue");
        }
        properties.removeIf(p -> p.getName().equalsIgnoreCase(n));
        properties.add(new CIMProperty(n, v));
    }

    public CIMProperty getProperty(String n) {
        return properties.stream().filter(p -> p.getName().equalsIgnoreCase(n)).findFirst().orElse(null);
    }

    public Vector getProperties() {
        return new Vector<>(properties);
    }

    public CIMObjectPath getObjectPath() {
        return path;
    }

    public void setObjectPath(CIMObjectPath cop) {
        path = cop;
    }
}
