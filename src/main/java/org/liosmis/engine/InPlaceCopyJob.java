package org.liosmis.engine;

import java.io.IOException;
import java.util.UUID;
import org.liosmis.datapath.CancelToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A restore, a resync or a replica made into a volume the client named, by copying: one
 * volume's data written over another's in place. It is not stopped on request (a volume
 * half-overwritten is no point in time); it ends with lio-smis.
 */
final class InPlaceCopyJob implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(InPlaceCopyJob.class);

    /** Told how the job ended, before the ended job is stored. */
    interface Outcome {
        void ended(Job endedJob, boolean success);
    }

    private final JobProgress progress;
    private final InPlaceCopy copy;
    private final ReplicaEngine engine;
    private final Outcome outcome;

    InPlaceCopyJob(Job job, InPlaceCopy copy, ReplicaEngine engine, Outcome outcome) {
        this.progress = new JobProgress(job, engine);
        this.copy = copy;
        this.engine = engine;
        this.outcome = outcome;
    }

    /** The job writing {@code from}'s data over {@code onto}'s, named after the volume written. */
    static Job of(ReplicaEngine engine, Volume from, Volume onto, ReplicaKind kind) {
        return new Job(UUID.randomUUID().toString(), Job.State.NEW, 0,
                engine.store().elementName(onto.id()).orElse(onto.name()), from.id(), onto.id(), onto.backingPath(),
                kind, engine.clock().instant(), null, null, true, engine.timeBeforeRemoval(), null, null);
    }

    @Override
    public void run() {
        Job job = progress.job();
        String failure = null;
        try {
            progress.commit(job.running(engine.clock().instant()));
            copy.copy(progress, new CancelToken());
        } catch (IOException | RuntimeException e) {
            LOG.warn("job {}: writing {} over {} failed: {}", job.id(), job.sourceId(), job.targetId(), e.toString());
            failure = (engine.closing() ? "lio-smis stopped" : "reading " + job.sourceId() + " or writing "
                    + job.targetId() + " failed (the lio-smis log has the error)") + "; " + job.targetId()
                    + " holds part of the data of " + job.sourceId() + ": ask again to write it whole";
        } finally {
            copy.cleanUp();
        }
        Job ended = failure == null
                ? progress.job().ended(Job.State.COMPLETED, engine.clock().instant(), null, null)
                : progress.job().ended(Job.State.EXCEPTION, engine.clock().instant(),
                        engine.closing() ? Job.Failure.INTERRUPTED_BY_RESTART : Job.Failure.IO_ERROR, failure);
        outcome.ended(ended, failure == null);
        LOG.info("job {}: {} written over {}: {}", job.id(), job.sourceId(), job.targetId(), ended.state());
    }
}
