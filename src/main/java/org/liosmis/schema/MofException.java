package org.liosmis.schema;

/** A MOF text that cannot be compiled, located at the file and line where the problem is. */
public final class MofException extends RuntimeException {

    private final String file;
    private final int line;

    public MofException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public MofException(String file, int line, String message, Throwable cause) {
        super(file + ":" + line + ": " + message, cause);
        this.file = file;
        this.line = line;
    }

    /** The MOF file name as it was included. */
    public String file() {
        return file;
    }

    /** The 1-based line number in that file. */
    public int line() {
        return line;
    }
}
