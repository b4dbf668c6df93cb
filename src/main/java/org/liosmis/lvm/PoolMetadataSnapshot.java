package org.liosmis.lvm;

import java.util.Locale;

/**
 * A thin pool's metadata snapshot, held while {@code thin_delta} reads it: the live metadata
 * changes under a reader, the snapshot does not. The kernel holds at most one per pool and keeps
 * it until told to release it, across crashes of whoever reserved it, so {@link #close()} must run.
 */
final class PoolMetadataSnapshot implements AutoCloseable {

    /** Runs a device-mapper or thin tool, returning what it printed. */
    @FunctionalInterface
    interface Tool {
        String run(String... command) throws LvmException;
    }

    private final Tool tool;
    private final String tpool;

    private PoolMetadataSnapshot(Tool tool, String tpool) {
        this.tool = tool;
        this.tpool = tpool;
    }

    /**
     * Reserves the snapshot of the pool whose device-mapper name is {@code tpool} (VG-POOL-tpool).
     * One the kernel already holds is left from an earlier run that died before releasing it
     * (callers on one pool are serialised): it is released and the reservation tried once more.
     */
    static PoolMetadataSnapshot reserve(Tool tool, String tpool) throws LvmException {
        PoolMetadataSnapshot snapshot = new PoolMetadataSnapshot(tool, tpool);
        try {
            snapshot.message("reserve_metadata_snap");
        } catch (LvmException e) {
            if (!heldAlready(e)) {
                throw e;
            }
            try {
                snapshot.close();
            } catch (LvmException release) {
                e.addSuppressed(release);
                throw e;
            }
            snapshot.message("reserve_metadata_snap");
        }
        return snapshot;
    }

    @Override
    public void close() throws LvmException {
        message("release_metadata_snap");
    }

    private void message(String message) throws LvmException {
        tool.run("dmsetup", "message", tpool, "0", message);
    }

    /** The kernel answers EBUSY to a second reservation (dm-thin-metadata.c); EEXIST is taken alike. */
    private static boolean heldAlready(LvmException e) {
        String text = e.getMessage().toLowerCase(Locale.ROOT);
        return text.contains("device or resource busy") || text.contains("file exists");
    }
}
