package org.liosmis.engine;

/**
 * What CreateReplica did: either the replica exists already (instant clone), or a job is
 * making it.
 *
 * @param targetId    the new volume; it exists now when jobId is null or targetShown, else once the job completes
 * @param jobId       the job making it, or null
 * @param targetShown the target is a volume while its job runs (a mirror's, which the job brings in step)
 */
public record CreateReplicaResult(String targetId, String jobId, boolean targetShown) {

    public CreateReplicaResult(String targetId, String jobId) {
        this(targetId, jobId, jobId == null);
    }

    public boolean done() {
        return jobId == null;
    }
}
