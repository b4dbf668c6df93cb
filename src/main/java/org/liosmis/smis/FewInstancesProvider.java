package org.liosmis.smis;

import java.util.stream.Stream;
import org.liosmis.spi.InstanceProvider;
import org.liosmis.spi.ObjectPaths;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * A class with a handful of instances on this host (the system, its services, capabilities,
 * profiles): GetInstance simply looks among them.
 */
abstract class FewInstancesProvider implements InstanceProvider {

    abstract Stream<CIMInstance> instances();

    @Override
    public Stream<CIMInstance> enumerateInstances(String namespace, String className) {
        return instances();
    }

    @Override
    public CIMInstance getInstance(CIMObjectPath instanceName) {
        return instances().filter(instance -> ObjectPaths.sameInstance(instance.getObjectPath(), instanceName))
                .findFirst().orElse(null);
    }
}
