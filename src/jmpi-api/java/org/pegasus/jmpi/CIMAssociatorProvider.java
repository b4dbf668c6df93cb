/*
 * The part of OpenPegasus' JMPI API (package org.pegasus.jmpi) that lio-smis calls, declared from
 * its published signatures so the JMPI host compiles and its tests run without the broker.
 * Compile-only: never packaged; at run time the broker's JMPIImpl.jar supplies the real class.
 */
package org.pegasus.jmpi;

public interface CIMAssociatorProvider extends CIMProvider {

    CIMInstance[] associators(CIMObjectPath assocName, CIMObjectPath pathName, String resultClass, String role,
                              String resultRole, boolean includeQualifiers, boolean includeClassOrigin,
                              String[] propertyList) throws CIMException;

    CIMObjectPath[] associatorNames(CIMObjectPath assocName, CIMObjectPath pathName, String resultClass,
                                    String role, String resultRole) throws CIMException;

    CIMInstance[] references(CIMObjectPath assocName, CIMObjectPath pathName, String role,
                             boolean includeQualifiers, boolean includeClassOrigin, String[] propertyList)
            throws CIMException;

    CIMObjectPath[] referenceNames(CIMObjectPath assocName, CIMObjectPath pathName, String role)
            throws CIMException;
}
