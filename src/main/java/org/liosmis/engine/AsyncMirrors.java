package org.liosmis.engine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lvm.LogicalVolume;
import org.liosmis.lvm.LvNames;
import org.liosmis.lvm.Lvm;
import org.liosmis.lvm.LvmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Async mirrors (CopyType 2): a target volume in any pool of the source's kind, brought in step
 * by cycles ({@link AsyncCycle}) every {@link ReplicaEngine#asyncCyclePeriod}, each shipping only
 * what changed since the last. The target has no storage object while the mirror is kept; a
 * fracture gives it one (read-only where LIO can) and stops the cycles, a resync starts them
 * again, a detach ends the mirror leaving the target a volume of its own.
 */
final class AsyncMirrors implements MirrorKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncMirrors.class);

    private final ReplicaEngine engine;
    private final TargetObjects objects;
    private final Lvm lvm;
    private final Inventory inventory;
    private final StateStore store;
    private final FileReplicator files;
    /** the targets whose cycle runs now */
    private final Set<String> cycling = ConcurrentHashMap.newKeySet();
    /** when a mirror whose cycle failed is due again */
    private final Map<String, Instant> retryAt = new ConcurrentHashMap<>();

    AsyncMirrors(ReplicaEngine engine, LioRoot lio, Lvm lvm, Inventory inventory, StateStore store,
                 FileReplicator files) {
        this.engine = engine;
        this.objects = new TargetObjects(lio);
        this.lvm = lvm;
        this.inventory = inventory;
        this.store = store;
        this.files = files;
    }

    // ---- making one

    /** The target made empty, and its first cycle under way in a job. */
    CreateReplicaResult create(ReplicaEngine.Plan plan) throws RequestRefused {
        Volume source = plan.source();
        images(source, plan.name()); // refuses a source whose images cannot be taken
        long size = sizeOf(source);
        Path target = makeTarget(plan, size);
        Instant now = engine.clock().instant();
        Job job = new Job(UUID.randomUUID().toString(), Job.State.NEW, 0, plan.elementName(), source.id(),
                plan.targetId(), target.toString(), ReplicaKind.ASYNC_MIRROR, now, null, null, true,
                engine.timeBeforeRemoval(), null, null);
        store.putMirror(Mirror.of(plan.targetId(), target.toString(), size, LioSmisSerial.generate()));
        store.putJob(job);
        Replica replica = new Replica(source.id(), plan.targetId(), ReplicaKind.ASYNC_MIRROR, methodFor(source),
                Replica.State.SYNCHRONIZING, 0, null, job.id());
        store.putReplica(replica);
        engine.busy().remove(plan.targetId());
        start(plan.targetId(), job.id());
        LOG.info("async mirror {} of {} made in pool {}; its first cycle runs", plan.targetId(), source.id(),
                plan.pool().id());
        return new CreateReplicaResult(plan.targetId(), job.id(), true);
    }

    private CopyMethod methodFor(Volume source) {
        if (source.backstore() == Volume.Backstore.FILEIO) {
            return CopyMethod.REFLINK_DELTA;
        }
        return logicalVolume(source).filter(LogicalVolume::thinVolume).isPresent() ? CopyMethod.THIN_DELTA
                : CopyMethod.BLOCK_COMPARE;
    }

    /** What a cycle ships from: a block source's logical volume as LVM sizes it, a file as LIO does. */
    private long sizeOf(Volume source) throws RequestRefused {
        if (source.backstore() == Volume.Backstore.FILEIO) {
            return source.sizeBytes();
        }
        return logicalVolume(source).map(LogicalVolume::sizeBytes).orElseThrow(() -> RequestRefused.invalid(
                "the logical volume of " + source.id() + " is gone"));
    }

    /** An empty target of the source's size: a sparse file, or a logical volume of the target pool. */
    private Path makeTarget(ReplicaEngine.Plan plan, long size) throws RequestRefused {
        try {
            switch (plan.pool().backing()) {
                case PoolBacking.Directory directory -> {
                    try (RandomAccessFile file = new RandomAccessFile(Files.createFile(plan.target()).toFile(), "rw")) {
                        file.setLength(size);
                    }
                }
                case PoolBacking.ThinPool thin -> lvm.createThin(thin.volumeGroup(), thin.thinPool(), plan.name(), size);
                case PoolBacking.VolumeGroup group -> lvm.createLinear(group.volumeGroup(), plan.name(), size);
            }
        } catch (IOException e) {
            throw new RequestRefused(RequestRefused.Reason.FAILED, "cannot make the target file " + plan.target()
                    + ": " + e.getMessage());
        } catch (LvmException e) {
            throw LvmRefusals.of(e, plan.pool().id());
        }
        return plan.target();
    }

    /** The images of the source its cycles ship from; refused where they cannot be taken. */
    CycleImages images(Volume source, String targetName) throws RequestRefused {
        if (source.backstore() == Volume.Backstore.FILEIO) {
            Pool pool = engine.managedPool(source, "an async mirror needs its source in a pool that can clone files");
            if (!engine.canMirror(pool, ReplicaKind.ASYNC_MIRROR)) {
                throw new RequestRefused(RequestRefused.Reason.NOT_SUPPORTED, "the source's pool " + pool.id()
                        + " cannot clone files (reflink), which an async mirror's cycles need to take its images");
            }
            return new FileClones(files, Path.of(source.backingPath()), targetName);
        }
        LogicalVolume volume = logicalVolume(source).orElseThrow(() -> RequestRefused.invalid(
                "the logical volume of " + source.id() + " is gone"));
        return new LvmSnapshots(lvm, volume, targetName);
    }

    private Optional<LogicalVolume> logicalVolume(Volume volume) {
        return LvNames.ofDevice(Path.of(volume.backingPath())).flatMap(named -> {
            try {
                return lvm.logicalVolume(named.volumeGroup(), named.logicalVolume());
            } catch (LvmException e) {
                throw new EngineException("cannot read the logical volume of " + volume.id() + ": " + e.getMessage(), e);
            }
        });
    }

    // ---- cycles

    /** Starts the cycles that are due: every second. */
    void tick() {
        Instant now = engine.clock().instant();
        for (Replica replica : store.replicas()) {
            if (replica.kind() != ReplicaKind.ASYNC_MIRROR || cycling.contains(replica.targetId())
                    || engine.busy().contains(replica.targetId())
                    || retryAt.getOrDefault(replica.targetId(), Instant.MIN).isAfter(now)) {
                continue;
            }
            boolean due = replica.state() == Replica.State.SYNCHRONIZING
                    || replica.state() == Replica.State.SYNCHRONIZED && (replica.whenSynced() == null
                    || !replica.whenSynced().plus(engine.asyncCyclePeriod()).isAfter(now));
            if (due) {
                start(replica.targetId(), null);
            }
        }
    }

    /** A cycle now, with a job to follow it; empty when one runs already or the mirror is fractured. */
    CreateReplicaResult cycleNow(Replica replica) throws RequestRefused {
        Instant now = engine.clock().instant();
        Job job = new Job(UUID.randomUUID().toString(), Job.State.NEW, 0, null, replica.sourceId(),
                replica.targetId(), store.mirror(replica.targetId()).map(Mirror::targetPath).orElse(""),
                ReplicaKind.ASYNC_MIRROR, now, null, null, true, engine.timeBeforeRemoval(), null, null);
        store.putJob(job);
        if (!start(replica.targetId(), job.id())) {
            store.deleteJob(job.id());
            throw RequestRefused.inUse(replica.targetId() + "'s mirror is in a cycle or being changed now; try again"
                    + " when that is done");
        }
        return new CreateReplicaResult(replica.targetId(), job.id(), true);
    }

    /**
     * Starts a cycle unless one runs, another change holds the mirror, or it is no longer kept in
     * step: decided on the relationship as it is under the admission lock, which a fracture,
     * detach or delete takes too, so no cycle writes a target they changed.
     *
     * @param jobId the job to follow the cycle, or null for the relationship's own (a first cycle's) or none
     */
    private boolean start(String targetId, String jobId) {
        synchronized (engine.admission()) {
            Optional<Replica> now = store.replicaOf(targetId);
            boolean kept = now.filter(r -> r.state() == Replica.State.SYNCHRONIZING
                    || r.state() == Replica.State.SYNCHRONIZED).isPresent();
            if (!kept || engine.busy().contains(targetId) || !cycling.add(targetId)) {
                return false;
            }
            Replica replica = now.get();
            String job = jobId != null ? jobId : replica.state() == Replica.State.SYNCHRONIZING ? replica.jobId() : null;
            Replica running = replica.mirror(Replica.State.SYNCHRONIZING, replica.whenSynced(), job);
            store.putReplica(running);
            engine.submit(new AsyncCycle(running, this, engine, store, inventory));
            return true;
        }
    }

    /** Called by a cycle as it ends, whatever the outcome. */
    void cycleEnded(String targetId) {
        cycling.remove(targetId);
    }

    /** A cycle failed: the next is due a period from now, not at once. */
    void retryLater(String targetId) {
        retryAt.put(targetId, engine.clock().instant().plus(engine.asyncCyclePeriod()));
    }

    /** A mirror whose first cycle failed is removed whole, as a failed copy's replica is. */
    void discard(Replica replica) {
        try {
            deleteTarget(replica);
        } catch (RequestRefused e) {
            LOG.error("async mirror {}: its first cycle failed and its target could not be removed: {}",
                    replica.targetId(), e.getMessage());
        }
    }

    // ---- fracture, resync, detach, delete

    /** Stops the cycles and gives the target, as of the last cycle, a storage object: read-only where LIO can. */
    @Override
    public void fracture(Replica replica, boolean split) throws RequestRefused {
        switch (replica.state()) {
            case SYNCHRONIZING -> throw RequestRefused.inUse(replica.targetId() + " is being brought in step by a"
                    + " cycle (" + replica.percentSynced() + "%); fracture it once the cycle is done");
            case FRACTURED, SPLIT -> {
                return;
            }
            case BROKEN -> throw new RequestRefused(RequestRefused.Reason.FAILED, "the mirror is broken: "
                    + store.mirror(replica.targetId()).map(Mirror::brokenReason).orElse("") + "; delete its target");
            default -> {
            }
        }
        claim(replica, "fracture", false);
        try {
            export(replica, true);
            store.putReplica(replica.mirror(split ? Replica.State.SPLIT : Replica.State.FRACTURED,
                    replica.whenSynced(), replica.jobId()));
            LOG.info("async mirror {} fractured from {} at its last cycle", replica.targetId(), replica.sourceId());
        } finally {
            engine.release(replica);
        }
    }

    /** Brings the target in step now: a cycle, after a fracture one that compares every block a client could write. */
    @Override
    public CreateReplicaResult resync(Replica replica) throws RequestRefused {
        if (replica.state() == Replica.State.BROKEN) {
            throw new RequestRefused(RequestRefused.Reason.FAILED, "the mirror is broken: "
                    + store.mirror(replica.targetId()).map(Mirror::brokenReason).orElse("") + "; delete its target");
        }
        if (replica.state().fractured()) {
            claim(replica, "resync", true);
            try {
                objects.remove(replica.targetId());
                Mirror mirror = store.mirror(replica.targetId()).orElseThrow();
                if (replica.targetId().startsWith(Plugin.FILEIO.configfsName() + "/")) {
                    // LIO cannot open a file read-only: it may have been written
                    store.putMirror(mirror.comparingAll());
                }
                // kept in step again from here: the cycle below, or the next tick should it be refused
                store.putReplica(replica.mirror(Replica.State.SYNCHRONIZING, replica.whenSynced(), null));
            } finally {
                engine.release(replica);
            }
        }
        return cycleNow(replica);
    }

    /** Ends the mirror: the target, as of the last cycle, a volume of its own under a writable storage object. */
    @Override
    public void detach(Replica replica) throws RequestRefused {
        if (replica.state() == Replica.State.SYNCHRONIZING || cycling.contains(replica.targetId())) {
            throw RequestRefused.inUse(replica.targetId() + " is being brought in step by a cycle; detach it once the"
                    + " cycle is done");
        }
        claim(replica, "detach", true);
        try {
            objects.remove(replica.targetId());
            export(replica, false);
            sourceImages(replica).ifPresent(CycleImages::dropAll);
            store.deleteRelationship(replica.targetId());
            LOG.info("async mirror {} detached from {}: a volume of its own now", replica.targetId(), replica.sourceId());
        } finally {
            engine.release(replica);
        }
    }

    /** ReturnToStoragePool of a target: its storage object, data and the source's cycle images go. */
    @Override
    public void deleteTarget(Replica replica) throws RequestRefused {
        if (cycling.contains(replica.targetId())) {
            throw RequestRefused.inUse(replica.targetId() + " is being brought in step by a cycle; delete it once the"
                    + " cycle is done");
        }
        Mirror mirror = store.mirror(replica.targetId()).orElseThrow();
        objects.remove(replica.targetId());
        Path target = Path.of(mirror.targetPath());
        try {
            Optional<LvNames.Named> lv = LvNames.ofDevice(target);
            if (lv.isPresent()) {
                lvm.remove(lv.get().volumeGroup(), lv.get().logicalVolume());
            } else {
                Files.deleteIfExists(target);
            }
        } catch (LvmException e) {
            throw LvmRefusals.of(e, inventory.volume(replica.targetId()).map(Volume::poolId).orElse(Pool.EXTERNAL_ID));
        } catch (IOException e) {
            throw new RequestRefused(RequestRefused.Reason.FAILED, "cannot delete the target's file: " + e.getMessage());
        }
        sourceImages(replica).ifPresent(CycleImages::dropAll);
        store.deleteRelationship(replica.targetId());
        store.releaseElementName(replica.targetId());
        LOG.info("async mirror {} of {} deleted", replica.targetId(), replica.sourceId());
    }

    // ---- at start

    /**
     * After a restart: an interrupted cycle's image is dropped, or kept where only its promotion
     * was left, and the cycle runs again from the base; the jobs that go on are returned.
     */
    List<String> recover() {
        List<String> goingOn = new ArrayList<>();
        for (Replica replica : store.replicas()) {
            if (replica.kind() != ReplicaKind.ASYNC_MIRROR) {
                continue;
            }
            try {
                Optional<CycleImages> images = sourceImages(replica);
                if (images.isPresent() && images.get().hasNext()) {
                    boolean completed = store.mirror(replica.targetId()).map(Mirror::cycleImage).isPresent()
                            && !images.get().hasBase();
                    // the base was dropped for next only once the target equalled next
                    if (completed) {
                        images.get().promote();
                    } else {
                        images.get().dropNext();
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("async mirror {}: cannot settle its cycle images at start: {}", replica.targetId(),
                        e.getMessage());
            }
            if (replica.state() == Replica.State.SYNCHRONIZING && replica.jobId() != null) {
                goingOn.add(replica.jobId());
                LOG.info("async mirror {}: its interrupted cycle runs again", replica.targetId());
            }
        }
        return goingOn;
    }

    // ---- plumbing

    Optional<CycleImages> sourceImages(Replica replica) {
        Optional<Volume> source = inventory.volume(replica.sourceId());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(images(source.get(), TargetObjects.nameOf(replica.targetId())));
        } catch (RequestRefused e) {
            return Optional.empty();
        }
    }

    /** The target's storage object, with the identity it keeps: read-only for a block target fractured. */
    private void export(Replica replica, boolean fractured) throws RequestRefused {
        Mirror mirror = store.mirror(replica.targetId()).orElseThrow();
        try {
            objects.export(mirror, Path.of(mirror.targetPath()), fractured);
        } catch (ConfigFsException e) {
            throw new RequestRefused(RequestRefused.Reason.FAILED, "LIO refused the target's storage object: "
                    + e.errno().text());
        }
    }

    private void claim(Replica replica, String change, boolean unexported) throws RequestRefused {
        synchronized (engine.admission()) {
            if (cycling.contains(replica.targetId())) {
                throw RequestRefused.inUse(replica.targetId() + " is being brought in step by a cycle; " + change
                        + " it once the cycle is done");
            }
            engine.claim(replica, change, unexported);
        }
    }
}
