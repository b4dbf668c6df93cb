package org.liosmis.datapath;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Makes the data of a replica. For a fileio replica's backing file: an instant copy-on-write
 * clone where the filesystem shares extents (XFS with reflink, btrfs), else a full sparse-aware
 * copy. For a block replica: every byte of one device onto another.
 *
 * <p>File copies write under a hidden partial name beside the target, fsync, and rename to the
 * target only when complete, never replacing an existing file or following a symlink there;
 * on any failure the partial file is deleted. The source is only read. Thread-safe.
 */
public final class FileReplicator {

    private static final int CHUNK_BYTES = 1 << 20;
    private static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofMillis(200);

    private final long progressIntervalNanos;

    /** Reports progress at most every 200 ms. */
    public FileReplicator() {
        this(DEFAULT_PROGRESS_INTERVAL);
    }

    /** Reports progress at most once per {@code progressInterval} (plus the first and last report). */
    public FileReplicator(Duration progressInterval) {
        this.progressIntervalNanos = ThrottledProgress.intervalNanos(progressInterval);
    }

    /**
     * Clones {@code source} to {@code target} with FICLONE: instant, sharing all extents until
     * either file is written.
     *
     * @return false, leaving nothing behind, when the filesystem cannot clone (ext4, or the
     *     target on another filesystem); then {@link #copy} is the way
     * @throws FileAlreadyExistsException if the target exists (even as a dangling symlink)
     * @throws NoSpaceException if the filesystem has no room for the clone's metadata
     */
    public boolean reflink(Path source, Path target) throws IOException {
        refuseExisting(target);
        long free = Files.getFileStore(directoryOf(target)).getUsableSpace();
        try (NativeFile from = openSource(source);
                PartialFile partial = PartialFile.create(target, from.stat().permissions())) {
            try {
                partial.file().cloneFrom(from);
            } catch (ErrnoException e) {
                if (cannotClone(e.errno())) {
                    return false;
                }
                throw e;
            }
            partial.publish();
            return true;
        } catch (ErrnoException e) {
            throw translated(e, target, 0, free);
        }
    }

    /**
     * Clones all of {@code source} over the existing file {@code target} in place: the inode stays,
     * so whoever holds the target open (LIO's fileio storage object) reads the source's data at
     * once, without reopening it. The kernel locks both files and drops the target's cached pages
     * for the swap, so a write racing it lands wholly before or after.
     *
     * @return false, the target unchanged, when the filesystem cannot clone
     */
    public boolean reflinkOver(Path source, Path target) throws IOException {
        try (NativeFile from = openSource(source); NativeFile to = NativeFile.open(target, Libc.O_WRONLY, 0)) {
            try {
                to.cloneFrom(from);
            } catch (ErrnoException e) {
                if (cannotClone(e.errno())) {
                    return false;
                }
                throw e;
            }
            return true;
        } catch (ErrnoException e) {
            throw translated(e);
        }
    }

    private static boolean cannotClone(int errno) {
        return errno == Libc.EOPNOTSUPP || errno == Libc.EXDEV || errno == Libc.EINVAL;
    }

    /**
     * Copies all data of {@code source} to the new file {@code target}; holes stay holes, so
     * the target allocates what the source does. Blocks are not shared even where the
     * filesystem could (use {@link #reflink} for that). Preallocated but never written
     * extents of the source read as holes, so they stay unallocated in the target.
     *
     * @throws FileAlreadyExistsException if the target exists (even as a dangling symlink)
     * @throws NoSpaceException if the target's filesystem is, or becomes, too full
     * @throws CopyCancelledException if {@code cancel} was cancelled before the copy finished
     * @throws java.io.InterruptedIOException if the thread was interrupted (the flag stays set)
     */
    public void copy(Path source, Path target, CopyProgress progress, CancelToken cancel) throws IOException {
        refuseExisting(target);
        long free = Files.getFileStore(directoryOf(target)).getUsableSpace();
        long needed = 0;
        try (NativeFile from = openSource(source)) {
            NativeFile.Stat stat = from.stat();
            ByteRanges data = DataRanges.of(from, stat.size());
            needed = data.totalBytes();
            if (needed > free) {
                throw new NoSpaceException(directoryOf(target), needed, free, null);
            }
            try (PartialFile partial = PartialFile.create(target, stat.permissions())) {
                // writes inside EOF never extend it, so XFS does not preallocate past them into the holes
                // (extending writes left 248 MiB allocated for 128 MiB of data; these allocate exactly 128)
                partial.file().truncate(stat.size());
                new SparseCopy(from, partial.file(), data, CHUNK_BYTES, false)
                        .run(new ThrottledProgress(progress, progressIntervalNanos, needed), cancel);
                partial.publish();
            }
        } catch (ErrnoException e) {
            throw translated(e, target, needed, free);
        }
    }

