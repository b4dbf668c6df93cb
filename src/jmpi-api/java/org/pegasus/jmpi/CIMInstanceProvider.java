/*
 * The part of OpenPegasus' JMPI API (package org.pegasus.jmpi) that lio-smis calls, declared from
 * its published signatures so the JMPI host compiles and its tests run without the broker.
 * Compile-only: never packaged; at run time the broker's JMPIImpl.jar supplies the real class.
 */
package org.pegasus.jmpi;

public interface CIMInstanceProvider extends CIMProvider {

    CIMInstance getInstance(CIMObjectPath op, boolean localOnly, boolean includeQualifiers,
                            boolean includeClassOrigin, String[] propertyList, CIMClass cc) throws CIMException;

    CIMObjectPath createInstance(CIMObjectPath op, CIMInstance ci) throws CIMException;

    void setInstance(CIMObjectPath op, CIMInstance ci, boolean includeQualifiers, String[] propertyList)
            throws CIMException;

    void deleteInstance(CIMObjectPath cop) throws CIMException;

    CIMInstance[] enumerateInstances(CIMObjectPath op, boolean localOnly, boolean includeQualifiers,
                                     boolean includeClassOrigin, String[] propertyList, CIMClass cc)
            throws CIMException;

    CIMObjectPath[] enumerateInstanceNames(CIMObjectPath op, CIMClass cc) throws CIMException;

    CIMInstance[] execQuery(CIMObjectPath op, String query, String ql, CIMClass cc) throws CIMException;
}
