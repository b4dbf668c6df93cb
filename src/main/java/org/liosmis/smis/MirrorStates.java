package org.liosmis.smis;

import java.time.Duration;
import java.util.Optional;
import org.liosmis.engine.Mirror;
import org.liosmis.engine.Replica;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.ReplicaKind;

/**
 * How a mirror's relationship reads in LIO_StorageSynchronized: both views of its state, how
 * far it is in step, why it is broken, and an async mirror's cycles.
 */
final class MirrorStates {

    /** The DMTF values used here. */
    private static final int COPY_TYPE_ASYNC = 2;
    private static final int COPY_TYPE_SYNC = 3;
    private static final int REPLICA_FULL_COPY = 2;
    private static final int SYNC_STATE_RESYNC_IN_PROGRESS = 5;
    private static final int SYNC_STATE_SYNCHRONIZED = 6;
    private static final int SYNC_STATE_BROKEN = 12;
    private static final int SYNC_STATE_FRACTURED = 13;
    private static final int SYNC_STATE_COPY_IN_PROGRESS = 15;
    private static final int COPY_STATE_UNSYNCHRONIZED = 3;
    private static final int COPY_STATE_SYNCHRONIZED = 4;
    private static final int COPY_STATE_BROKEN = 5;
    private static final int COPY_STATE_FRACTURED = 6;
    private static final int COPY_STATE_SPLIT = 7;
    private static final int PROGRESS_COMPLETED = 2;
    private static final int PROGRESS_DORMANT = 3;
    private static final int PROGRESS_SYNCHRONIZING = 6;
    private static final int PROGRESS_RESYNCING = 7;
    private static final int SYNC_TYPE_MIRROR = 6;
    private static final int MODE_SYNCHRONOUS = 2;
    private static final int MODE_ASYNCHRONOUS = 3;

    private final ReplicaEngine engine;

    MirrorStates(ReplicaEngine engine) {
        this.engine = engine;
    }

    InstanceBuilder describe(InstanceBuilder builder, Replica replica) {
        boolean async = replica.kind() == ReplicaKind.ASYNC_MIRROR;
        // never in step before: the first synchronisation; else a resync or an async cycle
        boolean first = replica.whenSynced() == null;
        Optional<Mirror> mirror = engine.mirror(replica.targetId());
        builder.uint16("CopyType", async ? COPY_TYPE_ASYNC : COPY_TYPE_SYNC)
                .uint16("ReplicaType", REPLICA_FULL_COPY)
                .uint16("SyncState", switch (replica.state()) {
                    case SYNCHRONIZING -> first ? SYNC_STATE_COPY_IN_PROGRESS : SYNC_STATE_RESYNC_IN_PROGRESS;
                    case FRACTURED, SPLIT -> SYNC_STATE_FRACTURED;
                    case BROKEN -> SYNC_STATE_BROKEN;
                    default -> SYNC_STATE_SYNCHRONIZED;
                })
                .bool("SyncMaintained", true)
                .uint16("CopyState", switch (replica.state()) {
                    // a target being written (a resync, an async cycle) is no whole point in time until it ends
                    case SYNCHRONIZING -> COPY_STATE_UNSYNCHRONIZED;
                    case FRACTURED -> COPY_STATE_FRACTURED;
                    case SPLIT -> COPY_STATE_SPLIT;
                    case BROKEN -> COPY_STATE_BROKEN;
                    default -> COPY_STATE_SYNCHRONIZED;
                })
                .uint16("ProgressStatus", switch (replica.state()) {
                    case SYNCHRONIZING -> first ? PROGRESS_SYNCHRONIZING : PROGRESS_RESYNCING;
                    case BROKEN -> PROGRESS_DORMANT;
                    default -> PROGRESS_COMPLETED;
                })
                .uint16("SyncType", SYNC_TYPE_MIRROR)
                .uint16("Mode", async ? MODE_ASYNCHRONOUS : MODE_SYNCHRONOUS)
                .uint16("PercentSynced", replica.percentSynced());
        if (!first) {
            // before its first synchronisation ends a mirror was never in step: both are left NULL
            builder.datetime("WhenSynced", replica.whenSynced()).datetime("WhenEstablished", replica.whenSynced());
        }
        mirror.map(Mirror::brokenReason).ifPresent(reason -> builder.string("StatusDescription", reason));
        if (async && mirror.isPresent()) {
            builder.uint32("CyclePeriod", engine.asyncCyclePeriod().toSeconds())
                    .uint64("LastCycleBytes", mirror.get().shippedBytes())
                    .uint64("LastCycleMilliseconds", mirror.get().cycleMillis());
            if (replica.whenSynced() != null) {
                builder.uint64("LagSeconds", Math.max(0,
                        Duration.between(replica.whenSynced(), engine.now()).toSeconds()));
            }
        }
        return builder;
    }
}
