package org.liosmis.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real filesystem of its own for a test: a sparse image file, made into a loop device and
 * mounted. {@link #close} unmounts, detaches and deletes everything, also after a failed
 * setup. Needs root, /dev/loop-control and the filesystem's mkfs.
 */
public final class LoopFilesystem implements AutoCloseable {

    private final Path image;
    private final Path mountPoint;
    private String device;
    private boolean mounted;
    private boolean frozen;

    private LoopFilesystem(Path image, Path mountPoint) {
        this.image = image;
        this.mountPoint = mountPoint;
    }

    /** An XFS with reflink (copy-on-write clones); XFS needs at least 300 MiB. */
    public static LoopFilesystem xfsWithReflink(Path workDirectory, long sizeBytes) throws IOException {
        String mkfs = Commands.require("mkfs.xfs", "xfsprogs");
        return create(workDirectory, "xfs", sizeBytes, List.of(mkfs, "-q", "-m", "reflink=1"));
    }

    /** An ext4 without blocks reserved for root, so root runs out of space where others would. */
    public static LoopFilesystem ext4(Path workDirectory, long sizeBytes) throws IOException {
        String mkfs = Commands.require("mkfs.ext4", "e2fsprogs");
        return create(workDirectory, "ext4", sizeBytes, List.of(mkfs, "-q", "-F", "-m", "0"));
    }

    private static LoopFilesystem create(Path workDirectory, String type, long sizeBytes, List<String> mkfs)
            throws IOException {
        requireLoopDevices();
        LoopFilesystem fs = new LoopFilesystem(workDirectory.resolve(type + ".img"), workDirectory.resolve(type));
        try {
            try (RandomAccessFile file = new RandomAccessFile(fs.image.toFile(), "rw")) {
                file.setLength(sizeBytes);
            }
            List<String> command = new ArrayList<>(mkfs);
            command.add(fs.image.toString());
            Commands.run(command.toArray(String[]::new));
            fs.device = Commands.run(Commands.require("losetup", "mount"), "-f", "--show", fs.image.toString());
            Files.createDirectories(fs.mountPoint);
            Commands.run(Commands.require("mount", "mount"), "-t", type, fs.device, fs.mountPoint.toString());
            fs.mounted = true;
            return fs;
        } catch (IOException | RuntimeException | Error e) {
            fs.close();
            throw e;
        }
    }

    private static void requireLoopDevices() {
        if (!"0".equals(Commands.run("id", "-u"))) {
            throw new AssertionError("loop-mounted filesystem tests need root (mount, losetup)");
        }
        if (!Files.exists(Path.of("/dev/loop-control"))) {
            throw new AssertionError("no /dev/loop-control: load the loop module (modprobe loop)"
                    + " or run the container privileged");
        }
    }

    public Path root() {
        return mountPoint;
    }

    /** Deletes every file in the filesystem's root, so the next test starts on an empty one. */
    public void deleteFiles() throws IOException {
        try (Stream<Path> files = Files.list(mountPoint)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    /** Bytes in use: what the filesystem reports as neither free nor reserved. */
    public long usedBytes() throws IOException {
        var store = Files.getFileStore(mountPoint);
        return store.getTotalSpace() - store.getUnallocatedSpace();
    }

    public long freeBytes() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    /** Suspends every write to the filesystem (writers block) until {@link #thaw}; reads go on. */
    public void freeze() {
        Commands.run(Commands.require("fsfreeze", "util-linux"), "--freeze", mountPoint.toString());
        frozen = true;
    }

    public void thaw() {
        if (frozen) {
            Commands.run(Commands.require("fsfreeze", "util-linux"), "--unfreeze", mountPoint.toString());
            frozen = false;
        }
    }

    @Override
    public void close() {
        try {
            thaw(); // a frozen filesystem cannot be unmounted
            if (mounted) {
                Commands.run(Commands.require("umount", "mount"), mountPoint.toString());
                mounted = false;
            }
        } finally {
            try {
                if (device != null) {
                    Commands.run(Commands.require("losetup", "mount"), "-d", device);
                    device = null;
                }
            } finally {
                try {
                    Files.deleteIfExists(image);
                    Files.deleteIfExists(mountPoint);
                } catch (IOException e) {
                    throw new AssertionError("cannot delete " + image + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
