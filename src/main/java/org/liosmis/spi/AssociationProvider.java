package org.liosmis.spi;

import java.util.stream.Stream;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Serves the instances of one association class. The dispatcher derives Associators,
 * AssociatorNames, References and ReferenceNames from {@link #references}; it applies the
 * Role, ResultRole and ResultClass filters itself.
 */
public interface AssociationProvider extends InstanceProvider {

    /**
     * The association instances of this class in which objectName is one of the references.
     * The default scans every instance; override where an index makes it cheap.
     */
    default Stream<CIMInstance> references(String namespace, String className, CIMObjectPath objectName)
            throws WBEMException {
        return enumerateInstances(namespace, className)
                .filter(association -> ObjectPaths.refersTo(association, objectName));
    }
}
