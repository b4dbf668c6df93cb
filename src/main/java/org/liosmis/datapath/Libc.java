package org.liosmis.datapath;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The libc calls the data path needs and Java has no API for, bound through the FFM API.
 * Each call returns the raw result; {@link #errno} reads the errno captured by the last call
 * made with that capture segment. Constants are Linux's generic values (x86_64, aarch64).
 */
final class Libc {

    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    static final int O_DIRECTORY = 0200000;
    static final int O_NOFOLLOW = 0400000;
    static final int O_CLOEXEC = 02000000;
    static final int O_PATH = 010000000;

    static final int SEEK_END = 2;
    static final int SEEK_DATA = 3;
    static final int SEEK_HOLE = 4;

    static final long FICLONE = 0x40049409L;
    static final long FS_IOC_FIEMAP = 0xC020660BL;

    static final int FALLOC_FL_KEEP_SIZE = 1;
    static final int FALLOC_FL_PUNCH_HOLE = 2;

    static final int SYNC_FILE_RANGE_WAIT_BEFORE = 1;
    static final int SYNC_FILE_RANGE_WRITE = 2;
    static final int SYNC_FILE_RANGE_WAIT_AFTER = 4;
    static final int POSIX_FADV_DONTNEED = 4;

    static final int AT_FDCWD = -100;
    static final int AT_EMPTY_PATH = 0x1000;
    static final int RENAME_NOREPLACE = 1;

    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int ENXIO = 6;
    static final int EACCES = 13;
    static final int EPERM = 1;
    static final int EEXIST = 17;
    static final int EXDEV = 18;
    static final int EINVAL = 22;
    static final int ENOSPC = 28;
    static final int EOPNOTSUPP = 95;
    static final int EDQUOT = 122;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final MemoryLayout CAPTURED = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURED.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private static final MethodHandle OPEN = bind("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle FSYNC = bind("fsync", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle LSEEK = bind("lseek",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_INT));
    private static final MethodHandle PREAD = bind("pread",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle PWRITE = bind("pwrite",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle FTRUNCATE = bind("ftruncate",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle SYNC_FILE_RANGE = bind("sync_file_range",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
    // posix_fadvise returns the error number instead of setting errno
    private static final MethodHandle POSIX_FADVISE = LINKER.downcallHandle(LOOKUP.findOrThrow("posix_fadvise"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
    private static final MethodHandle IOCTL = bind("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle IOCTL_POINTER = bind("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle FALLOCATE = bind("fallocate",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle STATX = bind("statx",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle RENAMEAT2 = bind("renameat2",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LINK = bind("link", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle UNLINK = bind("unlink", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(
            LOOKUP.findOrThrow("strerror"), FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Libc() {
    }

    private static MethodHandle bind(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        Linker.Option[] all = new Linker.Option[options.length + 1];
        all[0] = CAPTURE_ERRNO;
        System.arraycopy(options, 0, all, 1, options.length);
        return LINKER.downcallHandle(LOOKUP.findOrThrow(name), descriptor, all);
    }

    /** Room for the errno of one call at a time. */
    static MemorySegment errnoSegment(Arena arena) {
        return arena.allocate(CAPTURED);
    }

    static int errno(MemorySegment captured) {
        return (int) ERRNO.get(captured, 0L);
    }

    static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    static int open(MemorySegment e, MemorySegment path, int flags, int mode) {
        try {
            return (int) OPEN.invokeExact(e, path, flags, mode);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    static int close(MemorySegment e, int fd) {
        try {
            return (int) CLOSE.invokeExact(e, fd);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    static int fsync(MemorySegment e, int fd) {
        try {
            return (int) FSYNC.invokeExact(e, fd);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    static long lseek(MemorySegment e, int fd, long offset, int whence) {
        try {
            return (long) LSEEK.invokeExact(e, fd, offset, whence);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    static long pread(MemorySegment e, int fd, MemorySegment buffer, long count, long offset) {
        try {
            return (long) PREAD.invokeExact(e, fd, buffer, count, offset);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    static long pwrite(MemorySegment e, int fd, MemorySegment buffer, long count, long offset) {
        try {
            return (long) PWRITE.invokeExact(e, fd, buffer, count, offset);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    static int ftruncate(MemorySegment e, int fd, long length) {
        try {
            return (int) FTRUNCATE.invokeExact(e, fd, length);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    static int syncFileRange(MemorySegment e, int fd, long offset, long length, int flags) {
        try {
            return (int) SYNC_FILE_RANGE.invokeExact(e, fd, offset, length, flags);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    static int posixFadvise(int fd, long offset, long length, int advice) {
        try {
            return (int) POSIX_FADVISE.invokeExact(fd, offset, length, advice);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    static int ioctl(MemorySegment e, int fd, long request, int argument) {
        try {
            return (int) IOCTL.invokeExact(e, fd, request, argument);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    /** An ioctl whose argument is a structure the kernel reads and fills in. */
    static int ioctl(MemorySegment e, int fd, long request, MemorySegment argument) {
        try {
            return (int) IOCTL_POINTER.invokeExact(e, fd, request, argument);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    static int fallocate(MemorySegment e, int fd, int mode, long offset, long length) {
        try {
            return (int) FALLOCATE.invokeExact(e, fd, mode, offset, length);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    static int statx(MemorySegment e, int dirFd, MemorySegment path, int flags, int mask, MemorySegment buffer) {
        try {
            return (int) STATX.invokeExact(e, dirFd, path, flags, mask, buffer);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    static int renameat2(MemorySegment e, MemorySegment from, MemorySegment to, int flags) {
        try {
            return (int) RENAMEAT2.invokeExact(e, AT_FDCWD, from, AT_FDCWD, to, flags);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    static int link(MemorySegment e, MemorySegment from, MemorySegment to) {
        try {
            return (int) LINK.invokeExact(e, from, to);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    static int unlink(MemorySegment e, MemorySegment path) {
        try {
            return (int) UNLINK.invokeExact(e, path);
        } catch (Throwable t) {
            throw linkageFailure(t);
        }
    }

    // invokeExact declares Throwable; a downcall itself throws nothing, so any Throwable is a binding bug
    private static RuntimeException linkageFailure(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new IllegalStateException("libc call failed to link", t);
    }
}
