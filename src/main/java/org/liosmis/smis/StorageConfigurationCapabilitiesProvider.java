package org.liosmis.smis;

import org.metricshub.wbem.javax.cim.CIMInstance;

/**
 * LIO_StorageConfigurationCapabilities: what the configuration service can do. It lists
 * only what works; replica creation is not offered yet, so no copy types are advertised.
 */
final class StorageConfigurationCapabilitiesProvider extends SingletonProvider {

    /** SupportedStorageElementTypes 2: StorageVolume. */
    private static final int ELEMENT_TYPE_STORAGE_VOLUME = 2;

    private final ObjectNames names;

    StorageConfigurationCapabilitiesProvider(ObjectNames names) {
        this.names = names;
    }

    @Override
    CIMInstance instance() {
        return new InstanceBuilder(names.configurationCapabilities())
                .string("ElementName", "LIO storage configuration capabilities")
                .uint16s("SupportedStorageElementTypes", ELEMENT_TYPE_STORAGE_VOLUME)
                .uint16s("SupportedCopyTypes")
                .uint16s("SupportedSynchronousActions")
                .uint16s("SupportedAsynchronousActions")
                .build();
    }
}
