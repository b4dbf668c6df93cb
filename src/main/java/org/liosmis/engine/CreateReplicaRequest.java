package org.liosmis.engine;

/**
 * A request for a replica of a volume.
 *
 * @param poolId      where to make it; null for the source's own pool
 * @param elementName the name the client gives it; null to let the engine choose
 * @param timing      whether the replica must be made at once, by a copy job, or as the pool can
 */
public record CreateReplicaRequest(String sourceId, ReplicaKind kind, String poolId, String elementName,
                                   Timing timing) {

    /** How the replica's data is made (SMI-S Replication Services' Mode: Synchronous, Asynchronous). */
    public enum Timing {
        /** at once where the pool can (reflink, thin snapshot), by a copy job elsewhere */
        AS_POOL_CAN,
        /** at once, or not at all */
        AT_ONCE,
        /** by a copy job, even where the pool could make it at once */
        BY_COPY
    }

    public CreateReplicaRequest(String sourceId, ReplicaKind kind, String poolId, String elementName) {
        this(sourceId, kind, poolId, elementName, Timing.AS_POOL_CAN);
    }
}
