package org.liosmis.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lvm.LogicalVolume;
import org.liosmis.lvm.LvNames;
import org.liosmis.lvm.Lvm;
import org.liosmis.lvm.LvmException;
import org.liosmis.lvm.MirrorSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sync mirrors (CopyType 3) of linear logical volumes: the source's volume gains a raid1 leg in
 * place while LIO keeps exporting it, and that leg is the target. The kernel synchronises the
 * leg; {@link #follow} reads how far into the relationship and its job. A fracture splits the
 * leg off with change tracking under a read-only storage object; a resync merges it back, LVM
 * copying only the regions written meanwhile; a detach splits it off for good, a volume of its
 * own with the identity it had.
 */
final class SyncMirrors implements MirrorKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(SyncMirrors.class);

    private final ReplicaEngine engine;
    private final TargetObjects objects;
    private final Lvm lvm;
    private final Inventory inventory;
    private final StateStore store;

    SyncMirrors(ReplicaEngine engine, LioRoot lio, Lvm lvm, Inventory inventory, StateStore store) {
        this.engine = engine;
        this.objects = new TargetObjects(lio);
        this.lvm = lvm;
        this.inventory = inventory;
        this.store = store;
    }

    /** The source's volume and group, and the name its target's logical volume will have once detached. */
    private record Leg(String volumeGroup, String source, String targetName) {
        Path device() {
            return LvNames.mapped(volumeGroup, LvNames.mirrorLeg(source));
        }
    }

    // ---- making one

    /** Under way when it returns: the leg exists and a job follows its first synchronisation. */
    CreateReplicaResult create(ReplicaEngine.Plan plan) throws RequestRefused {
        Leg leg = checkMirrorable(plan);
        Job job = job(plan.elementName(), plan.source().id(), plan.targetId(), leg);
        // recorded first: a restart finding no leg knows nothing was made
        store.putMirror(Mirror.of(plan.targetId(), leg.device().toString(), plan.source().sizeBytes(),
                LioSmisSerial.generate()));
        store.putJob(job);
        store.putReplica(new Replica(plan.source().id(), plan.targetId(), ReplicaKind.SYNC_MIRROR,
                CopyMethod.MIRROR_LEG, Replica.State.SYNCHRONIZING, 0, null, job.id()));
        try {
            lvm.addMirrorLeg(leg.volumeGroup(), leg.source());
        } catch (LvmException e) {
            store.deleteRelationship(plan.targetId());
            store.deleteJob(job.id());
            throw e.kind() == LvmException.Kind.NO_SPACE ? RequestRefused.invalid("volume group "
                    + leg.volumeGroup() + " of pool " + plan.pool().id() + " has no room for a raid1 leg of "
                    + plan.source().id() + " (" + plan.source().sizeBytes() + " bytes on a physical volume the source"
                    + " does not use): " + e.getMessage() + "; add a physical volume to the group or free one")
                    : LvmRefusals.of(e, plan.pool().id());
        }
        engine.busy().remove(plan.targetId());
        LOG.info("sync mirror {} of {}: raid1 leg added to {}/{}", plan.targetId(), plan.source().id(),
                leg.volumeGroup(), leg.source());
        return new CreateReplicaResult(plan.targetId(), job.id(), true);
    }

    private Job job(String elementName, String sourceId, String targetId, Leg leg) {
        java.time.Instant now = engine.clock().instant();
        return new Job(UUID.randomUUID().toString(), Job.State.RUNNING, 0, elementName, sourceId, targetId,
                leg.device().toString(), ReplicaKind.SYNC_MIRROR, now, now, null, true, engine.timeBeforeRemoval(),
                null, null);
    }

    /** Only a linear volume can have a raid1 leg (the engine checked its pool is a volume group's), and only one. */
    private Leg checkMirrorable(ReplicaEngine.Plan plan) throws RequestRefused {
        PoolBacking.VolumeGroup group = (PoolBacking.VolumeGroup) plan.pool().backing();
        if (!plan.source().poolId().equals(plan.pool().id())) {
            throw new RequestRefused(RequestRefused.Reason.NOT_SUPPORTED, "a sync mirror's target is a raid1 leg in"
                    + " its source's volume group: leave TargetPool out or name pool " + plan.source().poolId());
        }
        LvNames.Named named = LvNames.ofDevice(Path.of(plan.source().backingPath())).orElseThrow();
        LogicalVolume source;
        try {
            source = lvm.logicalVolume(named.volumeGroup(), named.logicalVolume()).orElseThrow(() ->
                    RequestRefused.invalid("the logical volume of " + plan.source().id() + " is gone"));
            if (source.thinVolume() || !source.attributes().startsWith("-")) {
                throw new RequestRefused(RequestRefused.Reason.NOT_SUPPORTED, plan.source().id() + " is not a"
                        + " plain linear volume (lv_attr " + source.attributes() + "), so it cannot carry a raid1 leg");
            }
        } catch (LvmException e) {
            throw LvmRefusals.of(e, plan.pool().id());
        }
        if (mirrorOf(plan.source().id()).isPresent()) {
            throw RequestRefused.inUse(plan.source().id() + " has a sync mirror already ("
                    + mirrorOf(plan.source().id()).get().targetId() + "); it can have one");
        }
        return new Leg(group.volumeGroup(), named.logicalVolume(), plan.name());
    }

    /** The sync mirror whose source the volume is. */
    Optional<Replica> mirrorOf(String sourceId) {
        return store.replicas().stream().filter(r -> r.kind() == ReplicaKind.SYNC_MIRROR
                && r.sourceId().equals(sourceId)).findFirst();
    }

    // ---- following the kernel's synchronisation

    /** Reads how far each synchronising leg is, into its relationship and job; called every second. */
    void follow() {
        for (Replica replica : store.replicas()) {
            if (replica.kind() != ReplicaKind.SYNC_MIRROR || replica.state() != Replica.State.SYNCHRONIZING
                    || engine.busy().contains(replica.targetId())) {
                continue;
            }
            Optional<Leg> leg = leg(replica);
            if (leg.isEmpty()) {
                broken(replica, "the source " + replica.sourceId() + " is gone");
                continue;
            }
            Optional<MirrorSync> sync;
            try {
                sync = lvm.mirrorSync(leg.get().volumeGroup(), leg.get().source());
            } catch (LvmException e) {
                LOG.debug("sync mirror {}: cannot read its leg now: {}", replica.targetId(), e.getMessage());
                continue;
            }
            synchronized (engine.admission()) {
                if (!store.replicaOf(replica.targetId()).equals(Optional.of(replica))) {
                    continue; // changed meanwhile; the next round reads it again
                }
                if (sync.isEmpty()) {
                    broken(replica, "the raid1 leg of " + replica.sourceId() + " is gone: it was removed outside"
                            + " lio-smis; delete the target (ReturnToStoragePool) and make the mirror again");
                } else {
                    progress(replica, sync.get());
                }
            }
        }
    }

    private void progress(Replica replica, MirrorSync sync) {
        int percent = (int) Math.min(sync.inSync() ? 100 : 99, Math.floor(sync.percent()));
        Optional<Job> job = Optional.ofNullable(replica.jobId()).flatMap(store::job).filter(j -> !j.state().finished());
        if (sync.inSync()) {
            store.putReplica(replica.mirror(Replica.State.SYNCHRONIZED, engine.clock().instant(), replica.jobId())
                    .synced(100));
            job.ifPresent(j -> store.putJob(j.ended(Job.State.COMPLETED, engine.clock().instant(), null, null)));
            LOG.info("sync mirror {} of {} is synchronized", replica.targetId(), replica.sourceId());
        } else if (percent != replica.percentSynced()) {
            store.putReplica(replica.synced(percent));
            job.ifPresent(j -> store.putJob(j.withProgress(percent)));
        }
    }

    private void broken(Replica replica, String reason) {
        store.mirror(replica.targetId()).ifPresent(m -> store.putMirror(m.broken(reason)));
        store.putReplica(replica.mirror(Replica.State.BROKEN, replica.whenSynced(), replica.jobId()));
        Optional.ofNullable(replica.jobId()).flatMap(store::job).filter(j -> !j.state().finished())
                .ifPresent(j -> store.putJob(j.ended(Job.State.EXCEPTION, engine.clock().instant(), Job.Failure.IO_ERROR,
                        reason)));
        LOG.warn("sync mirror {} is broken: {}", replica.targetId(), reason);
    }

    // ---- fracture, resync, detach, delete

    /** Splits the leg off with change tracking, under a read-only storage object with the target's identity. */
    @Override
    public void fracture(Replica replica, boolean split) throws RequestRefused {
        switch (replica.state()) {
            case SYNCHRONIZING -> throw RequestRefused.inUse(replica.targetId() + " is still being synchronised ("
                    + replica.percentSynced() + "% in step); fracture it once it is Synchronized");
            case FRACTURED, SPLIT -> {
                return;
            }
            case BROKEN -> throw brokenRefusal(replica);
            default -> {
            }
        }
        Leg leg = claim(replica, "fracture", false);
        try {
            lvm.splitMirrorLegTracked(leg.volumeGroup(), leg.source());
            try {
                exportReadOnly(replica.targetId(), leg);
            } catch (ConfigFsException e) {
                mergeQuietly(leg);
                throw new RequestRefused(RequestRefused.Reason.FAILED, "LIO refused a storage object for the"
                        + " fractured target: " + e.errno().text() + "; the mirror was merged back");
            }
            store.putReplica(replica.mirror(split ? Replica.State.SPLIT : Replica.State.FRACTURED,
                    engine.clock().instant(), replica.jobId()));
            LOG.info("sync mirror {} fractured from {}", replica.targetId(), replica.sourceId());
        } catch (LvmException e) {
            throw LvmRefusals.of(e, poolOf(replica));
        } finally {
            engine.release(replica);
        }
    }

    /** Merges a fractured leg back: LVM resynchronises the regions that changed, which a job follows. */
    @Override
    public CreateReplicaResult resync(Replica replica) throws RequestRefused {
        switch (replica.state()) {
            case SYNCHRONIZING, SYNCHRONIZED -> {
                return new CreateReplicaResult(replica.targetId(), null);
            }
            case BROKEN -> throw brokenRefusal(replica);
            default -> {
            }
        }
        Leg leg = claim(replica, "resync", true);
        try {
            objects.remove(replica.targetId());
            Job job = job(inventory.volume(replica.targetId()).map(Volume::elementName).orElse(leg.targetName()),
                    replica.sourceId(), replica.targetId(), leg);
            store.putJob(job);
            store.putReplica(replica.mirror(Replica.State.SYNCHRONIZING, replica.whenSynced(), job.id()).synced(0));
            try {
                lvm.mergeMirrorLeg(leg.volumeGroup(), leg.source());
            } catch (LvmException e) {
                store.putReplica(replica);
                store.deleteJob(job.id());
                reexport(replica.targetId(), leg);
                throw LvmRefusals.of(e, poolOf(replica));
            }
            LOG.info("sync mirror {}: merging its leg back into {}", replica.targetId(), replica.sourceId());
            return new CreateReplicaResult(replica.targetId(), job.id());
        } finally {
            engine.release(replica);
        }
    }

    /** Splits the leg off for good: a linear volume of its own, under a writable storage object. */
    @Override
    public void detach(Replica replica) throws RequestRefused {
        if (replica.state() == Replica.State.SYNCHRONIZING) {
            throw RequestRefused.inUse(replica.targetId() + " is still being synchronised (" + replica.percentSynced()
                    + "% in step); detach it once it is Synchronized, or delete it");
        }
        if (replica.state() == Replica.State.BROKEN) {
            forget(replica);
            return;
        }
        if (replica.state().fractured()) {
            // lvconvert refuses every conversion of a raid1 volume tracking a split leg but the merge
            // ("Conversion of tracking raid1 LV VG/LV is not supported."), a split for good included
            throw new RequestRefused(RequestRefused.Reason.NOT_SUPPORTED, replica.targetId() + " is fractured, and"
                    + " LVM cannot split a leg split off with change tracking for good; resync the mirror"
                    + " (ModifySynchronization 4) and detach it once it is Synchronized, or delete the target");
        }
        Leg leg = claim(replica, "detach", true);
        try {
            try {
                lvm.splitMirrorLeg(leg.volumeGroup(), leg.source(), leg.targetName());
            } catch (LvmException e) {
                throw LvmRefusals.of(e, poolOf(replica));
            }
            Path device = lvDevice(leg.volumeGroup(), leg.targetName());
            try {
                objects.export(store.mirror(replica.targetId()).orElseThrow(), device, false);
            } catch (ConfigFsException e) {
                LOG.error("sync mirror {}: its leg is now logical volume {}, but LIO refused its storage object: {}",
                        replica.targetId(), device, e.getMessage());
                throw new RequestRefused(RequestRefused.Reason.FAILED, "the target is now logical volume "
                        + leg.volumeGroup() + "/" + leg.targetName() + ", but LIO refused its storage object: "
                        + e.errno().text());
            } finally {
                store.deleteRelationship(replica.targetId());
            }
            LOG.info("sync mirror {} detached from {}: logical volume {} now", replica.targetId(), replica.sourceId(),
                    device);
        } finally {
            engine.release(replica);
        }
    }

    /**
     * ReturnToStoragePool of a target: the leg is dropped, its extents freed; the source stays as
     * it is. A leg split off with change tracking is merged back first: LVM converts a raid1
     * volume tracking a split leg in no other way.
     */
    @Override
    public void deleteTarget(Replica replica) throws RequestRefused {
        if (replica.state() != Replica.State.BROKEN) {
            Leg leg = leg(replica).orElseThrow(() -> RequestRefused.invalid("the source " + replica.sourceId()
                    + " of " + replica.targetId() + " is gone"));
            boolean tracked = replica.state().fractured();
            try {
                objects.remove(replica.targetId());
                if (tracked) {
                    lvm.mergeMirrorLeg(leg.volumeGroup(), leg.source());
                    tracked = false;
                }
                lvm.removeMirrorLeg(leg.volumeGroup(), leg.source());
            } catch (LvmException e) {
                if (tracked) {
                    reexport(replica.targetId(), leg);
                } else if (replica.state().fractured()) {
                    // merged back, not removed: the mirror resynchronises as after a resync
                    store.putReplica(replica.mirror(Replica.State.SYNCHRONIZING, replica.whenSynced(), null));
                }
                throw LvmRefusals.of(e, poolOf(replica));
            }
        }
        forget(replica);
        LOG.info("sync mirror {} of {} deleted: its leg is gone", replica.targetId(), replica.sourceId());
    }

    private void forget(Replica replica) {
        store.deleteRelationship(replica.targetId());
        store.releaseElementName(replica.targetId());
    }

    // ---- at start

    /**
     * After a restart: a leg LVM is still synchronising is followed again; a mirror whose leg was
     * never added is forgotten (nothing was made); a resync whose merge never ran is fractured
     * again. The jobs it keeps running are returned, so no one else ends them.
     */
    List<String> recover() {
        List<String> kept = new java.util.ArrayList<>();
        for (Replica replica : store.replicas()) {
            if (replica.kind() != ReplicaKind.SYNC_MIRROR || replica.state() != Replica.State.SYNCHRONIZING) {
                continue;
            }
            Optional<Leg> leg = leg(replica);
            try {
                if (leg.isPresent() && tracked(leg.get())) {
                    endJob(replica, "lio-smis stopped before the leg was merged back; the target is fractured as"
                            + " before: resync again");
                    store.putReplica(replica.mirror(Replica.State.FRACTURED, replica.whenSynced(), null));
                } else if (leg.isPresent() && lvm.mirrorSync(leg.get().volumeGroup(), leg.get().source()).isPresent()) {
                    kept.add(replica.jobId());
                    LOG.info("sync mirror {}: following its synchronisation again after a restart", replica.targetId());
                } else {
                    endJob(replica, "lio-smis stopped before LVM added the raid1 leg; nothing was made: call"
                            + " CreateReplica again");
                    forget(replica);
                }
            } catch (LvmException e) {
                kept.add(replica.jobId());
                LOG.warn("sync mirror {}: cannot read its leg at start ({}); following it", replica.targetId(),
                        e.getMessage());
            }
        }
        return kept;
    }

    private void endJob(Replica replica, String description) {
        Optional.ofNullable(replica.jobId()).flatMap(store::job).filter(j -> !j.state().finished())
                .ifPresent(j -> store.putJob(j.ended(Job.State.EXCEPTION, engine.clock().instant(),
                        Job.Failure.INTERRUPTED_BY_RESTART, description)));
    }

    // ---- plumbing

    /** The leg split off with change tracking shows as a visible volume of the group. */
    private boolean tracked(Leg leg) throws LvmException {
        String name = LvNames.mirrorLeg(leg.source());
        return lvm.logicalVolumes(leg.volumeGroup()).stream().anyMatch(lv -> lv.name().equals(name));
    }

    private Optional<Leg> leg(Replica replica) {
        return inventory.volume(replica.sourceId()).flatMap(source -> LvNames.ofDevice(Path.of(source.backingPath())))
                .map(named -> new Leg(named.volumeGroup(), named.logicalVolume(), TargetObjects.nameOf(replica.targetId())));
    }

    private String poolOf(Replica replica) {
        return inventory.volume(replica.sourceId()).map(Volume::poolId).orElse(Pool.EXTERNAL_ID);
    }

    /** The leg, and both volumes taken for this change (see {@link ReplicaEngine#claim}). */
    private Leg claim(Replica replica, String change, boolean unexported) throws RequestRefused {
        Leg leg = leg(replica).orElseThrow(() -> RequestRefused.invalid("the source " + replica.sourceId()
                + " of " + replica.targetId() + " is gone"));
        engine.claim(replica, change, unexported);
        return leg;
    }

    private static RequestRefused brokenRefusal(Replica replica) {
        return new RequestRefused(RequestRefused.Reason.FAILED, "the mirror of " + replica.sourceId() + " is broken;"
                + " delete its target (ReturnToStoragePool) and make it again");
    }

    private void exportReadOnly(String targetId, Leg leg) throws ConfigFsException {
        objects.export(store.mirror(targetId).orElseThrow(), leg.device(), true);
    }

    private void reexport(String targetId, Leg leg) {
        try {
            exportReadOnly(targetId, leg);
        } catch (ConfigFsException e) {
            LOG.error("sync mirror {}: could not give the fractured leg its storage object again: {}", targetId,
                    e.getMessage());
        }
    }

    private void mergeQuietly(Leg leg) {
        try {
            lvm.mergeMirrorLeg(leg.volumeGroup(), leg.source());
        } catch (LvmException e) {
            LOG.error("could not merge the leg of {}/{} back: {}", leg.volumeGroup(), leg.source(), e.getMessage());
        }
    }

    /** /dev/VG/LV where udev or LVM made the link, else the device-mapper node. */
    private static Path lvDevice(String volumeGroup, String name) {
        Path device = LvNames.device(volumeGroup, name);
        return Files.exists(device) ? device : LvNames.mapped(volumeGroup, name);
    }
}
