package org.liosmis.lio.saveconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The saved config targetcli wrote on a real 6.1 kernel (one block object, one iSCSI target). */
public final class RealSavedConfig {

    private RealSavedConfig() {
    }

    public static byte[] bytes() {
        try (InputStream in = RealSavedConfig.class.getResourceAsStream("real-saveconfig.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies it to {@code file} and returns the file. */
    public static Path copyTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes());
    }
}
