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
        RESYNCING,
        /** a mirror bringing its target in step with the source: its first synchronisation, a resync or a cycle */
        SYNCHRONIZING,
        /** a mirror whose target is in step with its source (an async one as of its last cycle) */
        SYNCHRONIZED,
        /** a mirror whose target was fractured off at a point in time; a resync brings it back in step */
        FRACTURED,
        /** as FRACTURED, asked for as a Split */
        SPLIT,
        /** a mirror that cannot go on; {@link Mirror#brokenReason} says why */
        BROKEN;

        /** Whether the relationship stands and is shown (not while a replica's data is first written). */
        public boolean complete() {
            return this != COPYING && this != OVERWRITING;
        }

        /** A mirror's target fractured or split off: its own volume, read-only where LIO can make it so. */
        public boolean fractured() {
            return this == FRACTURED || this == SPLIT;
        }
    }

    /** The relationship while a restore or resync job runs. */
    Replica in(State newState) {
        return new Replica(sourceId, targetId, kind, method, newState, percentSynced, whenSynced, jobId);
    }

    /** The relationship with its mirror's target {@code percent} in step. */
    Replica synced(int percent) {
        return new Replica(sourceId, targetId, kind, method, state, percent, whenSynced, jobId);
    }

    /** A mirror's relationship in a new state, the target holding the source's data of {@code when}. */
    Replica mirror(State newState, Instant when, String job) {
        return new Replica(sourceId, targetId, kind, method, newState, percentSynced, when, job);
    }

    /** The relationship once the replica holds the source's data of {@code when}, made by {@code how}. */
    Replica syncedAt(java.time.Instant when, CopyMethod how) {
        return new Replica(sourceId, targetId, kind, how, State.ESTABLISHED, 100, when, jobId);
    }
}
