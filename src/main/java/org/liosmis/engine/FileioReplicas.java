package org.liosmis.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.liosmis.datapath.CancelToken;
import org.liosmis.datapath.CopyProgress;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.lio.FileioSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.configfs.ConfigFsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Replicas of fileio volumes in a directory pool: a reflink clone where it can, else a sparse copy. */
final class FileioReplicas implements Backend {

    private static final Logger LOG = LoggerFactory.getLogger(FileioReplicas.class);

    private final LioRoot lio;
    private final FileReplicator files;
    private final Clock clock;

    FileioReplicas(LioRoot lio, FileReplicator files, Clock clock) {
        this.lio = lio;
        this.files = files;
        this.clock = clock;
    }

    @Override
    public Plugin plugin() {
        return Plugin.FILEIO;
    }

    @Override
    public String safeName(String name) {
        return name;
    }

    @Override
    public Predicate<String> takenNames(Pool pool) {
        return name -> Files.exists(target(pool, name));
    }

    @Override
    public Path target(Pool pool, String name) {
        return ((PoolBacking.Directory) pool.backing()).path().resolve(name + ".img");
    }

    /** Whether the pool's filesystem clones files (reflink), found by cloning a file of its own there. */
    boolean clones(Pool pool) {
        Path directory = ((PoolBacking.Directory) pool.backing()).path();
        Path probe = directory.resolve(".lio-smis-reflink-probe");
        Path clone = directory.resolve(".lio-smis-reflink-probe.clone");
        try {
            Files.deleteIfExists(clone);
            Files.write(probe, new byte[] {1});
            return files.reflink(probe, clone);
        } catch (IOException e) {
            LOG.warn("cannot tell whether pool {} can clone files: {}", pool.id(), e.getMessage());
            return false;
        } finally {
            deleteQuietly(clone);
            deleteQuietly(probe);
        }
    }

    @Override
    public boolean makeInstantly(ReplicaEngine.Plan plan) throws RequestRefused {
        try {
            if (!files.reflink(Path.of(plan.source().backingPath()), plan.target())) {
                return false;
            }
        } catch (IOException e) {
            throw new RequestRefused(RequestRefused.Reason.FAILED, "cannot clone " + plan.source().backingPath()
                    + ": " + e.getMessage());
        }
        try {
            createStorageObject(plan, CopyMethod.REFLINK);
        } catch (ConfigFsException e) {
            deleteQuietly(plan.target());
            throw new RequestRefused(RequestRefused.Reason.FAILED, "LIO refused the replica's storage object: " + e.getMessage());
        }
        return true;
    }

    @Override
    public CopyTarget prepareCopy(ReplicaEngine.Plan plan) throws RequestRefused {
        Path source = Path.of(plan.source().backingPath());
        try {
            return new FileCopy(plan, source, FileReplicator.allocatedBytes(source));
        } catch (IOException e) {
            throw new RequestRefused(RequestRefused.Reason.FAILED, "cannot read " + source + ": " + e.getMessage());
        }
    }

    /** A sparse copy into a partial file, published by rename; the file copy removes its own partial. */
    private final class FileCopy implements CopyTarget {
        private final ReplicaEngine.Plan plan;
        private final Path source;
        private final long dataBytes;

        FileCopy(ReplicaEngine.Plan plan, Path source, long dataBytes) {
            this.plan = plan;
            this.source = source;
            this.dataBytes = dataBytes;
        }

        @Override
        public long reserveBytes() {
            return dataBytes;
        }

        @Override
        public void copy(CopyProgress progress, CancelToken cancel) throws IOException {
            files.copy(source, plan.target(), progress, cancel);
        }

        @Override
        public void publish() throws ConfigFsException {
            createStorageObject(plan, CopyMethod.FULL_COPY);
        }

        @Override
        public void discard() {
            deleteQuietly(plan.target());
        }
    }

    /**
     * A reflink over the file in place where the filesystem can clone; else a copy in place
     * (see docs/replicas.md): LIO keeps the overwritten file open, so a new file renamed over
     * it would never be read, and its storage object cannot be made anew while a LUN links to it.
     */
    @Override
    public Optional<InPlaceCopy> overwrite(Volume from, Volume onto, boolean mayClone) throws RequestRefused {
        Path fromFile = Path.of(from.backingPath());
        Path ontoFile = Path.of(onto.backingPath());
        try {
            if (mayClone && files.reflinkOver(fromFile, ontoFile)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new RequestRefused(RequestRefused.Reason.FAILED, "cannot clone " + fromFile + " over " + ontoFile
                    + ": " + e.getMessage());
        }
        return Optional.of(new InPlaceCopy() {
            @Override
            public void copy(CopyProgress progress, CancelToken cancel) throws IOException {
                files.copyOver(fromFile, ontoFile, progress, cancel);
            }

            @Override
            public void cleanUp() {
            }
        });
    }

    @Override
    public void relabel(Volume replica, Replica relationship) {
        Path file = Path.of(replica.backingPath());
        try {
            if (relationship == null) {
                FileLabels.detached(file);
            } else {
                FileLabels.synced(file, relationship.method(), relationship.whenSynced());
            }
        } catch (IOException e) {
            warnUnlabelled(file, e);
        }
    }

    @Override
    public void related(Volume replica, Volume source, Replica relationship) {
        Path file = Path.of(replica.backingPath());
        try {
            FileLabels.related(file, source.id(), source.naaId(), relationship.method(), relationship.whenSynced());
        } catch (IOException e) {
            warnUnlabelled(file, e);
        }
    }

    private static void warnUnlabelled(Path file, IOException e) {
        LOG.warn("cannot update the relationship {} records ({}); a rebuild of the state database would not"
                + " see the change", file, e.getMessage());
    }

    /**
     * The replica's storage object, with the unit serial that marks it as lio-smis's, once its
     * complete file is labelled.
     */
    private void createStorageObject(ReplicaEngine.Plan plan, CopyMethod method) throws ConfigFsException {
        try {
            FileLabels.write(plan.target(), VolumeLabel.of(plan, method, clock.instant()));
        } catch (IOException e) {
            // the state database still records it all; only a rebuild of a lost one would miss it
            LOG.warn("cannot label {} with the ElementName and relationship of {} ({}); a rebuild of the state"
                    + " database could not recover them", plan.target(), plan.targetId(), e.getMessage());
        }
        lio.createFileio(FileioSpec.of(plan.name(), plan.target(), plan.source().sizeBytes())
                .withUnitSerial(LioSmisSerial.generate()));
    }

    @Override
    public void delete(Volume volume) throws RequestRefused {
        try {
            lio.delete(Plugin.FILEIO, volume.name());
        } catch (ConfigFsException e) {
            throw new RequestRefused(RequestRefused.Reason.FAILED, "LIO refused to delete " + volume.id() + ": " + e.getMessage());
        }
        deleteQuietly(Path.of(volume.backingPath()));
    }

    @Override
    public void abandon(Job job) {
        Path target = Path.of(job.targetFile());
        removePartials(target);
        deleteQuietly(target);
    }

    /** The unfinished copies of the target a crash left beside it (".<name>.partial-..."). */
    private static void removePartials(Path target) {
        String prefix = "." + target.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith(prefix) && FileReplicator.isPartialFile(p))
                    .forEach(FileioReplicas::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("could not look for partial copies of {}: {}", target, e.getMessage());
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", file, e.getMessage());
        }
    }
}
