package org.liosmis.smis;

import java.util.Optional;
import java.util.stream.Stream;
import org.liosmis.engine.Inventory;
import org.liosmis.engine.Replica;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.ReplicaKind;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * LIO_StorageSynchronized: one per source/replica relationship (SystemElement the source,
 * SyncedElement the replica), with both the Copy Services view (CopyType, ReplicaType,
 * SyncState) and the Replication Services view (CopyState, ProgressStatus, SyncType, Mode).
 * A relationship is shown while both its volumes exist: not while its replica is still being
 * copied (the job is what to follow then), nor once either volume is gone.
 */
final class StorageSynchronizedProvider extends PairAssociation {

    /** The DMTF values used here. */
    private static final int COPY_TYPE_UNSYNC_ASSOC = 4;
    private static final int COPY_TYPE_UNSYNC_UNASSOC = 5;
    private static final int REPLICA_FULL_COPY = 2;
    private static final int REPLICA_AFTER_DELTA = 4;
    private static final int SYNC_STATE_RESYNC_IN_PROGRESS = 5;
    private static final int SYNC_STATE_RESTORE_IN_PROGRESS = 10;
    private static final int SYNC_STATE_IDLE = 11;
    private static final int SYNC_STATE_FROZEN = 14;
    private static final int COPY_STATE_SYNCHRONIZED = 4;
    private static final int COPY_STATE_INACTIVE = 8;
    private static final int PROGRESS_COMPLETED = 2;
    private static final int PROGRESS_RESYNCING = 7;
    private static final int PROGRESS_RESTORING = 8;
    private static final int SYNC_TYPE_SNAPSHOT = 7;
    private static final int SYNC_TYPE_CLONE = 8;
    private static final int MODE_SYNCHRONOUS = 2;
    private static final int MODE_ASYNCHRONOUS = 3;

    private final ReplicaEngine engine;
    private final Inventory inventory;
    private final ObjectNames names;
    private final MirrorStates mirrors;

    StorageSynchronizedProvider(ReplicaEngine engine, Inventory inventory, ObjectNames names) {
        super(names.modelNamespace(), ObjectNames.SYNCHRONIZED, "SystemElement", "SyncedElement");
        this.engine = engine;
        this.inventory = inventory;
        this.names = names;
        this.mirrors = new MirrorStates(engine);
    }

    @Override
    Stream<Pair> pairs() {
        return shown(engine.replicas().stream());
    }

    /** Only the relationships of the named volume need their volumes checked. */
    @Override
    Stream<Pair> pairsWith(CIMObjectPath objectName) {
        String volumeId = names.volumeId(objectName);
        return volumeId == null ? Stream.empty() : shown(engine.replicas().stream()
                .filter(r -> r.sourceId().equals(volumeId) || r.targetId().equals(volumeId)));
    }

    /** The instance name of the relationship between two volumes, when it is shown. */
    Optional<CIMObjectPath> synchronization(String sourceId, String targetId) {
        return shown(engine.replicaOf(targetId).filter(r -> r.sourceId().equals(sourceId)).stream())
                .findFirst().map(this::path);
    }

    /** The shown relationship an instance name of LIO_StorageSynchronized names. */
    Optional<Replica> relationship(CIMObjectPath synchronizationName) {
        Pair pair = pair(synchronizationName);
        String sourceId = pair == null ? null : names.volumeId(pair.left());
        String targetId = pair == null ? null : names.volumeId(pair.right());
        if (sourceId == null || targetId == null) {
            return Optional.empty();
        }
        Optional<Replica> replica = engine.replicaOf(targetId).filter(r -> r.sourceId().equals(sourceId));
        return shown(replica.stream()).findFirst().flatMap(shownPair -> replica);
    }

    private Stream<Pair> shown(Stream<Replica> replicas) {
        return replicas.filter(r -> r.state().complete()
                        && inventory.hasVolume(r.sourceId()) && inventory.hasVolume(r.targetId()))
                .map(r -> new Pair(names.volume(r.sourceId()), names.volume(r.targetId())));
    }

    @Override
    InstanceBuilder describe(InstanceBuilder builder, Pair pair) {
        Replica replica = engine.replicaOf((String) pair.right().getKeyValue("DeviceID")).orElse(null);
        if (replica == null) {
            return builder; // deleted since it was listed: the instance keeps only its references
        }
        if (replica.kind().mirror()) {
            return mirrors.describe(builder, replica);
        }
        boolean delta = replica.method().sharesBlocks();
        return builder.uint16("CopyType", replica.kind() == ReplicaKind.SNAPSHOT ? COPY_TYPE_UNSYNC_ASSOC : COPY_TYPE_UNSYNC_UNASSOC)
                .uint16("ReplicaType", delta ? REPLICA_AFTER_DELTA : REPLICA_FULL_COPY)
                .uint16("SyncState", switch (replica.state()) {
                    case RESTORING -> SYNC_STATE_RESTORE_IN_PROGRESS;
                    case RESYNCING -> SYNC_STATE_RESYNC_IN_PROGRESS;
                    default -> delta ? SYNC_STATE_IDLE : SYNC_STATE_FROZEN;
                })
                .bool("SyncMaintained", false)
                .uint16("CopyState", delta ? COPY_STATE_INACTIVE : COPY_STATE_SYNCHRONIZED)
                .uint16("ProgressStatus", switch (replica.state()) {
                    case RESTORING -> PROGRESS_RESTORING;
                    case RESYNCING -> PROGRESS_RESYNCING;
                    default -> PROGRESS_COMPLETED;
                })
                .uint16("SyncType", replica.kind() == ReplicaKind.SNAPSHOT ? SYNC_TYPE_SNAPSHOT : SYNC_TYPE_CLONE)
                .uint16("Mode", delta ? MODE_SYNCHRONOUS : MODE_ASYNCHRONOUS)
                .uint16("PercentSynced", replica.percentSynced())
                .datetime("WhenSynced", replica.whenSynced())
                .datetime("WhenEstablished", replica.whenSynced());
    }
}
