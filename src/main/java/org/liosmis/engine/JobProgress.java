package org.liosmis.engine;

import java.time.Duration;
import java.time.Instant;
import org.liosmis.datapath.CopyProgress;

/**
 * A running job's progress, committed at most once a second and per whole percent, and never
 * 100 before the job has ended (clients wait for 100).
 */
final class JobProgress implements CopyProgress {

    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final ReplicaEngine engine;
    private Job job;
    private Instant last = Instant.EPOCH;

    JobProgress(Job job, ReplicaEngine engine) {
        this.job = job;
        this.engine = engine;
    }

    /** The job as last committed. */
    Job job() {
        return job;
    }

    /** Commits a change of the job's state. */
    void commit(Job changed) {
        job = changed;
        engine.store().putJob(job);
    }

    @Override
    public void copied(long done, long total) {
        Instant now = engine.clock().instant();
        int percent = total == 0 ? 99 : (int) Math.min(99, done * 100 / total);
        if (percent > job.percentComplete() && now.isAfter(last.plus(INTERVAL))) {
            last = now;
            commit(job.withProgress(percent));
        }
    }
}
