package org.liosmis.smis;

import org.metricshub.wbem.javax.cim.CIMInstance;

/** LIO_StorageConfigurationService: where clients make and delete replicas. */
final class StorageConfigurationServiceProvider extends SingletonProvider {

    private final ObjectNames names;

    StorageConfigurationServiceProvider(ObjectNames names) {
        this.names = names;
    }

    @Override
    CIMInstance instance() {
        return Status.enabled(new InstanceBuilder(names.configurationService()))
                .string("ElementName", "LIO storage configuration service")
                .bool("Started", true)
                .build();
    }
}
