package org.liosmis.spi;

import java.util.stream.Stream;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Serves the instances of one CIM class. The dispatcher has already checked the namespace,
 * the class and the keys of every path it passes in, and handles polymorphism itself: a
 * provider returns instances of exactly the class it is asked for.
 */
public interface InstanceProvider {

    Stream<CIMInstance> enumerateInstances(String namespace, String className) throws WBEMException;

    /** Override when names are much cheaper than whole instances. */
    default Stream<CIMObjectPath> enumerateInstanceNames(String namespace, String className) throws WBEMException {
        return enumerateInstances(namespace, className).map(CIMInstance::getObjectPath);
    }

    /** The instance, or null when there is none with that name. */
    CIMInstance getInstance(CIMObjectPath instanceName) throws WBEMException;

    /**
     * Changes an existing instance: {@code changes} names it and holds only the properties to
     * change, each one the class declares writable, typed by its declaration (null to clear it).
     */
    default void modifyInstance(CIMInstance changes) throws WBEMException {
        throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED,
                "instances of " + changes.getObjectPath().getObjectName() + " cannot be modified");
    }

    default void deleteInstance(CIMObjectPath instanceName) throws WBEMException {
        throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED,
                "instances of " + instanceName.getObjectName() + " cannot be deleted");
    }
}
