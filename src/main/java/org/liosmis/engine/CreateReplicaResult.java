package org.liosmis.engine;

/**
 * What CreateReplica did: either the replica exists already (instant clone), or a job is
 * making it.
 *
 * @param targetId the new volume; it exists now when jobId is null, and once the job completes otherwise
 * @param jobId    the job making it, or null
 */
public record CreateReplicaResult(String targetId, String jobId) {

    public boolean done() {
        return jobId == null;
    }
}
