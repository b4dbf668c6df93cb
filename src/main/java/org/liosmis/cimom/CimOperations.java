package org.liosmis.cimom;

import java.util.List;
import java.util.stream.Stream;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The CIM operations a host (the embedded server, a broker adapter) hands on, already
 * decoded from its wire format. Every failure is a {@link WBEMException} carrying the
 * DSP0200 status code and a description a person can act on.
 *
 * <p>Methods that return a {@link Stream} have validated their request before returning,
 * so a host may start writing a success response; the caller closes the stream.
 * Object paths passed in carry the request namespace; returned instance paths carry
 * their namespace too (the host adds its own host name where the protocol needs one).
 */
public interface CimOperations {

    CIMClass getClass(String namespace, String className, Projection projection) throws WBEMException;

    /** className null means from the roots of the hierarchy. */
    Stream<CIMClass> enumerateClasses(String namespace, String className, boolean deepInheritance,
                                      Projection projection) throws WBEMException;

    Stream<String> enumerateClassNames(String namespace, String className, boolean deepInheritance)
            throws WBEMException;

    CIMInstance getInstance(CIMObjectPath instanceName, Projection projection) throws WBEMException;

    Stream<CIMInstance> enumerateInstances(String namespace, String className, boolean deepInheritance,
                                           Projection projection) throws WBEMException;

    Stream<CIMObjectPath> enumerateInstanceNames(String namespace, String className) throws WBEMException;

    /**
     * ModifyInstance: the properties of modifiedInstance that propertyList names (every one it
     * holds when propertyList is null), on the instance its path names.
     */
    void modifyInstance(CIMInstance modifiedInstance, String[] propertyList) throws WBEMException;

    void deleteInstance(CIMObjectPath instanceName) throws WBEMException;

    /** For brokers, which hand every operation on: lio-smis makes its volumes with CreateReplica. */
    default CIMObjectPath createInstance(CIMObjectPath className) throws WBEMException {
        throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED, "instances of " + className.getObjectName()
                + " are not created by CreateInstance; volumes are made with CreateReplica");
    }

    /** For brokers, which hand every operation on. */
    default Stream<CIMInstance> execQuery(CIMObjectPath className, String query, String queryLanguage)
            throws WBEMException {
        throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED, "lio-smis answers no queries");
    }

    Stream<CIMInstance> associators(CIMObjectPath objectName, String assocClass, String resultClass,
                                    String role, String resultRole, Projection projection) throws WBEMException;

    Stream<CIMObjectPath> associatorNames(CIMObjectPath objectName, String assocClass, String resultClass,
                                          String role, String resultRole) throws WBEMException;

    Stream<CIMInstance> references(CIMObjectPath objectName, String resultClass, String role,
                                   Projection projection) throws WBEMException;

    Stream<CIMObjectPath> referenceNames(CIMObjectPath objectName, String resultClass, String role)
            throws WBEMException;

    /**
     * An extrinsic method on an instance (path with keys) or a class (path without keys).
     * Arguments may arrive untyped (a String, String[] or CIMObjectPath as wbemcli sends
     * them); the implementation coerces them by the method's declared parameter types.
     */
    MethodResult invokeMethod(CIMObjectPath objectName, String methodName, List<CIMArgument<?>> inArgs)
            throws WBEMException;
}
