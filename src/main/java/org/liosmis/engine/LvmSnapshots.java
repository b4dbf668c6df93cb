package org.liosmis.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.liosmis.datapath.ByteRange;
import org.liosmis.datapath.ByteRanges;
import org.liosmis.lvm.LogicalVolume;
import org.liosmis.lvm.LvNames;
import org.liosmis.lvm.Lvm;
import org.liosmis.lvm.LvmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cycle images of a block source: snapshots of its logical volume beside it. A thin volume's
 * are thin snapshots, kept from cycle to cycle, and what changed is where thin_delta finds them
 * differ; a thick volume's is a copy-on-write snapshot held only for its cycle, as keeping one
 * would slow every write, so its cycles compare blocks with the target.
 */
final class LvmSnapshots implements CycleImages {

    private static final Logger LOG = LoggerFactory.getLogger(LvmSnapshots.class);

    private final Lvm lvm;
    private final LogicalVolume source;
    private final String base;
    private final String next;

    LvmSnapshots(Lvm lvm, LogicalVolume source, String targetName) {
        this.lvm = lvm;
        this.source = source;
        this.base = targetName + ".lio-smis-base";
        this.next = targetName + ".lio-smis-next";
    }

    @Override
    public Path takeNext() throws IOException {
        dropNext();
        try {
            if (source.thinVolume()) {
                lvm.createThinSnapshot(source.volumeGroup(), source.name(), next);
            } else {
                lvm.createSnapshot(source.volumeGroup(), source.name(), next, source.sizeBytes());
            }
        } catch (LvmException e) {
            throw new IOException("cannot snapshot " + source.volumeGroup() + "/" + source.name() + ": "
                    + e.getMessage(), e);
        }
        return LvNames.device(source.volumeGroup(), next);
    }

    @Override
    public Optional<ByteRanges> changedSinceBase() throws IOException {
        if (!source.thinVolume()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ByteRanges(lvm.thinDifferences(source.volumeGroup(), source.pool(), base, next)
                    .stream().map(r -> new ByteRange(r.offset(), r.length())).toList()));
        } catch (LvmException e) {
            throw new IOException("cannot tell what changed in " + source.volumeGroup() + "/" + source.name()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void promote() throws IOException {
        try {
            if (source.thinVolume()) {
                remove(base);
                lvm.rename(source.volumeGroup(), next, base);
            } else {
                lvm.remove(source.volumeGroup(), next);
            }
        } catch (LvmException e) {
            throw new IOException("cannot keep this cycle's snapshot of " + source.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasBase() throws IOException {
        return exists(base);
    }

    @Override
    public boolean hasNext() throws IOException {
        return exists(next);
    }

    @Override
    public void dropNext() {
        remove(next);
    }

    @Override
    public void dropAll() {
        remove(next);
        remove(base);
    }

    @Override
    public String baseName() {
        return source.volumeGroup() + "/" + base;
    }

    private boolean exists(String name) throws IOException {
        try {
            return lvm.logicalVolume(source.volumeGroup(), name).isPresent();
        } catch (LvmException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void remove(String name) {
        try {
            if (lvm.logicalVolume(source.volumeGroup(), name).isPresent()) {
                lvm.remove(source.volumeGroup(), name);
            }
        } catch (LvmException e) {
            LOG.warn("could not remove the cycle snapshot {}/{}: {}", source.volumeGroup(), name, e.getMessage());
        }
    }
}
