package org.liosmis.lio.configfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel implementation on a temp dir (no configfs here), and its errno mapping. */
class KernelConfigFsTest {

    @TempDir
    Path root;

    @Test
    void javaReportsKernelErrorsAsTextAndTheTextBecomesTheErrno() {
        // what FileChannel.write throws when configfs refuses a store
        assertEquals(Errno.EINVAL, ErrnoMapping.errnoOf(new IOException("Invalid argument")));
        assertEquals(Errno.EBUSY, ErrnoMapping.errnoOf(new FileSystemException("/x", null, "Device or resource busy")));
        assertEquals(Errno.EPERM, ErrnoMapping.errnoOf(
                new FileSystemException("/sys/kernel/config/target/core/fileio_3/vol1/attrib: Operation not permitted")));
        assertEquals(Errno.ENODEV, ErrnoMapping.errnoOf(new FileSystemException("/l", "/t", "No such device")));
        assertEquals(Errno.EEXIST, ErrnoMapping.errnoOf(new IOException("File exists")));
        assertEquals(Errno.ENOTEMPTY, ErrnoMapping.errnoOf(new FileSystemException("/d", null, "Directory not empty")));
        assertEquals(Errno.EACCES, ErrnoMapping.errnoOf(new AccessDeniedException("/x")));
        assertEquals(Errno.EIO, ErrnoMapping.errnoOf(new IOException("something unheard of")));
    }

    @Test
    void realFileSystemFailuresComeBackWithErrnoPathAndOperation() throws Exception {
        KernelConfigFs fs = new KernelConfigFs(root);
        fs.mkdir(root.resolve("core"));
        ConfigFsException exists = assertThrows(ConfigFsException.class, () -> fs.mkdir(root.resolve("core")));
        assertEquals(Errno.EEXIST, exists.errno());
        assertEquals("mkdir", exists.operation());
        assertEquals(root.resolve("core"), exists.path());
        assertTrue(exists.getMessage().contains("EEXIST (File exists)"), exists.getMessage());

        fs.mkdir(root.resolve("core/fileio_0"));
        assertEquals(Errno.ENOTEMPTY, assertThrows(ConfigFsException.class, () -> fs.rmdir(root.resolve("core"))).errno());
        assertEquals(Errno.ENOENT, assertThrows(ConfigFsException.class,
                () -> fs.read(root.resolve("core/nothing"))).errno());
        assertEquals(Errno.ENOENT, assertThrows(ConfigFsException.class,
                () -> fs.mkdir(root.resolve("no/parent"))).errno());
    }

    @Test
    void attributesLinksAndListing() throws Exception {
        KernelConfigFs fs = new KernelConfigFs(root);
        Files.createDirectories(root.resolve("core/fileio_0/vol1"));
        Files.writeString(root.resolve("core/fileio_0/vol1/enable"), "0\n");
        fs.write(root.resolve("core/fileio_0/vol1/enable"), "1\n");
        assertEquals("1\n", fs.read(root.resolve("core/fileio_0/vol1/enable")));
        assertEquals(List.of("enable"), fs.list(root.resolve("core/fileio_0/vol1")));
        Files.createDirectories(root.resolve("iscsi/t/tpgt_1/lun/lun_0"));
        Path link = root.resolve("iscsi/t/tpgt_1/lun/lun_0/port0");
        fs.symlink(link, root.resolve("core/fileio_0/vol1"));
        assertTrue(fs.isSymlink(link));
        assertEquals(root.resolve("core/fileio_0/vol1"), fs.readlink(link));
        assertEquals(Errno.EPERM, assertThrows(ConfigFsException.class,
                () -> fs.unlink(root.resolve("core/fileio_0/vol1/enable"))).errno());
        fs.unlink(link);
        assertEquals(Errno.ENOTDIR, assertThrows(ConfigFsException.class,
                () -> fs.rmdir(root.resolve("core/fileio_0/vol1/enable"))).errno());
    }
}
