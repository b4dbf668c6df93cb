package org.liosmis.lio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a directory refuse new files for the duration of a test: mode 0555, and where that does
 * not stop the user (root) the immutable flag. Skips the test where neither works.
 */
public final class ReadOnlyDirectory implements AutoCloseable {

    private final Path dir;
    private boolean immutable;

    public ReadOnlyDirectory(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!refusesNewFiles()) {
            immutable = chattr("+i");
        }
        assumeTrue(refusesNewFiles(), "cannot make " + dir + " read-only for this user");
    }

    private boolean refusesNewFiles() {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private boolean chattr(String flag) throws IOException, InterruptedException {
        Process chattr = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
        chattr.getInputStream().readAllBytes();
        return chattr.waitFor() == 0;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (immutable) {
            chattr("-i");
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
