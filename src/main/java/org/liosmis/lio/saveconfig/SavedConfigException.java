package org.liosmis.lio.saveconfig;

import java.nio.file.Path;

/** The saved config could not be read or written; the message names the file and the problem. */
public class SavedConfigException extends Exception {

    private final Path file;

    public SavedConfigException(Path file, String problem) {
        this(file, problem, null);
    }

    public SavedConfigException(Path file, String problem, Throwable cause) {
        super("saved config " + file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
