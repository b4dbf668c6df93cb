package org.liosmis.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.liosmis.datapath.BlockCompare;
import org.liosmis.datapath.ByteRange;
import org.liosmis.datapath.ByteRanges;
import org.liosmis.datapath.CancelToken;
import org.liosmis.datapath.CopyCancelledException;
import org.liosmis.datapath.CopyProgress;
import org.liosmis.datapath.RangeShipper;
import org.liosmis.lvm.LvNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cycle of an async mirror: an image of the source at the cycle point, the ranges that
 * differ from the last cycle's image (or, without one, from the target block by block), those
 * shipped onto the target, then the image kept as the new base. The target is a whole point in
 * time only when a cycle ends; one interrupted is run again from the same base, whose
 * differences include every range the interrupted one wrote.
 */
final class AsyncCycle implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncCycle.class);
    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(200);

    private final Replica replica;
    private final AsyncMirrors mirrors;
    private final ReplicaEngine engine;
    private final StateStore store;
    private final Inventory inventory;

    AsyncCycle(Replica replica, AsyncMirrors mirrors, ReplicaEngine engine, StateStore store, Inventory inventory) {
        this.replica = replica;
        this.mirrors = mirrors;
        this.engine = engine;
        this.store = store;
        this.inventory = inventory;
    }

    @Override
    public void run() {
        CancelToken cancel = engine.track(replica.targetId());
        Optional<JobProgress> job = Optional.ofNullable(replica.jobId()).flatMap(store::job)
                .filter(j -> !j.state().finished()).map(j -> new JobProgress(j, engine));
        job.ifPresent(p -> p.commit(p.job().running(engine.clock().instant())));
        CopyProgress progress = job.<CopyProgress>map(p -> p).orElse(CopyProgress.NONE);
        Optional<CycleImages> images = Optional.empty();
        try {
            Volume source = inventory.volume(replica.sourceId()).orElseThrow(() ->
                    new IOException("the source " + replica.sourceId() + " is gone"));
            images = Optional.of(mirrors.images(source, TargetObjects.nameOf(replica.targetId())));
            Mirror mirror = store.mirror(replica.targetId()).orElseThrow();
            long started = System.nanoTime();
            Instant point = engine.clock().instant();
            Path next = images.get().takeNext();
            Path target = Path.of(mirror.targetPath());
            boolean compare = mirror.fullCompare() || mirror.cycleImage() == null || !images.get().hasBase();
            Optional<ByteRanges> delta = compare ? wholeOfNewFile(mirror, target) : images.get().changedSinceBase();
            ByteRanges ranges = delta.isPresent() ? delta.get() : new BlockCompare(PROGRESS_INTERVAL)
                    .differences(next, target, (done, total) -> progress.copied(done, 2 * total), cancel);
            CopyProgress shipping = delta.isPresent() ? progress
                    : (done, total) -> progress.copied(total + done, 2 * total);
            long shipped = new RangeShipper(PROGRESS_INTERVAL).ship(next, target, ranges, shipping, cancel);
            // the base is dropped only now that the target equals next: a restart in between promotes next
            store.putMirror(mirror.cycled(images.get().baseName(), shipped, (System.nanoTime() - started) / 1_000_000));
            images.get().promote();
            completed(point, job);
            LOG.info("async mirror {}: cycle shipped {} bytes of {} compared in {} ms", replica.targetId(), shipped,
                    ranges.totalBytes(), (System.nanoTime() - started) / 1_000_000);
        } catch (CopyCancelledException e) {
            images.ifPresent(CycleImages::dropNext);
            if (!engine.closing()) {
                failed(job, "the cycle was stopped on request; the next one brings the target in step");
            }
            // lio-smis stops: the cycle stays due, and runs again from the same base after the restart
        } catch (IOException | RequestRefused | RuntimeException e) {
            images.ifPresent(CycleImages::dropNext);
            if (engine.closing()) {
                LOG.info("async mirror {}: cycle stopped with lio-smis ({})", replica.targetId(), e.toString());
            } else {
                LOG.warn("async mirror {}: cycle failed: {}", replica.targetId(), e.getMessage());
                failed(job, "a cycle of the mirror failed (" + e.getMessage() + ")");
            }
        } finally {
            release();
        }
    }

    /**
     * A new target file reads as zeros and no client has written it: shipping all of the image
     * (whose holes become holes) needs no reading of the target. A device could not stay thin so.
     */
    private static Optional<ByteRanges> wholeOfNewFile(Mirror mirror, Path target) {
        boolean newFile = mirror.cycleImage() == null && !mirror.fullCompare() && LvNames.ofDevice(target).isEmpty();
        return newFile ? Optional.of(ByteRanges.of(new ByteRange(0, mirror.sizeBytes()))) : Optional.empty();
    }

    /** Lets go of the mirror before its job says it ended, so a client that sees it end may change the mirror at once. */
    private void release() {
        engine.untrack(replica.targetId());
        mirrors.cycleEnded(replica.targetId());
    }

    private void completed(Instant point, Optional<JobProgress> job) {
        store.replicaOf(replica.targetId()).ifPresent(now -> store.putReplica(
                now.mirror(Replica.State.SYNCHRONIZED, point, now.jobId()).synced(100)));
        release();
        job.ifPresent(p -> p.commit(p.job().ended(Job.State.COMPLETED, engine.clock().instant(), null, null)));
    }

    /**
     * A first cycle that fails leaves nothing: the target and the relationship go, as a failed
     * copy's would. A later one leaves the target partly shipped: the mirror stays due, says why
     * in its status, and its next cycle, a period later, brings the target in step.
     */
    private void failed(Optional<JobProgress> job, String reason) {
        boolean first = replica.whenSynced() == null
                && store.replicaOf(replica.targetId()).map(Replica::whenSynced).isEmpty();
        String description = first ? reason + "; the target was removed and the source is untouched: call"
                + " CreateReplica again" : reason + "; the target is partly shipped until the next cycle, a period later";
        release();
        if (first) {
            mirrors.discard(replica);
        } else {
            store.mirror(replica.targetId()).ifPresent(m -> store.putMirror(m.broken(description)));
            mirrors.retryLater(replica.targetId());
        }
        job.ifPresent(p -> p.commit(p.job().ended(Job.State.EXCEPTION, engine.clock().instant(), Job.Failure.IO_ERROR,
                description)));
    }
}
