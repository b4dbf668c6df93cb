package org.liosmis.engine;

/** What a replica is to its source. */
public enum ReplicaKind {
    /** a point-in-time copy that stays associated with its source (SMI-S CopyType 4, UnSyncAssoc) */
    SNAPSHOT,
    /** an independent full copy; the association ends when the copy is done (CopyType 5, UnSyncUnAssoc) */
    CLONE
}
