package org.liosmis.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Work that outlives the request that started it: making a replica by copying.
 *
 * @param targetId   the volume the job makes (it exists only once the job has completed)
 * @param targetFile where the replica's backing file is published
 * @param failure    why it did not complete, or null
 */
public record Job(String id, State state, int percentComplete, String elementName, String sourceId,
                  String targetId, String targetFile, ReplicaKind kind, Instant submitted, Instant started,
                  Instant finished, boolean deleteOnCompletion, Duration timeBeforeRemoval, Failure failure,
                  String errorDescription) {

    public enum State {
        NEW, RUNNING, COMPLETED, EXCEPTION, TERMINATED, KILLED;

        public boolean finished() {
            return this != NEW && this != RUNNING;
        }
    }

    /** The causes of a job's end other than success. */
    public enum Failure {
        NO_SPACE, IO_ERROR, LIO_ERROR, INTERRUPTED_BY_RESTART, CANCELLED
    }

    public Job withProgress(int percent) {
        return new Job(id, state, percent, elementName, sourceId, targetId, targetFile, kind, submitted, started,
                finished, deleteOnCompletion, timeBeforeRemoval, failure, errorDescription);
    }

    public Job running(Instant now) {
        return new Job(id, State.RUNNING, percentComplete, elementName, sourceId, targetId, targetFile, kind,
                submitted, now, null, deleteOnCompletion, timeBeforeRemoval, null, null);
    }

    /** A terminal state; PercentComplete is 100 in every one (clients wait for 100). */
    public Job ended(State endState, Instant now, Failure cause, String description) {
        return new Job(id, endState, 100, elementName, sourceId, targetId, targetFile, kind, submitted,
                started == null ? now : started, now, deleteOnCompletion, timeBeforeRemoval, cause, description);
    }
}
