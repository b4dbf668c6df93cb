package org.liosmis.engine;

/**
 * A request for a replica of a volume.
 *
 * @param poolId      where to make it; null for the source's own pool
 * @param elementName the name the client gives it; null to let the engine choose
 */
public record CreateReplicaRequest(String sourceId, ReplicaKind kind, String poolId, String elementName) {
}
