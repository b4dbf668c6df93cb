package org.liosmis.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.liosmis.datapath.ByteRanges;
import org.liosmis.datapath.CloneDelta;
import org.liosmis.datapath.FileReplicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cycle images of a fileio source: reflink clones of its backing file, hidden beside it. What
 * changed is what the two clones no longer share.
 */
final class FileClones implements CycleImages {

    private static final Logger LOG = LoggerFactory.getLogger(FileClones.class);

    private final FileReplicator files;
    private final Path source;
    private final Path base;
    private final Path next;

    FileClones(FileReplicator files, Path source, String targetName) {
        this.files = files;
        this.source = source;
        this.base = source.resolveSibling("." + targetName + ".lio-smis-base");
        this.next = source.resolveSibling("." + targetName + ".lio-smis-next");
    }

    @Override
    public Path takeNext() throws IOException {
        Files.deleteIfExists(next);
        if (!files.reflink(source, next)) {
            throw new IOException("the filesystem of " + source.getParent() + " cannot clone files (reflink)");
        }
        return next;
    }

    @Override
    public Optional<ByteRanges> changedSinceBase() throws IOException {
        return Optional.of(CloneDelta.changedRanges(base, next));
    }

    @Override
    public void promote() throws IOException {
        Files.move(next, base, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public boolean hasBase() {
        return Files.exists(base);
    }

    @Override
    public boolean hasNext() {
        return Files.exists(next);
    }

    @Override
    public void dropNext() {
        delete(next);
    }

    @Override
    public void dropAll() {
        delete(next);
        delete(base);
    }

    @Override
    public String baseName() {
        return base.toString();
    }

    private static void delete(Path image) {
        try {
            Files.deleteIfExists(image);
        } catch (IOException e) {
            LOG.warn("could not remove the cycle image {}: {}", image, e.getMessage());
        }
    }
}
