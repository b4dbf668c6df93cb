/*
 * The part of OpenPegasus' JMPI API (package org.pegasus.jmpi) that lio-smis calls, declared from
 * its published signatures so the JMPI host compiles and its tests run without the broker.
 * Compile-only: never packaged; at run time the broker's JMPIImpl.jar supplies the real class.
 */
package org.pegasus.jmpi;

import java.util.Vector;

/** A class or instance name; keys are CIMProperty values (the broker types numeric keys as sint32). */
public class CIMObjectPath {

    // the broker's constructor sets its own host name
    private String host = "localhost";
    private String nameSpace;
    private final String className;
    private final Vector<CIMProperty> keys = new Vector<>();

    public CIMObjectPath(String className, String nameSpace) {
        this.className = className;
        this.nameSpace = nameSpace;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String hn) {
        host = hn;
    }

    public String getNameSpace() {
        return nameSpace;
    }

    public void setNameSpace(String ns) {
        nameSpace = ns;
    }

    public String getObjectName() {
        return className;
    }

    public Vector getKeys() {
        return new Vector<>(keys);
    }

    public void addKey(String key, CIMValue val) {
        keys.add(new CIMProperty(key, val));
    }

    @Override
    public String toString() {
        return nameSpace + ":" + className + keys.stream().map(k -> k.getName() + "=" + k.getValue()).toList();
    }
}
