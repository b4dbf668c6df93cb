package org.liosmis.engine;

import java.time.Instant;

/**
 * A source/replica relationship between two volumes.
 *
 * @param jobId      the job that made or is making it, or null when it was made at once
 * @param whenSynced when the replica's data became a complete point-in-time copy, or null while copying
 */
public record Replica(String sourceId, String targetId, ReplicaKind kind, CopyMethod method, State state,
                      int percentSynced, Instant whenSynced, String jobId) {

    public enum State {
        /** data is being copied to the replica */
        COPYING,
        /** a complete point-in-time copy, kept associated with its source */
        ESTABLISHED
    }
}
