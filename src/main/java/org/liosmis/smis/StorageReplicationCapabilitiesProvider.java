package org.liosmis.smis;

import java.util.List;
import java.util.stream.Stream;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * LIO_StorageReplicationCapabilities, one instance per synchronization type that works.
 * Mind the numbering, which differs from CreateReplica's CopyType: 4 UnSyncAssoc-Full (a
 * snapshot made by copying), 5 UnSyncAssoc-Delta (a snapshot made by reflink), 6 UnSyncUnAssoc.
 */
final class StorageReplicationCapabilitiesProvider extends FewInstancesProvider {

    private record Type(String name, int synchronizationType) {
    }

    private static final List<Type> TYPES = List.of(
            new Type("UnSyncAssoc-Full", 4), new Type("UnSyncAssoc-Delta", 5), new Type("UnSyncUnAssoc", 6));
    /** SupportedSynchronousActions / SupportedAsynchronousActions 2: Local Replica Creation. */
    private static final int CREATE_LOCAL_REPLICA = 2;

    private final ObjectNames names;

    StorageReplicationCapabilitiesProvider(ObjectNames names) {
        this.names = names;
    }

    @Override
    Stream<CIMInstance> instances() {
        return TYPES.stream().map(this::instance);
    }

    List<CIMObjectPath> paths() {
        return TYPES.stream().map(type -> names.replicationCapabilities(type.name())).toList();
    }

    private CIMInstance instance(Type type) {
        return new InstanceBuilder(names.replicationCapabilities(type.name()))
                .string("ElementName", "LIO replication capabilities: " + type.name())
                .uint16("SupportedSynchronizationType", type.synchronizationType())
                .uint16s("SupportedSynchronousActions", CREATE_LOCAL_REPLICA)
                .uint16s("SupportedAsynchronousActions", CREATE_LOCAL_REPLICA)
                .uint16s("SupportedModifyOperations")
                .bool("PersistentReplicasSupported", true)
                .build();
    }
}
