package org.liosmis.engine;

/** What a client may do with a mirror of one kind, its relationship found to exist. */
interface MirrorKeeper {

    /** The target becomes a volume of its own as of now (sync) or the last cycle (async), its changes tracked. */
    void fracture(Replica mirror, boolean split) throws RequestRefused;

    /** Brings the target back in step: no job when it is in step already. */
    CreateReplicaResult resync(Replica mirror) throws RequestRefused;

    /** Ends the mirror; the target stays a volume of its own. */
    void detach(Replica mirror) throws RequestRefused;

    /** ReturnToStoragePool of the target. */
    void deleteTarget(Replica mirror) throws RequestRefused;
}
