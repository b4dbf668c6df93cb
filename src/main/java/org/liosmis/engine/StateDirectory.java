package org.liosmis.engine;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The directory lio-smis keeps its state in: the database, credentials, keys. */
public final class StateDirectory {

    private StateDirectory() {
    }

    /** Creates the directory if missing, readable by its owner only; an existing one keeps its mode. */
    public static Path create(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            Files.createDirectories(absolute.getParent());
            try {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(absolute)) {
                    throw e;
                }
            }
        }
        return absolute;
    }
}
