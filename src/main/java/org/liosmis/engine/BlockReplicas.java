package org.liosmis.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.liosmis.datapath.CancelToken;
import org.liosmis.datapath.CopyProgress;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.lio.IblockSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.StorageObject;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lvm.LogicalVolume;
import org.liosmis.lvm.LvNames;
import org.liosmis.lvm.Lvm;
import org.liosmis.lvm.LvmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replicas of block volumes on LVM. In a thin pool, a replica of one of its thin volumes is a
 * thin snapshot: instant. Anywhere else it is a copy job: a new volume in the target pool,
 * filled from a temporary snapshot of the source, so the copy is of one point in time while
 * the source stays in use.
 */
final class BlockReplicas implements Backend {

    private static final Logger LOG = LoggerFactory.getLogger(BlockReplicas.class);
    /** Names the temporary snapshot a copy reads from; no derived name contains a '.'. */
    static final String COPY_SOURCE_SUFFIX = ".lio-smis-src";

    private final LioRoot lio;
    private final Lvm lvm;
    private final FileReplicator files;

    BlockReplicas(LioRoot lio, Lvm lvm, FileReplicator files) {
        this.lio = lio;
        this.lvm = lvm;
        this.files = files;
    }

    @Override
    public Plugin plugin() {
        return Plugin.IBLOCK;
    }

    @Override
    public String safeName(String name) {
        return LvNames.safe(name);
    }

