package org.liosmis.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The directory lio-smis keeps its state in: the database, credentials, keys. */
public final class StateDirectory {

    private static final String LOCK_FILE = "lio-smis.lock";

    private StateDirectory() {
    }

    /** Creates the directory if missing, readable by its owner only; an existing one keeps its mode. */
    public static Path create(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            Files.createDirectories(absolute.getParent());
            try {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(absolute)) {
                    throw e;
                }
            }
        }
        return absolute;
    }

    /**
     * Claims the directory for this process until closed (or until the process ends, however it
     * ends): a rebuild of the state database must not run under a serving lio-smis.
     */
    public static Lock lock(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new EngineException("another lio-smis (serve or rebuild-state) is using the state directory " + dir
                    + "; stop it first", null);
        }
        return new Lock(channel);
    }

    /** Held while open. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;

        private Lock(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing releases the lock whatever else fails; the process ending releases it too
            }
        }
    }
}
