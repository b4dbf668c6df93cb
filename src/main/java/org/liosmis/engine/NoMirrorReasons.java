package org.liosmis.engine;

/**
 * Why a pool cannot hold the target of a mirror of a kind, in the words both the CreateReplica
 * refusal and the pool's capabilities give.
 */
final class NoMirrorReasons {

    private NoMirrorReasons() {
    }

    /** Meant for a pool that {@link ReplicaEngine#canMirror} says cannot hold one. */
    static String why(Pool pool, ReplicaKind kind) {
        if (pool.external()) {
            return "it only lists volumes made outside lio-smis";
        }
        if (kind == ReplicaKind.ASYNC_MIRROR) {
            // LVM pools always can: only a directory pool's filesystem may lack clones
            return "its filesystem cannot clone files (reflink), which the mirror's cycles need to find what changed;"
                    + " use a pool on XFS with reflink or on btrfs";
        }
        String volumes = pool.backing() instanceof PoolBacking.Directory ? "fileio backing files" : "thin volumes";
        return volumes + " cannot carry a raid1 leg; only linear volumes of a volume-group pool can";
    }
}
