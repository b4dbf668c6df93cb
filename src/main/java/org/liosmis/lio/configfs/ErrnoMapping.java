package org.liosmis.lio.configfs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * Recovers the errno from an IOException. Java keeps only the strerror text of a failed system
 * call (in {@link FileSystemException#getReason()}, or as the whole message of a plain
 * IOException from a write), plus a few typed subclasses.
 */
public final class ErrnoMapping {

    private ErrnoMapping() {
    }

    public static Errno errnoOf(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Errno.ENOENT;
        }
        if (e instanceof FileAlreadyExistsException) {
            return Errno.EEXIST;
        }
        if (e instanceof DirectoryNotEmptyException) {
            return Errno.ENOTEMPTY;
        }
        if (e instanceof AccessDeniedException) {
            return Errno.EACCES;
        }
        if (e instanceof NotDirectoryException) {
            return Errno.ENOTDIR;
        }
        if (e instanceof NotLinkException) {
            return Errno.EINVAL;
        }
        if (e instanceof FileSystemLoopException) {
            return Errno.ELOOP;
        }
        String text = e instanceof FileSystemException fse && fse.getReason() != null
                ? fse.getReason()
                : e.getMessage();
        return Errno.fromText(text).or(() -> Errno.fromText(afterLastColon(text))).orElse(Errno.EIO);
    }

    /** Messages sometimes read "path: reason"; the reason is after the last colon. */
    private static String afterLastColon(String text) {
        if (text == null) {
            return null;
        }
        int colon = text.lastIndexOf(": ");
        return colon < 0 ? text : text.substring(colon + 2);
    }
}