    @Override
    public Predicate<String> takenNames(Pool pool) {
        try {
            Set<String> names = lvm.logicalVolumes(volumeGroup(pool)).stream().map(LogicalVolume::name)
                    .collect(Collectors.toSet());
            return names::contains;
        } catch (LvmException e) {
            throw new EngineException("cannot read the logical volumes of pool " + pool.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path target(Pool pool, String name) {
        return LvNames.device(volumeGroup(pool), name);
    }

    @Override
    public void checkSource(Volume source, Pool pool) throws RequestRefused {
        if (source.backingPath() == null || LvNames.ofDevice(Path.of(source.backingPath())).isEmpty()
                || source.poolId().equals(Pool.EXTERNAL_ID)) {
            throw new RequestRefused(RequestRefused.Reason.NOT_SUPPORTED, source.id() + " (" + source.backingPath()
                    + ") is not a logical volume of an LVM pool lio-smis manages, so it cannot be snapshotted");
        }
    }

    @Override
    public boolean makeInstantly(ReplicaEngine.Plan plan) throws RequestRefused {
        LogicalVolume source = logicalVolume(plan.source());
        if (!(plan.pool().backing() instanceof PoolBacking.ThinPool thin) || !source.thinVolume()
                || !source.volumeGroup().equals(thin.volumeGroup()) || !source.pool().equals(thin.thinPool())) {
            return false;
        }
        try {
            lvm.createThinSnapshot(source.volumeGroup(), source.name(), plan.name());
        } catch (LvmException e) {
            throw LvmRefusals.of(e, plan.pool().id());
        }
        try {
            createStorageObject(plan);
        } catch (ConfigFsException e) {
            removeQuietly(source.volumeGroup(), plan.name());
            throw new RequestRefused(RequestRefused.Reason.FAILED, "LIO refused the replica's storage object: " + e.getMessage());
        }
        return true;
    }

    @Override
    public CopyTarget prepareCopy(ReplicaEngine.Plan plan) throws RequestRefused {
        LogicalVolume source = logicalVolume(plan.source());
        String group = volumeGroup(plan.pool());
        long snapshotBytes = source.thinVolume() ? 0 : source.sizeBytes();
        long needed = source.sizeBytes() + (source.volumeGroup().equals(group) ? snapshotBytes : 0);
        if (plan.pool().backing() instanceof PoolBacking.VolumeGroup && plan.pool().freeBytes() < needed) {
            throw RequestRefused.invalid("pool " + plan.pool().id() + " has " + plan.pool().freeBytes()
                    + " bytes free; a copy of " + plan.source().id() + " needs " + needed
                    + " (the replica and a temporary snapshot of the source); free space there or name another TargetPool");
        }
        String snapshot = plan.name() + COPY_SOURCE_SUFFIX;
        try {
            if (plan.pool().backing() instanceof PoolBacking.ThinPool thin) {
                lvm.createThin(group, thin.thinPool(), plan.name(), source.sizeBytes());
            } else {
                lvm.createLinear(group, plan.name(), source.sizeBytes());
            }
        } catch (LvmException e) {
            throw LvmRefusals.of(e, plan.pool().id());
        }
        try {
            pointInTime(source, snapshot, plan.source().poolId());
        } catch (RequestRefused e) {
            removeQuietly(group, plan.name());
            throw e;
        }
        return new DeviceCopy(plan, source.volumeGroup(), snapshot, source.sizeBytes());
    }

    /** The temporary snapshot a copy reads from, so it copies one point in time while the volume stays in use. */
    private void pointInTime(LogicalVolume source, String snapshot, String poolId) throws RequestRefused {
        try {
            if (source.thinVolume()) {
                lvm.createThinSnapshot(source.volumeGroup(), source.name(), snapshot);
            } else {
                // a thick volume's snapshot takes room for every block of it that may change meanwhile
                lvm.createSnapshot(source.volumeGroup(), source.name(), snapshot, source.sizeBytes());
            }
        } catch (LvmException e) {
            // the temporary snapshot lives beside the source, so a lack of room is in the source's pool
            throw LvmRefusals.of(e, poolId);
        }
    }

    /**
     * Always a copy: a thin snapshot merged into its origin is used up and waits for the origin to
     * be closed, and LIO holds the overwritten device open; a copy from a temporary snapshot of
     * {@code from} onto {@code onto}'s device in place keeps both volumes as they are.
     */
    @Override
    public Optional<InPlaceCopy> overwrite(Volume from, Volume onto, boolean mayClone) throws RequestRefused {
        LogicalVolume source = logicalVolume(from);
        long length = source.sizeBytes();
        if (logicalVolume(onto).sizeBytes() < length) {
            throw new RequestRefused(RequestRefused.Reason.NOT_SUPPORTED, "the logical volume of " + onto.id()
                    + " is smaller than that of " + from.id() + ", so it cannot hold its data");
        }
        String snapshot = source.name() + COPY_SOURCE_SUFFIX;
        pointInTime(source, snapshot, from.poolId());
        Path snapshotDevice = LvNames.device(source.volumeGroup(), snapshot);
        return Optional.of(new InPlaceCopy() {
            @Override
            public void copy(CopyProgress progress, CancelToken cancel) throws IOException {
                files.copyToDevice(snapshotDevice, Path.of(onto.backingPath()), length, false, progress, cancel);
            }

            @Override
            public void cleanUp() {
                removeIfPresent(source.volumeGroup(), snapshot);
            }
        });
    }

    /** A byte-for-byte copy from the temporary snapshot onto the new volume. */
    private final class DeviceCopy implements CopyTarget {
        private final ReplicaEngine.Plan plan;
        private final String snapshotGroup;
        private final String snapshot;
        private final long sizeBytes;

        DeviceCopy(ReplicaEngine.Plan plan, String snapshotGroup, String snapshot, long sizeBytes) {
            this.plan = plan;
            this.snapshotGroup = snapshotGroup;
            this.snapshot = snapshot;
            this.sizeBytes = sizeBytes;
        }

        @Override
        public long reserveBytes() {
            return 0;
        }

        @Override
        public void copy(CopyProgress progress, CancelToken cancel) throws IOException {
            // a new thin volume reads as zeros: skipping them keeps it thin
            boolean thinTarget = plan.pool().backing() instanceof PoolBacking.ThinPool;
            files.copyToDevice(LvNames.device(snapshotGroup, snapshot), plan.target(), sizeBytes, thinTarget,
                    progress, cancel);
            removeQuietly(snapshotGroup, snapshot);
        }

        @Override
        public void publish() throws ConfigFsException {
            createStorageObject(plan);
        }

        @Override
        public void discard() {
            removeIfPresent(snapshotGroup, snapshot);
            removeIfPresent(volumeGroup(plan.pool()), plan.name());
        }
    }

    /** The replica's storage object, with the unit serial that marks it as lio-smis's. */
    private void createStorageObject(ReplicaEngine.Plan plan) throws ConfigFsException {
        lio.createIblock(IblockSpec.of(plan.name(), plan.target()).withUnitSerial(LioSmisSerial.generate()));
    }

    /**
     * Removes the storage object, then the logical volume. If LVM refuses (another process has
     * it open), the storage object is made again with its unit serial, so initiators see the
     * same volume as before.
     */
    @Override
    public void delete(Volume volume) throws RequestRefused {
        LvNames.Named lv = LvNames.ofDevice(Path.of(volume.backingPath())).orElseThrow(() ->
                RequestRefused.invalid(volume.id() + " is not on a logical volume"));
        Optional<StorageObject> so;
        try {
            so = lio.storageObject(Plugin.IBLOCK, volume.name());
            lio.delete(Plugin.IBLOCK, volume.name());
        } catch (ConfigFsException e) {
            throw new RequestRefused(RequestRefused.Reason.FAILED, "LIO refused to delete " + volume.id() + ": " + e.getMessage());
        }
        try {
            lvm.remove(lv.volumeGroup(), lv.logicalVolume());
        } catch (LvmException e) {
            RequestRefused refused = LvmRefusals.of(e, volume.poolId());
            so.ifPresent(object -> reinstate(object, refused));
            throw refused;
        }
    }

    private void reinstate(StorageObject so, RequestRefused refused) {
        try {
            lio.createIblock(IblockSpec.of(so.name(), Path.of(so.backingPath().orElseThrow()))
                    .withUnitSerial(so.unitSerial()));
        } catch (ConfigFsException | RuntimeException e) {
            refused.addSuppressed(e);
            LOG.error("{} was removed from LIO but its logical volume stayed, and making it again failed: {}",
                    so.name(), e.getMessage());
        }
    }

    @Override
    public void abandon(Job job) {
        LvNames.ofDevice(Path.of(job.targetFile())).ifPresent(lv -> removeIfPresent(lv.volumeGroup(), lv.logicalVolume()));
    }

    /** At start, before any copy runs: every temporary snapshot in the pool's volume group is a leftover. */
    void removeLeftoverSnapshots(Pool pool) {
        String group = volumeGroup(pool);
        try {
            for (LogicalVolume lv : lvm.logicalVolumes(group)) {
                if (lv.name().endsWith(COPY_SOURCE_SUFFIX)) {
                    LOG.warn("removing {}/{}, the snapshot an interrupted copy read from", group, lv.name());
                    removeQuietly(group, lv.name());
                }
            }
        } catch (LvmException e) {
            LOG.warn("could not look for leftover copy snapshots in {}: {}", group, e.getMessage());
        }
    }

    private LogicalVolume logicalVolume(Volume volume) throws RequestRefused {
        LvNames.Named named = LvNames.ofDevice(Path.of(volume.backingPath())).orElseThrow(() ->
                new RequestRefused(RequestRefused.Reason.NOT_SUPPORTED, volume.id() + " is not on a logical volume"));
        try {
            return lvm.logicalVolume(named.volumeGroup(), named.logicalVolume()).orElseThrow(() ->
                    RequestRefused.invalid("the logical volume " + volume.backingPath() + " of " + volume.id() + " is gone"));
        } catch (LvmException e) {
            throw LvmRefusals.of(e, volume.poolId());
        }
    }

    private static String volumeGroup(Pool pool) {
        return ((PoolBacking.Lvm) pool.backing()).volumeGroup();
    }

    private void removeIfPresent(String group, String name) {
        try {
            if (lvm.logicalVolume(group, name).isPresent()) {
                lvm.remove(group, name);
            }
        } catch (LvmException e) {
            LOG.warn("could not remove {}/{}: {}", group, name, e.getMessage());
        }
    }

    private void removeQuietly(String group, String name) {
        try {
            lvm.remove(group, name);
        } catch (LvmException e) {
            LOG.warn("could not remove {}/{}: {}", group, name, e.getMessage());
        }
    }
}
