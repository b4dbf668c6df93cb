package org.liosmis.datapath;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A replica's file while it is being written: a hidden {@code .<name>.partial-<random>} beside
 * the target, published under the target's name only when complete and durable, deleted
 * otherwise. Sitting in the target's directory keeps the final rename atomic.
 */
final class PartialFile implements AutoCloseable {

    private static final String MARKER = ".partial-";

    private final Path target;
    private final Path path;
    private final NativeFile file;
    private boolean published;

    private PartialFile(Path target, Path path, NativeFile file) {
        this.target = target;
        this.path = path;
        this.file = file;
    }

    /** Creates the partial file; O_EXCL never follows or reuses an existing name. */
    static PartialFile create(Path target, int permissions) throws ErrnoException {
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        Path path = target.resolveSibling("." + target.getFileName() + MARKER + suffix);
        NativeFile file = NativeFile.open(path,
                Libc.O_WRONLY | Libc.O_CREAT | Libc.O_EXCL | Libc.O_NOFOLLOW, permissions);
        return new PartialFile(target, path, file);
    }

    /** Whether a name is one of these files, e.g. left behind by a crash. */
    static boolean isPartial(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.contains(MARKER);
    }

    NativeFile file() {
        return file;
    }

    /** Makes the data durable, then gives it the target's name without replacing anything there. */
    void publish() throws IOException {
        file.sync();
        file.close();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment from = arena.allocateFrom(path.toString());
            MemorySegment to = arena.allocateFrom(target.toString());
            if (Libc.renameat2(errno, from, to, Libc.RENAME_NOREPLACE) != 0) {
                int code = Libc.errno(errno);
                // filesystems without RENAME_NOREPLACE (NFS): link() also refuses an existing name
                if (code != Libc.EINVAL || Libc.link(errno, from, to) != 0) {
                    throw renameFailure(code == Libc.EINVAL ? Libc.errno(errno) : code);
                }
                Libc.unlink(errno, from);
            }
            published = true;
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    private IOException renameFailure(int errno) {
        if (errno == Libc.EEXIST) {
            return new FileAlreadyExistsException(target.toString(), null, "created while the replica was written");
        }
        return new ErrnoException("rename to " + target + " from", path, errno);
    }

    // the rename is only durable once the directory entry is
    private static void syncDirectory(Path directory) throws ErrnoException {
        try (NativeFile dir = NativeFile.open(directory, Libc.O_RDONLY | Libc.O_DIRECTORY, 0)) {
            dir.sync();
        }
    }

    /** Deletes the file unless it was published. */
    @Override
    public void close() {
        if (published) {
            return;
        }
        file.close();
        try (Arena arena = Arena.ofConfined()) {
            Libc.unlink(Libc.errnoSegment(arena), arena.allocateFrom(path.toString()));
        }
    }
}
