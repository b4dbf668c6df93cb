package org.liosmis.smis;

import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.liosmis.engine.Inventory;
import org.liosmis.engine.Pool;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.ReplicaKind;
import org.metricshub.wbem.javax.cim.CIMInstance;

/**
 * LIO_StorageConfigurationCapabilities: what the configuration service can do, and only
 * that: snapshots (CopyType 4) and independent copies (5) of volumes, made at once (reflink)
 * or by a job, mirrors (2 Async, 3 Sync) where a configured pool can hold one, and volumes
 * returned to their pool at once. Each configured pool has one more instance saying which
 * CopyTypes CreateReplica can make with it as TargetPool, and why not the others; the
 * service's lists those that work in at least one pool.
 */
final class StorageConfigurationCapabilitiesProvider extends FewInstancesProvider {

    /** SupportedStorageElementTypes 2: StorageVolume. */
    private static final int ELEMENT_TYPE_STORAGE_VOLUME = 2;
    /** Supported(A)SynchronousActions 6: Storage Element Return, 8: Replica Creation. */
    private static final int STORAGE_ELEMENT_RETURN = 6;
    private static final int REPLICA_CREATION = 8;

    private final ObjectNames names;
    private final Inventory inventory;
    private final ReplicaEngine engine;

    StorageConfigurationCapabilitiesProvider(ObjectNames names, Inventory inventory, ReplicaEngine engine) {
        this.names = names;
        this.inventory = inventory;
        this.engine = engine;
    }

    @Override
    Stream<CIMInstance> instances() {
        return Stream.concat(Stream.of(serviceInstance()), inventory.managedPools().map(this::poolInstance));
    }

    private CIMInstance serviceInstance() {
        return new InstanceBuilder(names.configurationCapabilities())
                .string("ElementName", "LIO storage configuration capabilities")
                .uint16s("SupportedStorageElementTypes", ELEMENT_TYPE_STORAGE_VOLUME)
                .uint16s("SupportedCopyTypes", CopyTypes.supported(engine.mirrorKinds()::contains))
                .uint16s("SupportedSynchronousActions", STORAGE_ELEMENT_RETURN, REPLICA_CREATION)
                .uint16s("SupportedAsynchronousActions", REPLICA_CREATION)
                .build();
    }

    /** The actions are the service's; a pool's instance says what can be made in it. */
    private CIMInstance poolInstance(Pool pool) {
        Function<ReplicaKind, Optional<String>> whyNot = kind -> engine.whyNoMirror(pool, kind);
        return new InstanceBuilder(names.configurationCapabilities(pool))
                .string("ElementName", "LIO storage configuration capabilities of pool " + pool.id())
                .string("Description", CopyTypes.describe(pool, whyNot))
                .uint16s("SupportedStorageElementTypes", ELEMENT_TYPE_STORAGE_VOLUME)
                .uint16s("SupportedCopyTypes", CopyTypes.supported(kind -> whyNot.apply(kind).isEmpty()))
                .build();
    }
}
