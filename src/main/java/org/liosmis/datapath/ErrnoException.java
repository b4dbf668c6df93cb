package org.liosmis.datapath;

import java.io.IOException;
import java.nio.file.Path;

/** A libc call on a file failed; the message names the call, the file and the reason. */
final class ErrnoException extends IOException {

    private final int errno;
    private final Path file;

    ErrnoException(String operation, Path file, int errno) {
        super(operation + " " + file + ": " + Libc.strerror(errno));
        this.errno = errno;
        this.file = file;
    }

    int errno() {
        return errno;
    }

    Path file() {
        return file;
    }

    boolean isNoSpace() {
        return errno == Libc.ENOSPC || errno == Libc.EDQUOT;
    }
}
