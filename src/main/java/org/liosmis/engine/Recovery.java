package org.liosmis.engine;

import java.time.Clock;
import java.util.Optional;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.configfs.ConfigFsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, before any request: a job the stopped process left running ends as Exception,
 * with whatever it had made removed (partial file or logical volumes, published file, storage
 * object), and relationships whose volumes are gone are forgotten. Nothing half-made survives
 * a restart.
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    static final String STOPPED = "lio-smis stopped while this copy ran; the partial replica was removed and the"
            + " source is untouched; call CreateReplica again";

    private final LioRoot lio;
    private final Inventory inventory;
    private final StateStore store;
    private final Clock clock;
    private final FileioReplicas fileio;
    private final BlockReplicas block;
    /** the jobs of mirrors still under way, which go on after the restart */
    private final java.util.List<String> goingOn;

    Recovery(LioRoot lio, Inventory inventory, StateStore store, Clock clock, FileioReplicas fileio,
             BlockReplicas block, java.util.List<String> goingOn) {
        this.goingOn = goingOn;
        this.lio = lio;
        this.inventory = inventory;
        this.store = store;
        this.clock = clock;
        this.fileio = fileio;
        this.block = block;
    }

    void run() {
        for (Job job : store.jobs()) {
            if (!job.state().finished() && !goingOn.contains(job.id())) {
                abandon(job);
            }
        }
        // a restore or resync whose job was never stored, or had ended, when lio-smis stopped
        for (Replica replica : store.replicas()) {
            if (overwriting(replica)) {
                store.putReplica(replica.in(Replica.State.ESTABLISHED));
            }
            if (replica.state() == Replica.State.OVERWRITING) {
                settleInPlace(replica);
            }
        }
        inventory.pools().stream().filter(pool -> pool.backing() instanceof PoolBacking.Lvm)
                .forEach(block::removeLeftoverSnapshots);
        for (Replica replica : store.replicas()) {
            if (inventory.volume(replica.targetId()).isEmpty() || inventory.volume(replica.sourceId()).isEmpty()) {
                store.deleteReplicasOf(replica.targetId());
            }
        }
    }

    private void abandon(Job job) {
        if (endOverwrite(job) || endInPlace(job)) {
            return;
        }
        int slash = job.targetId().indexOf('/');
        Plugin plugin = Plugin.fromConfigfsName(job.targetId().substring(0, slash)).orElseThrow();
        String name = job.targetId().substring(slash + 1);
        try {
            if (lio.storageObject(plugin, name).isPresent()) {
                lio.delete(plugin, name);
            }
        } catch (ConfigFsException e) {
            LOG.warn("job {}: could not remove storage object {}: {}", job.id(), job.targetId(), e.getMessage());
        }
        (plugin == Plugin.IBLOCK ? block : fileio).abandon(job);
        store.deleteReplicasOf(job.targetId());
        store.releaseElementName(job.targetId());
        store.putJob(job.ended(Job.State.EXCEPTION, clock.instant(), Job.Failure.INTERRUPTED_BY_RESTART, STOPPED));
        LOG.warn("job {} was running when lio-smis stopped; ended it and removed its partial replica", job.id());
    }

    /**
     * A replica being written into an existing volume: the volume stays, holding part of the
     * source's data; its relationship goes with the rest of those left unsettled.
     */
    private boolean endInPlace(Job job) {
        boolean inPlace = store.replicaOf(job.targetId())
                .filter(r -> r.state() == Replica.State.OVERWRITING && job.id().equals(r.jobId())).isPresent();
        if (inPlace) {
            endWriting(job, " and is no replica");
        }
        return inPlace;
    }

    /**
     * A replica written into an existing volume whose job ended before its relationship was
     * settled: a completed snapshot keeps it, as the job would have; anything else has none.
     */
    private void settleInPlace(Replica replica) {
        Optional<Job> job = Optional.ofNullable(replica.jobId()).flatMap(store::job)
                .filter(j -> j.state() == Job.State.COMPLETED);
        if (job.isPresent() && replica.kind() == ReplicaKind.SNAPSHOT) {
            store.putReplica(replica.syncedAt(job.get().finished(), replica.method()));
        } else {
            store.deleteRelationship(replica.targetId());
        }
    }

    /** A job that wrote over an existing volume ends; the volume stays, holding part of the data. */
    private void endWriting(Job job, String what) {
        store.putJob(job.ended(Job.State.EXCEPTION, clock.instant(), Job.Failure.INTERRUPTED_BY_RESTART,
                "lio-smis stopped while this job wrote " + job.sourceId() + " over " + job.targetId() + "; "
                        + job.targetId() + " holds part of the data" + what + ": ask again to write it whole"));
        LOG.warn("job {} was writing {} over {} when lio-smis stopped; ended it", job.id(), job.sourceId(),
                job.targetId());
    }

    private static boolean overwriting(Replica replica) {
        return replica.state() == Replica.State.RESTORING || replica.state() == Replica.State.RESYNCING;
    }

    /**
     * A restore or resync that was running: both volumes stay as they are (the one written over
     * holds part of the data) and the relationship stays, so the client can ask again.
     */
    private boolean endOverwrite(Job job) {
        for (Replica replica : store.replicas()) {
            if (overwriting(replica) && (replica.targetId().equals(job.sourceId()) || replica.targetId().equals(job.targetId()))) {
                store.putReplica(replica.in(Replica.State.ESTABLISHED));
                endWriting(job, "");
                return true;
            }
        }
        return false;
    }
}
