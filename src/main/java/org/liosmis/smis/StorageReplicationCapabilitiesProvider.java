package org.liosmis.smis;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.ReplicaKind;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * LIO_StorageReplicationCapabilities, one instance per synchronization type that works.
 * Mind the numbering, which differs from CreateReplica's CopyType: 2 Async and 3 Sync (mirrors,
 * where a configured pool can hold one), 4 UnSyncAssoc-Full (a snapshot made by copying), 5
 * UnSyncAssoc-Delta (a snapshot made by reflink), 6 UnSyncUnAssoc.
 */
final class StorageReplicationCapabilitiesProvider extends FewInstancesProvider {

    private record Type(String name, int synchronizationType, int... modifyOperations) {
    }

    /** ModifySynchronization's Operation values a mirror takes: 2 Detach, 3 Fracture, 4 Resync Replica. */
    private static final Type ASYNC = new Type("Async", 2, 2, 3, 4);
    private static final Type SYNC = new Type("Sync", 3, 2, 3, 4);
    private static final List<Type> SNAPSHOTS_AND_COPIES = List.of(
            new Type("UnSyncAssoc-Full", 4), new Type("UnSyncAssoc-Delta", 5), new Type("UnSyncUnAssoc", 6));
    /** SupportedSynchronousActions / SupportedAsynchronousActions 2: Local Replica Creation. */
    private static final int CREATE_LOCAL_REPLICA = 2;

    private final ObjectNames names;
    private final List<Type> types;

    StorageReplicationCapabilitiesProvider(ObjectNames names, ReplicaEngine engine) {
        this.names = names;
        Set<ReplicaKind> mirrors = engine.mirrorKinds();
        this.types = Stream.concat(Stream.of(ASYNC, SYNC).filter(type -> mirrors.contains(type == SYNC
                ? ReplicaKind.SYNC_MIRROR : ReplicaKind.ASYNC_MIRROR)), SNAPSHOTS_AND_COPIES.stream()).toList();
    }

    @Override
    Stream<CIMInstance> instances() {
        return types.stream().map(this::instance);
    }

    List<CIMObjectPath> paths() {
        return types.stream().map(type -> names.replicationCapabilities(type.name())).toList();
    }

    private CIMInstance instance(Type type) {
        return new InstanceBuilder(names.replicationCapabilities(type.name()))
                .string("ElementName", "LIO replication capabilities: " + type.name())
                .uint16("SupportedSynchronizationType", type.synchronizationType())
                .uint16s("SupportedSynchronousActions", CREATE_LOCAL_REPLICA)
                .uint16s("SupportedAsynchronousActions", CREATE_LOCAL_REPLICA)
                .uint16s("SupportedModifyOperations", type.modifyOperations())
                .bool("PersistentReplicasSupported", true)
                .build();
    }
}
