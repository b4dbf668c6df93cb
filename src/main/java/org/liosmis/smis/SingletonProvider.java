package org.liosmis.smis;

import java.util.stream.Stream;
import org.liosmis.spi.InstanceProvider;
import org.liosmis.spi.ObjectPaths;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/** A class with exactly one instance on this host (the system, its services, its capabilities). */
abstract class SingletonProvider implements InstanceProvider {

    abstract CIMInstance instance();

    @Override
    public Stream<CIMInstance> enumerateInstances(String namespace, String className) {
        return Stream.of(instance());
    }

    @Override
    public CIMInstance getInstance(CIMObjectPath instanceName) {
        CIMInstance instance = instance();
        return ObjectPaths.sameInstance(instance.getObjectPath(), instanceName) ? instance : null;
    }
}
