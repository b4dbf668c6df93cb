package org.liosmis.lio.configfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises configfs changes on a host: a JVM-wide lock per lock file (file locks belong to the
 * process, so threads queue here first) plus an exclusive lock on the file against other
 * processes. Reentrant for the thread holding it.
 */
public final class ConfigFsLock {

    private static final Map<Path, ConfigFsLock> BY_FILE = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock jvmLock = new ReentrantLock();
    private FileChannel channel;
    private FileLock fileLock;

    private ConfigFsLock(Path lockFile) {
        this.lockFile = lockFile;
    }

    /** The one lock of this JVM for {@code lockFile}. */
    public static ConfigFsLock forFile(Path lockFile) {
        return BY_FILE.computeIfAbsent(lockFile.toAbsolutePath().normalize(), ConfigFsLock::new);
    }

    public Path lockFile() {
        return lockFile;
    }

    /** A held lock; closing it releases one hold. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    public Held acquire() {
        jvmLock.lock();
        if (jvmLock.getHoldCount() == 1) {
            try {
                Files.createDirectories(lockFile.getParent());
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                fileLock = channel.lock();
            } catch (IOException e) {
                closeChannel();
                jvmLock.unlock();
                throw new UncheckedIOException("cannot lock " + lockFile, e);
            }
        }
        return this::release;
    }

    private void release() {
        try {
            if (jvmLock.getHoldCount() == 1) {
                closeChannel();
            }
        } finally {
            jvmLock.unlock();
        }
    }

    private void closeChannel() {
        try {
            if (fileLock != null) {
                fileLock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unlock " + lockFile, e);
        } finally {
            fileLock = null;
            channel = null;
        }
    }
}
