package org.liosmis.smis;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.liosmis.engine.Inventory;
import org.liosmis.engine.Pool;
import org.liosmis.engine.PoolBacking;
import org.liosmis.engine.StorageSystem;
import org.liosmis.engine.Volume;

/** An inventory of fixed pools and volumes, to test the SMI-S layer on its own. */
record FixedInventory(List<Pool> poolList, List<Volume> volumeList) implements Inventory {

    static FixedInventory sample() {
        Pool pool = new Pool("default", "default", new PoolBacking.Directory(Path.of("/srv/pool")), 10L << 30, 6L << 30);
        Pool external = new Pool(Pool.EXTERNAL_ID, "external", null, 1L << 30, 0);
        return new FixedInventory(List.of(pool, external), List.of(
                new Volume("fileio/vol1", "vol1", "vol1", "default", Volume.Backstore.FILEIO, "/srv/pool/vol1.img",
                        512, 2048, "6001405D3F6A0D25B6C4B5E9A7E12345", Volume.Health.OK, false, Volume.Access.READ_WRITE),
                new Volume("iblock/lv0", "lv0", "lv0", Pool.EXTERNAL_ID, Volume.Backstore.BLOCK, "/dev/vg0/lv0",
                        4096, 262144, null, Volume.Health.DISABLED, true, Volume.Access.READ_WRITE)));
    }

    @Override
    public StorageSystem system() {
        return new StorageSystem("target.example", "target.example", "4.0");
    }

    @Override
    public List<Pool> pools() {
        return poolList;
    }

    @Override
    public Optional<Pool> pool(String id) {
        return poolList.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public Stream<Volume> volumes() {
        return volumeList.stream();
    }

    @Override
    public Optional<Volume> volume(String id) {
        return volumeList.stream().filter(v -> v.id().equals(id)).findFirst();
    }
}
