package org.liosmis.lio.configfs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A configfs operation the kernel (or the emulator) refused. Carries the errno, the path and
 * the operation, and says in the message what a person can do about it.
 */
public class ConfigFsException extends Exception {

    private final Errno errno;
    private final Path path;
    private final String operation;

    public ConfigFsException(Errno errno, String operation, Path path, String hint) {
        this(errno, operation, path, hint, null);
    }

    public ConfigFsException(Errno errno, String operation, Path path, String hint, Throwable cause) {
        super(message(errno, operation, path, hint), cause);
        this.errno = Objects.requireNonNull(errno);
        this.operation = Objects.requireNonNull(operation);
        this.path = Objects.requireNonNull(path);
    }

    private static String message(Errno errno, String operation, Path path, String hint) {
        String base = operation + " " + path + " failed: " + errno + " (" + errno.text() + ")";
        return hint == null || hint.isBlank() ? base : base + ": " + hint;
    }

    public Errno errno() {
        return errno;
    }

    public Path path() {
        return path;
    }

    /** The operation that failed: mkdir, rmdir, write, read, symlink, unlink, readlink, list. */
    public String operation() {
        return operation;
    }
}
