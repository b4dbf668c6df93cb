package org.liosmis.smis;

import java.util.stream.Stream;
import org.liosmis.engine.Replica;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.ReplicaKind;

/**
 * LIO_StorageSynchronized: one per source/replica relationship (SystemElement the source,
 * SyncedElement the replica), with both the Copy Services view (CopyType, ReplicaType,
 * SyncState) and the Replication Services view (CopyState, ProgressStatus, SyncType, Mode).
 */
final class StorageSynchronizedProvider extends PairAssociation {

    /** The DMTF values used here. */
    private static final int COPY_TYPE_UNSYNC_ASSOC = 4;
    private static final int COPY_TYPE_UNSYNC_UNASSOC = 5;
    private static final int REPLICA_FULL_COPY = 2;
    private static final int REPLICA_AFTER_DELTA = 4;
    private static final int SYNC_STATE_RESYNC_IN_PROGRESS = 5;
    private static final int SYNC_STATE_IDLE = 11;
    private static final int SYNC_STATE_FROZEN = 14;
    private static final int COPY_STATE_UNSYNCHRONIZED = 3;
    private static final int COPY_STATE_SYNCHRONIZED = 4;
    private static final int COPY_STATE_INACTIVE = 8;
    private static final int PROGRESS_COMPLETED = 2;
    private static final int PROGRESS_SYNCHRONIZING = 6;
    private static final int SYNC_TYPE_SNAPSHOT = 7;
    private static final int SYNC_TYPE_CLONE = 8;
    private static final int MODE_SYNCHRONOUS = 2;
    private static final int MODE_ASYNCHRONOUS = 3;

    private final ReplicaEngine engine;
    private final ObjectNames names;

    StorageSynchronizedProvider(ReplicaEngine engine, ObjectNames names) {
        super(names.modelNamespace(), "LIO_StorageSynchronized", "SystemElement", "SyncedElement");
        this.engine = engine;
        this.names = names;
    }

    @Override
    Stream<Pair> pairs() {
        return engine.replicas().stream().map(r -> new Pair(names.volume(r.sourceId()), names.volume(r.targetId())));
    }

    @Override
    InstanceBuilder describe(InstanceBuilder builder, Pair pair) {
        Replica replica = engine.replicaOf((String) pair.right().getKeyValue("DeviceID")).orElse(null);
        if (replica == null) {
            return builder; // deleted since it was listed: the instance keeps only its references
        }
        boolean copying = replica.state() == Replica.State.COPYING;
        boolean delta = replica.method().sharesBlocks();
        builder.uint16("CopyType", replica.kind() == ReplicaKind.SNAPSHOT ? COPY_TYPE_UNSYNC_ASSOC : COPY_TYPE_UNSYNC_UNASSOC)
                .uint16("ReplicaType", delta ? REPLICA_AFTER_DELTA : REPLICA_FULL_COPY)
                .uint16("SyncState", copying ? SYNC_STATE_RESYNC_IN_PROGRESS : delta ? SYNC_STATE_IDLE : SYNC_STATE_FROZEN)
                .bool("SyncMaintained", false)
                .uint16("CopyState", copying ? COPY_STATE_UNSYNCHRONIZED : delta ? COPY_STATE_INACTIVE : COPY_STATE_SYNCHRONIZED)
                .uint16("ProgressStatus", copying ? PROGRESS_SYNCHRONIZING : PROGRESS_COMPLETED)
                .uint16("SyncType", replica.kind() == ReplicaKind.SNAPSHOT ? SYNC_TYPE_SNAPSHOT : SYNC_TYPE_CLONE)
                .uint16("Mode", delta ? MODE_SYNCHRONOUS : MODE_ASYNCHRONOUS)
                .uint16("PercentSynced", replica.percentSynced());
        if (replica.whenSynced() != null) {
            builder.datetime("WhenSynced", replica.whenSynced()).datetime("WhenEstablished", replica.whenSynced());
        }
        return builder;
    }
}
