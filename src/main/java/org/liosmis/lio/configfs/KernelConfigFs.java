package org.liosmis.lio.configfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;

/** The real configfs, reached through java.nio. Kernel refusals become {@link ConfigFsException}s. */
public final class KernelConfigFs implements ConfigFs {

    /** Where the kernel mounts the LIO tree. */
    public static final Path DEFAULT_ROOT = Path.of("/sys/kernel/config/target");

    private final Path root;

    public KernelConfigFs() {
        this(DEFAULT_ROOT);
    }

    public KernelConfigFs(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public boolean isDirectory(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public boolean isSymlink(Path path) {
        return Files.isSymbolicLink(path);
    }

    @Override
    public boolean isWritable(Path attribute) {
        try {
            return Files.getPosixFilePermissions(attribute, LinkOption.NOFOLLOW_LINKS)
                    .contains(PosixFilePermission.OWNER_WRITE);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public List<String> list(Path dir) throws ConfigFsException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw failure("list", dir, e);
        } catch (UncheckedIOException e) {
            // readdir failing after the open, as when the directory is removed meanwhile
            throw failure("list", dir, e.getCause());
        }
    }

    @Override
    public String read(Path attribute) throws ConfigFsException {
        try {
            return Files.readString(attribute, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure("read", attribute, e);
        }
    }

    @Override
    public void write(Path attribute, String value) throws ConfigFsException {
        // configfs applies each write() call on its own: send the value in one buffer.
        // CREATE like the shell and rtslib do, so a missing attribute yields the kernel's EACCES.
        try (FileChannel channel = FileChannel.open(attribute, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw failure("write", attribute, e);
        }
    }

    @Override
    public void mkdir(Path dir) throws ConfigFsException {
        try {
            Files.createDirectory(dir);
        } catch (IOException e) {
            throw failure("mkdir", dir, e);
        }
    }

    @Override
    public void rmdir(Path dir) throws ConfigFsException {
        if (!isDirectory(dir)) {
            // Files.delete would unlink a file; rmdir(2) refuses.
            throw new ConfigFsException(exists(dir) ? Errno.ENOTDIR : Errno.ENOENT, "rmdir", dir, null);
        }
        try {
            Files.delete(dir);
        } catch (IOException e) {
            throw failure("rmdir", dir, e);
        }
    }

    @Override
    public void symlink(Path link, Path target) throws ConfigFsException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw failure("symlink", link, e);
        }
    }

    @Override
    public void unlink(Path link) throws ConfigFsException {
        if (!isSymlink(link)) {
            throw new ConfigFsException(exists(link) ? Errno.EPERM : Errno.ENOENT, "unlink", link,
                    "only symlinks can be removed with unlink");
        }
        try {
            Files.delete(link);
        } catch (IOException e) {
            throw failure("unlink", link, e);
        }
    }

    @Override
    public Path readlink(Path link) throws ConfigFsException {
        try {
            return link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
        } catch (IOException e) {
            throw failure("readlink", link, e);
        }
    }

    private static ConfigFsException failure(String operation, Path path, IOException e) {
        Errno errno = ErrnoMapping.errnoOf(e);
        return new ConfigFsException(errno, operation, path, KernelHints.hint(errno, operation), e);
    }
}
