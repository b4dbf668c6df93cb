package org.liosmis.smis;

import java.util.stream.Stream;
import org.metricshub.wbem.javax.cim.CIMInstance;

/**
 * LIO_StorageConfigurationCapabilities: what the configuration service can do, and only
 * that: snapshots (CopyType 4) and independent copies (5) of volumes, made at once (reflink)
 * or by a job, and volumes returned to their pool at once. Mirrors (2, 3) are not offered.
 */
final class StorageConfigurationCapabilitiesProvider extends FewInstancesProvider {

    /** SupportedStorageElementTypes 2: StorageVolume. */
    private static final int ELEMENT_TYPE_STORAGE_VOLUME = 2;
    /** SupportedCopyTypes: CreateReplica's CopyType values that work. */
    private static final int[] COPY_TYPES = {4, 5};
    /** Supported(A)SynchronousActions 6: Storage Element Return, 8: Replica Creation. */
    private static final int STORAGE_ELEMENT_RETURN = 6;
    private static final int REPLICA_CREATION = 8;

    private final ObjectNames names;

    StorageConfigurationCapabilitiesProvider(ObjectNames names) {
        this.names = names;
    }

    @Override
    Stream<CIMInstance> instances() {
        return Stream.of(instance());
    }

    private CIMInstance instance() {
        return new InstanceBuilder(names.configurationCapabilities())
                .string("ElementName", "LIO storage configuration capabilities")
                .uint16s("SupportedStorageElementTypes", ELEMENT_TYPE_STORAGE_VOLUME)
                .uint16s("SupportedCopyTypes", COPY_TYPES)
                .uint16s("SupportedSynchronousActions", STORAGE_ELEMENT_RETURN, REPLICA_CREATION)
                .uint16s("SupportedAsynchronousActions", REPLICA_CREATION)
                .build();
    }
}
