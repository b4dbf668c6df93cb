package org.liosmis.engine;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liosmis.lvm.LogicalVolume;
import org.liosmis.lvm.LvNames;
import org.liosmis.lvm.Lvm;
import org.liosmis.lvm.LvmException;
import org.liosmis.lvm.VolumeGroup;

/**
 * The configured pools, sized by what holds them: a directory by its filesystem, a thin pool
 * by its data space, a volume group by its extents. Each LVM volume group backs one pool at most.
 */
public final class PoolCatalog {

    private final Map<String, PoolBacking> backings;
    private final Lvm lvm;

    public PoolCatalog(Map<String, PoolBacking> backings, Lvm lvm) {
        this.backings = Map.copyOf(backings);
        this.lvm = lvm;
    }


    List<Pool> pools() {
        List<Pool> pools = new ArrayList<>();
        for (String id : backings.keySet().stream().sorted().toList()) {
            pools.add(pool(id));
        }
        return pools;
    }

    /** The pool whose directory or volume group holds the file or device, or the external pool's id. */
    String poolIdOf(String backingPath) {
        if (backingPath == null) {
            return Pool.EXTERNAL_ID;
        }
        Path path = Path.of(backingPath).toAbsolutePath().normalize();
        Optional<String> volumeGroup = LvNames.ofDevice(path).map(LvNames.Named::volumeGroup);
        for (Map.Entry<String, PoolBacking> entry : backings.entrySet()) {
            boolean holds = switch (entry.getValue()) {
                case PoolBacking.Directory d -> path.startsWith(d.path());
                case PoolBacking.Lvm l -> volumeGroup.filter(l.volumeGroup()::equals).isPresent();
            };
            if (holds) {
                return entry.getKey();
            }
        }
        return Pool.EXTERNAL_ID;
    }

    boolean has(String id) {
        return backings.containsKey(id);
    }

    Pool pool(String id) {
        PoolBacking backing = backings.get(id);
        return switch (backing) {
            case PoolBacking.Directory d -> directoryPool(id, d);
            case PoolBacking.ThinPool t -> thinPool(id, t);
            case PoolBacking.VolumeGroup v -> volumeGroupPool(id, v);
        };
    }

    private static Pool directoryPool(String id, PoolBacking.Directory backing) {
        try {
            FileStore store = Files.getFileStore(backing.path());
            return new Pool(id, id, backing, store.getTotalSpace(), store.getUsableSpace());
        } catch (IOException e) {
            throw new EngineException("pool " + id + ": cannot read the filesystem of " + backing.path()
                    + " (" + e.getMessage() + "); create the directory or fix --pool", e);
        }
    }

    /** A thin pool's free space is its unused data space; thin volumes may promise more. */
    private Pool thinPool(String id, PoolBacking.ThinPool backing) {
        LogicalVolume pool = lvm(id, () -> lvm.logicalVolume(backing.volumeGroup(), backing.thinPool()))
                .filter(LogicalVolume::thinPool)
                .orElseThrow(() -> new EngineException("pool " + id + ": there is no thin pool " + backing.volumeGroup()
                        + "/" + backing.thinPool() + "; create it (lvcreate --type thin-pool) or fix --lvm-pool", null));
        long used = (long) Math.ceil(pool.sizeBytes() * pool.dataPercent() / 100);
        return new Pool(id, id, backing, pool.sizeBytes(), Math.max(0, pool.sizeBytes() - used));
    }

    private Pool volumeGroupPool(String id, PoolBacking.VolumeGroup backing) {
        VolumeGroup group = lvm(id, () -> lvm.volumeGroup(backing.volumeGroup()))
                .orElseThrow(() -> new EngineException("pool " + id + ": there is no volume group "
                        + backing.volumeGroup() + "; create it (vgcreate) or fix --lvm-pool", null));
        return new Pool(id, id, backing, group.sizeBytes(), group.freeBytes());
    }

    private interface LvmRead<T> {
        T get() throws LvmException;
    }

    private static <T> T lvm(String poolId, LvmRead<T> read) {
        try {
            return read.get();
        } catch (LvmException e) {
            throw new EngineException("pool " + poolId + ": " + e.getMessage(), e);
        }
    }
}