    /**
     * Copies the first {@code length} bytes of a block device (or file) onto an existing block
     * device of at least that size, and flushes them to stable storage. The target's old content
     * is overwritten; nothing is created or removed.
     *
     * @param targetReadsZeros the target reads as zeros where never written (a new thin volume):
     *     chunks of zeros are then skipped, so a thin target allocates only the source's data
     *
     * @throws CopyCancelledException if {@code cancel} was cancelled before the copy finished
     * @throws java.io.InterruptedIOException if the thread was interrupted (the flag stays set)
     */
    public void copyToDevice(Path source, Path targetDevice, long length, boolean targetReadsZeros,
                             CopyProgress progress, CancelToken cancel) throws IOException {
        try (NativeFile from = NativeFile.open(source, Libc.O_RDONLY, 0);
                NativeFile to = NativeFile.open(targetDevice, Libc.O_WRONLY, 0)) {
            ByteRanges whole = ByteRanges.of(new ByteRange(0, length));
            new SparseCopy(from, to, whole, CHUNK_BYTES, targetReadsZeros)
                    .run(new ThrottledProgress(progress, progressIntervalNanos, length), cancel);
            to.sync();
        } catch (ErrnoException e) {
            throw translated(e);
        }
    }

    /**
     * Writes every byte of {@code source} over the first bytes of the existing file {@code target}
     * in place (holes as zeros), then flushes it: the inode stays, so whoever holds the target open
     * reads the new data without reopening it. A longer target keeps its length and the bytes past
     * the source's, as a clone over it ({@link #reflinkOver}) does.
     */
    public void copyOver(Path source, Path target, CopyProgress progress, CancelToken cancel) throws IOException {
        copyToDevice(source, target, Files.size(source), false, progress, cancel);
    }

    /** The bytes the file occupies on disk (st_blocks × 512): less than its size when sparse. */
    public static long allocatedBytes(Path file) throws IOException {
        try (NativeFile opened = NativeFile.open(file, Libc.O_PATH, 0)) {
            return opened.stat().allocatedBytes();
        } catch (ErrnoException e) {
            throw translated(e);
        }
    }

    /** Whether the file is an unfinished replica (a crash can leave one); safe to delete then. */
    public static boolean isPartialFile(Path file) {
        return PartialFile.isPartial(file);
    }

    private static NativeFile openSource(Path source) throws IOException {
        NativeFile file = NativeFile.open(source, Libc.O_RDONLY, 0);
        try {
            if (!file.stat().isRegularFile()) {
                throw new IOException(source + " is not a regular file");
            }
            return file;
        } catch (IOException e) {
            file.close();
            throw e;
        }
    }

    private static void refuseExisting(Path target) throws FileAlreadyExistsException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
    }

    private static Path directoryOf(Path target) {
        return target.toAbsolutePath().getParent();
    }

    private static IOException translated(ErrnoException e, Path target, long needed, long free) {
        return e.isNoSpace() ? new NoSpaceException(directoryOf(target), needed, free, e) : translated(e);
    }

    private static IOException translated(ErrnoException e) {
        String file = e.file().toString();
        return switch (e.errno()) {
            case Libc.ENOENT -> new NoSuchFileException(file, null, e.getMessage());
            case Libc.EACCES, Libc.EPERM -> new AccessDeniedException(file, null, e.getMessage());
            case Libc.EEXIST -> new FileAlreadyExistsException(file, null, e.getMessage());
            default -> e;
        };
    }
}
