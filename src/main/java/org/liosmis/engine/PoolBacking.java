package org.liosmis.engine;

import java.nio.file.Path;

/** Where a pool's volumes live, and so which backstore they are and how they are replicated. */
public sealed interface PoolBacking {

    /** What a storage admin reads in the pool's Description. */
    String describe();

    /** A directory of fileio backing files; replicas are reflinks or sparse copies. */
    record Directory(Path path) implements PoolBacking {
        @Override
        public String describe() {
            return "fileio backing files in " + path;
        }
    }

    /** Block volumes on LVM: thin volumes of a thin pool, or linear volumes of a volume group. */
    sealed interface Lvm extends PoolBacking {
        String volumeGroup();
    }

    /** Thin volumes of one thin pool; replicas are thin snapshots. */
    record ThinPool(String volumeGroup, String thinPool) implements Lvm {
        @Override
        public String describe() {
            return "block volumes: thin logical volumes of LVM thin pool " + volumeGroup + "/" + thinPool;
        }
    }

    /** Linear (thick) volumes of a volume group; replicas are copies from a temporary snapshot. */
    record VolumeGroup(String volumeGroup) implements Lvm {
        @Override
        public String describe() {
            return "block volumes: linear logical volumes of LVM volume group " + volumeGroup;
        }
    }
}
