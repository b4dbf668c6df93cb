package org.liosmis.engine;

import java.io.IOException;
import java.time.Instant;
import org.liosmis.datapath.CancelToken;
import org.liosmis.datapath.CopyCancelledException;
import org.liosmis.datapath.NoSpaceException;
import org.liosmis.lio.configfs.ConfigFsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica made by copying: copy the data, then create the storage object, then record
 * the outcome. Progress is committed at most once a second and per whole percent.
 */
final class CopyJob implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CopyJob.class);

    private final JobProgress progress;
    private final ReplicaEngine.Plan plan;
    private final CopyTarget target;
    private final CancelToken cancel;
    private final ReplicaEngine engine;
    private boolean ended;

    CopyJob(Job job, ReplicaEngine.Plan plan, CopyTarget target, CancelToken cancel, ReplicaEngine engine) {
        this.progress = new JobProgress(job, engine);
        this.plan = plan;
        this.target = target;
        this.cancel = cancel;
        this.engine = engine;
    }

    @Override
    public void run() {
        boolean success = false;
        try {
            progress.commit(progress.job().running(engine.clock().instant()));
            target.copy(progress, cancel);
            target.publish();
            complete();
            success = true;
        } catch (CopyCancelledException e) {
            if (engine.closing()) {
                fail(Job.State.EXCEPTION, Job.Failure.INTERRUPTED_BY_RESTART, Recovery.STOPPED);
            } else {
                fail(engine.stopState(job().id()), Job.Failure.CANCELLED,
                        "the copy was stopped on request; the partial replica was removed");
            }
        } catch (NoSpaceException e) {
            fail(Job.State.EXCEPTION, Job.Failure.NO_SPACE, e.getMessage() + "; the partial replica was removed and "
                    + "the source is untouched; free space in pool " + plan.pool().id() + " or name another TargetPool");
        } catch (IOException | ConfigFsException | RuntimeException e) {
            if (engine.closing()) {
                // lio-smis is stopping: the copy's I/O and locks are interrupted, which is no fault of the copy
                LOG.info("job {}: stopped with lio-smis ({})", job().id(), e.toString());
                fail(Job.State.EXCEPTION, Job.Failure.INTERRUPTED_BY_RESTART, Recovery.STOPPED);
            } else {
                failed(e);
            }
        } finally {
            if (!ended) {
                engine.finished(job(), success);
            }
        }
    }

    private void failed(Exception e) {
        switch (e) {
            case ConfigFsException refused -> {
                LOG.warn("job {}: LIO refused the storage object: {}", job().id(), refused.getMessage());
                fail(Job.State.EXCEPTION, Job.Failure.LIO_ERROR, "LIO refused the replica's storage object: "
                        + refused.errno().text() + "; the partial replica was removed");
            }
            case IOException io -> {
                LOG.warn("job {}: copying {} failed: {}", job().id(), plan.source().backingPath(), io.toString());
                fail(Job.State.EXCEPTION, Job.Failure.IO_ERROR, "reading volume " + plan.source().id() + " or writing"
                        + " its replica failed (the lio-smis log has the file and the error); the partial replica was"
                        + " removed and the source is untouched");
            }
            default -> {
                LOG.error("job {}: the copy failed", job().id(), e);
                fail(Job.State.EXCEPTION, Job.Failure.IO_ERROR, "the copy failed unexpectedly (the lio-smis log says"
                        + " why); the partial replica was removed");
            }
        }
    }

    private void complete() {
        Instant now = engine.clock().instant();
        StateStore store = engine.store();
        if (plan.kind() == ReplicaKind.SNAPSHOT) {
            store.putReplica(new Replica(plan.source().id(), plan.targetId(), plan.kind(), CopyMethod.FULL_COPY,
                    Replica.State.ESTABLISHED, 100, now, job().id()));
        } else {
            store.deleteReplicasOf(plan.targetId());
        }
        end(job().ended(Job.State.COMPLETED, now, null, null), true);
        LOG.info("job {}: {} {} copied from {}", job().id(), plan.kind(), plan.targetId(), plan.source().id());
    }

    private Job job() {
        return progress.job();
    }

    /** Every failure ends here: what the copy made is removed before the job says it ended. */
    private void fail(Job.State state, Job.Failure failure, String description) {
        target.discard();
        engine.store().deleteReplicasOf(plan.targetId());
        end(job().ended(state, engine.clock().instant(), failure, description), false);
        LOG.warn("job {}: {} {}", job().id(), state, description);
    }

    /**
     * The engine lets go of the target and its ElementName before the ended job is stored: a client
     * that sees the job ended can delete the replica, or reuse the name, at once.
     */
    private void end(Job endedJob, boolean success) {
        engine.finished(endedJob, success);
        ended = true;
        progress.commit(endedJob);
    }
}
