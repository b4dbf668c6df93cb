package org.liosmis.engine;

/** What a replica is to its source. */
public enum ReplicaKind {
    /** a point-in-time copy that stays associated with its source (SMI-S CopyType 4, UnSyncAssoc) */
    SNAPSHOT,
    /** an independent full copy; the association ends when the copy is done (CopyType 5, UnSyncUnAssoc) */
    CLONE,
    /** a copy every write of the source reaches: a raid1 leg of its logical volume (CopyType 3, Sync) */
    SYNC_MIRROR,
    /** a copy kept in step by cycles shipping what changed since the last one (CopyType 2, Async) */
    ASYNC_MIRROR;

    /** A mirror's relationship is kept in step with its source, and may be fractured and resynced. */
    public boolean mirror() {
        return this == SYNC_MIRROR || this == ASYNC_MIRROR;
    }
}
