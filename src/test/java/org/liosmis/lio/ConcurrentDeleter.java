package org.liosmis.lio;

import java.nio.file.Path;
import java.util.List;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;

/**
 * A configfs where another writer (targetcli, or lio-smis deleting a replica) removes
 * directories at one chosen moment of our reading: just before we list or read a given path,
 * the first time we do.
 */
final class ConcurrentDeleter extends ForwardingConfigFs {

    private final Path trigger;
    private final List<Path> removed;
    private boolean done;

    /** @param removed the directories (or LUN links) removed, in order, when {@code trigger} is first listed or read */
    ConcurrentDeleter(ConfigFs delegate, Path trigger, Path... removed) {
        super(delegate);
        this.trigger = trigger;
        this.removed = List.of(removed);
    }

    @Override
    public List<String> list(Path dir) throws ConfigFsException {
        deleteAt(dir);
        return delegate.list(dir);
    }

    @Override
    public String read(Path attribute) throws ConfigFsException {
        deleteAt(attribute);
        return delegate.read(attribute);
    }

    private void deleteAt(Path path) throws ConfigFsException {
        if (done || !path.equals(trigger)) {
            return;
        }
        done = true;
        for (Path gone : removed) {
            if (delegate.isSymlink(gone)) {
                delegate.unlink(gone);
            } else {
                delegate.rmdir(gone);
            }
        }
    }

    boolean happened() {
        return done;
    }
}
