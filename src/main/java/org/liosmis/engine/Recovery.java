package org.liosmis.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.time.Clock;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.configfs.ConfigFsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, before any request: a job the stopped process left running ends as Exception,
 * with whatever it had made removed (partial file, published file, storage object), and
 * relationships whose volumes are gone are forgotten. Nothing half-made survives a restart.
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    static final String STOPPED = "lio-smis stopped while this copy ran; the partial replica was removed and the"
            + " source is untouched; call CreateReplica again";

    private final LioRoot lio;
    private final Inventory inventory;
    private final StateStore store;
    private final Clock clock;

    Recovery(LioRoot lio, Inventory inventory, StateStore store, Clock clock) {
        this.lio = lio;
        this.inventory = inventory;
        this.store = store;
        this.clock = clock;
    }

    void run() {
        for (Job job : store.jobs()) {
            if (!job.state().finished()) {
                abandon(job);
            }
        }
        for (Replica replica : store.replicas()) {
            if (inventory.volume(replica.targetId()).isEmpty() || inventory.volume(replica.sourceId()).isEmpty()) {
                store.deleteReplicasOf(replica.targetId());
            }
        }
    }

    /** The unfinished copies of the target a crash left beside it (".<name>.partial-..."). */
    private static void removePartials(Path target) {
        String prefix = "." + target.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith(prefix) && FileReplicator.isPartialFile(p))
                    .forEach(ReplicaEngine::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("could not look for partial copies of {}: {}", target, e.getMessage());
        }
    }

    private void abandon(Job job) {
        String name = job.targetId().substring(job.targetId().indexOf('/') + 1);
        try {
            if (lio.storageObject(Plugin.FILEIO, name).isPresent()) {
                lio.delete(Plugin.FILEIO, name);
            }
        } catch (ConfigFsException e) {
            LOG.warn("job {}: could not remove storage object {}: {}", job.id(), job.targetId(), e.getMessage());
        }
        Path target = Path.of(job.targetFile());
        removePartials(target);
        ReplicaEngine.deleteQuietly(target);
        store.deleteReplicasOf(job.targetId());
        store.releaseElementName(job.targetId());
        store.putJob(job.ended(Job.State.EXCEPTION, clock.instant(), Job.Failure.INTERRUPTED_BY_RESTART, STOPPED));
        LOG.warn("job {} was running when lio-smis stopped; ended it and removed its partial replica", job.id());
    }
}
