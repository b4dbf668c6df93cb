package org.liosmis.smis;

import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.ReplicaKind;
import org.metricshub.wbem.javax.cim.CIMInstance;

/**
 * LIO_StorageConfigurationCapabilities: what the configuration service can do, and only
 * that: snapshots (CopyType 4) and independent copies (5) of volumes, made at once (reflink)
 * or by a job, mirrors (2 Async, 3 Sync) where a configured pool can hold one, and volumes
 * returned to their pool at once.
 */
final class StorageConfigurationCapabilitiesProvider extends FewInstancesProvider {

    /** SupportedStorageElementTypes 2: StorageVolume. */
    private static final int ELEMENT_TYPE_STORAGE_VOLUME = 2;
    /** CreateReplica's CopyType values. */
    private static final int ASYNC = 2;
    private static final int SYNC = 3;
    private static final int[] SNAPSHOTS_AND_COPIES = {4, 5};
    /** Supported(A)SynchronousActions 6: Storage Element Return, 8: Replica Creation. */
    private static final int STORAGE_ELEMENT_RETURN = 6;
    private static final int REPLICA_CREATION = 8;

    private final ObjectNames names;
    private final ReplicaEngine engine;

    StorageConfigurationCapabilitiesProvider(ObjectNames names, ReplicaEngine engine) {
        this.names = names;
        this.engine = engine;
    }

    /** SupportedCopyTypes: those that work in at least one configured pool. */
    private int[] copyTypes() {
        Set<ReplicaKind> mirrors = engine.mirrorKinds();
        IntStream mirrorTypes = IntStream.of(mirrors.contains(ReplicaKind.ASYNC_MIRROR) ? ASYNC : 0,
                mirrors.contains(ReplicaKind.SYNC_MIRROR) ? SYNC : 0).filter(type -> type != 0);
        return IntStream.concat(mirrorTypes, IntStream.of(SNAPSHOTS_AND_COPIES)).toArray();
    }

    @Override
    Stream<CIMInstance> instances() {
        return Stream.of(instance());
    }

    private CIMInstance instance() {
        return new InstanceBuilder(names.configurationCapabilities())
                .string("ElementName", "LIO storage configuration capabilities")
                .uint16s("SupportedStorageElementTypes", ELEMENT_TYPE_STORAGE_VOLUME)
                .uint16s("SupportedCopyTypes", copyTypes())
                .uint16s("SupportedSynchronousActions", STORAGE_ELEMENT_RETURN, REPLICA_CREATION)
                .uint16s("SupportedAsynchronousActions", REPLICA_CREATION)
                .build();
    }
}
