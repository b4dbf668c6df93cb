package org.liosmis.datapath;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/**
 * A file opened with libc's {@code open()}, so its descriptor can be handed to the calls
 * FileChannel does not offer (SEEK_DATA, FICLONE, FIEMAP, hole punching, statx). Only the opening
 * thread may use it.
 */
final class NativeFile implements AutoCloseable {

    private static final int STATX_SIZE_AND_BLOCKS = 0x200 | 0x400;
    private static final int STATX_MODE = 0x2;
    private static final int STATX_BUFFER_BYTES = 256;
    private static final long STX_MODE = 28;
    private static final long STX_SIZE = 40;
    private static final long STX_BLOCKS = 48;
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;

    private final Path path;
    private final int fd;
    private final Arena arena;
    private final MemorySegment errno;
    private boolean closed;

    private NativeFile(Path path, int fd, Arena arena, MemorySegment errno) {
        this.path = path;
        this.fd = fd;
        this.arena = arena;
        this.errno = errno;
    }

    static NativeFile open(Path path, int flags, int mode) throws ErrnoException {
        Arena arena = Arena.ofConfined();
        MemorySegment errno = Libc.errnoSegment(arena);
        int fd = Libc.open(errno, arena.allocateFrom(path.toString()), flags | Libc.O_CLOEXEC, mode);
        if (fd < 0) {
            int code = Libc.errno(errno);
            arena.close();
            throw new ErrnoException("open", path, code);
        }
        return new NativeFile(path, fd, arena, errno);
    }

    Path path() {
        return path;
    }

    /** Size, allocated bytes and file type, from one statx call. */
    Stat stat() throws ErrnoException {
        MemorySegment buffer = arena.allocate(STATX_BUFFER_BYTES, 8);
        if (Libc.statx(errno, fd, arena.allocateFrom(""), Libc.AT_EMPTY_PATH,
                STATX_SIZE_AND_BLOCKS | STATX_MODE, buffer) != 0) {
            throw failure("statx");
        }
        return Stat.of(buffer);
    }

    /** The first data offset at or after {@code offset}, or -1 when only a hole follows. */
    long nextData(long offset) throws ErrnoException {
        return seek(offset, Libc.SEEK_DATA);
    }

    /** The first hole offset at or after {@code offset}; end of file counts as a hole. */
    long nextHole(long offset) throws ErrnoException {
        return seek(offset, Libc.SEEK_HOLE);
    }

    /** Bytes in the file or block device: statx has no size for a device. */
    long length() throws ErrnoException {
        long end = Libc.lseek(errno, fd, 0, Libc.SEEK_END);
        if (end < 0) {
            throw failure("lseek");
        }
        return end;
    }

    private long seek(long offset, int whence) throws ErrnoException {
        long result = Libc.lseek(errno, fd, offset, whence);
        if (result < 0) {
            if (Libc.errno(errno) == Libc.ENXIO) {
                return -1;
            }
            throw failure("lseek");
        }
        return result;
    }

    /** Reads up to {@code count} bytes; fewer only at end of file. */
    long read(MemorySegment buffer, long count, long offset) throws ErrnoException {
        long done = 0;
        while (done < count) {
            long n = Libc.pread(errno, fd, buffer.asSlice(done), count - done, offset + done);
            if (n == 0) {
                break;
            }
            if (n < 0) {
                if (Libc.errno(errno) == Libc.EINTR) {
                    continue;
                }
                throw failure("read");
            }
            done += n;
        }
        return done;
    }

    void write(MemorySegment buffer, long count, long offset) throws ErrnoException {
        long done = 0;
        while (done < count) {
            long n = Libc.pwrite(errno, fd, buffer.asSlice(done), count - done, offset + done);
            if (n < 0) {
                if (Libc.errno(errno) == Libc.EINTR) {
                    continue;
                }
                throw failure("write");
            }
            done += n;
        }
    }

    void truncate(long length) throws ErrnoException {
        if (Libc.ftruncate(errno, fd, length) != 0) {
            throw failure("ftruncate");
        }
    }

    /** Makes this file share all of {@code source}'s extents (FICLONE). */
    void cloneFrom(NativeFile source) throws ErrnoException {
        if (Libc.ioctl(errno, fd, Libc.FICLONE, source.fd) != 0) {
            throw failure("ioctl(FICLONE)");
        }
    }

    /** Deallocates the range, which then reads as zeros; the file keeps its size. */
    void punchHole(long offset, long length) throws ErrnoException {
        if (Libc.fallocate(errno, fd, Libc.FALLOC_FL_PUNCH_HOLE | Libc.FALLOC_FL_KEEP_SIZE, offset, length) != 0) {
            throw failure("fallocate(PUNCH_HOLE)");
        }
    }

    /** Fills in a FIEMAP request: where the file's extents lie on the device. */
    void mapExtents(MemorySegment fiemap) throws ErrnoException {
        if (Libc.ioctl(errno, fd, Libc.FS_IOC_FIEMAP, fiemap) != 0) {
            throw failure("ioctl(FS_IOC_FIEMAP)");
        }
    }

    /** Starts writing the range back to disk without waiting for it. */
    void startWriteback(long offset, long length) throws ErrnoException {
        if (Libc.syncFileRange(errno, fd, offset, length, Libc.SYNC_FILE_RANGE_WRITE) != 0) {
            throw failure("sync_file_range");
        }
    }

    /**
     * Waits until the range is on disk, then lets the page cache drop it: a long copy then
     * neither floods memory with dirty pages nor evicts what others cache.
     */
    void finishWriteback(long offset, long length) throws ErrnoException {
        int flags = Libc.SYNC_FILE_RANGE_WAIT_BEFORE | Libc.SYNC_FILE_RANGE_WRITE | Libc.SYNC_FILE_RANGE_WAIT_AFTER;
        if (Libc.syncFileRange(errno, fd, offset, length, flags) != 0) {
            throw failure("sync_file_range");
        }
        forget(offset, length);
    }

    /** Lets the page cache drop the range, so a long scan does not evict what others cache. */
    void forget(long offset, long length) {
        Libc.posixFadvise(fd, offset, length, Libc.POSIX_FADV_DONTNEED); // advice only: failure is harmless
    }

    void sync() throws ErrnoException {
        if (Libc.fsync(errno, fd) != 0) {
            throw failure("fsync");
        }
    }

    private ErrnoException failure(String operation) {
        return new ErrnoException(operation, path, Libc.errno(errno));
    }

    /**
     * Closes the descriptor once; later calls do nothing, so a descriptor number the process
     * reused meanwhile is never closed. A failing close after fsync loses nothing: not reported.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Libc.close(errno, fd);
            arena.close();
        }
    }

    /** What statx said about a file. */
    record Stat(int mode, long size, long allocatedBytes) {

        static Stat of(MemorySegment statx) {
            int mode = Short.toUnsignedInt(statx.get(ValueLayout.JAVA_SHORT, STX_MODE));
            return new Stat(mode, statx.get(ValueLayout.JAVA_LONG, STX_SIZE),
                    statx.get(ValueLayout.JAVA_LONG, STX_BLOCKS) * 512);
        }

        boolean isRegularFile() {
            return (mode & S_IFMT) == S_IFREG;
        }

        int permissions() {
            return mode & 0777;
        }
    }
}
