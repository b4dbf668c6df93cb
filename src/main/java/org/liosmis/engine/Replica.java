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
        /** the source's data is being written over an existing volume the client named to be the replica */
        OVERWRITING,
        /** a complete point-in-time copy, kept associated with its source */
        ESTABLISHED,
        /** the replica's data is being written over its source's (a restore job) */
        RESTORING,
        /** the source's current data is being written over the replica's (a resync job) */
        RESYNCING;

        /** Whether the replica holds a complete copy, so the relationship stands (not while its data is written). */
        public boolean complete() {
            return this != COPYING && this != OVERWRITING;
        }
    }

    /** The relationship while a restore or resync job runs. */
    Replica in(State newState) {
        return new Replica(sourceId, targetId, kind, method, newState, percentSynced, whenSynced, jobId);
    }

    /** The relationship once the replica holds the source's data of {@code when}, made by {@code how}. */
    Replica syncedAt(java.time.Instant when, CopyMethod how) {
        return new Replica(sourceId, targetId, kind, how, State.ESTABLISHED, 100, when, jobId);
    }
}
