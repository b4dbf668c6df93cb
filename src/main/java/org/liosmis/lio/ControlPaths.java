package org.liosmis.lio;

import java.nio.file.Path;

/** Checks a path that goes into a storage object's {@code control} file. */
final class ControlPaths {

    private ControlPaths() {
    }

    /**
     * @param owner the storage object's name
     * @param what  what the path is, e.g. "backing file"
     */
    static void validate(String owner, String what, Path path) {
        if (path == null || !path.isAbsolute()) {
            throw new IllegalArgumentException("the " + what + " of '" + owner + "' must be an absolute path, not "
                    + path);
        }
        if (path.toString().contains(",") || path.toString().contains("\n")) {
            throw new IllegalArgumentException("the " + what + " path " + path
                    + " cannot contain ',' or a newline (they separate control parameters)");
        }
    }
}
