package org.liosmis.lio;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;

/**
 * Reads that race other writers: targetcli, or lio-smis deleting a replica, may remove a
 * storage object, an HBA or a LUN between its being listed and its being read. What is gone
 * by then is simply absent; a failure on what is still there stays an error.
 */
final class Vanishing {

    /** A configfs read of something that may vanish meanwhile. */
    interface Read<T> {
        T get() throws ConfigFsException;
    }

    private Vanishing() {
    }

    /** The read's result, or empty when it failed because {@code path} is gone. */
    static <T> Optional<T> unlessGone(ConfigFs fs, Path path, Read<T> read) throws ConfigFsException {
        try {
            return Optional.of(read.get());
        } catch (ConfigFsException e) {
            if (fs.exists(path)) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** The entries of a directory, none once it is gone. */
    static List<String> entries(ConfigFs fs, Path dir) throws ConfigFsException {
        return unlessGone(fs, dir, () -> fs.list(dir)).orElse(List.of());
    }
}
