package org.liosmis.smis;

import java.util.stream.Stream;
import java.util.List;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.spi.MethodProvider;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/** LIO_StorageConfigurationService: where clients make and delete replicas. */
final class StorageConfigurationServiceProvider extends FewInstancesProvider implements MethodProvider {

    private final ObjectNames names;
    private final ConfigurationServiceMethods methods;

    StorageConfigurationServiceProvider(ObjectNames names, ReplicaEngine engine, ReplicaCreation creation) {
        this.names = names;
        this.methods = new ConfigurationServiceMethods(engine, names, creation);
    }

    @Override
    public MethodResult invokeMethod(CIMObjectPath objectName, String methodName, List<CIMArgument<?>> inArgs) {
        return methods.invoke(methodName, inArgs);
    }

    @Override
    Stream<CIMInstance> instances() {
        return Stream.of(instance());
    }

    private CIMInstance instance() {
        return Status.enabled(new InstanceBuilder(names.configurationService()))
                .string("ElementName", "LIO storage configuration service")
                .bool("Started", true)
                .build();
    }
}
