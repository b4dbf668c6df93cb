package org.liosmis.lio.configfs;

import java.util.Arrays;
import java.util.Optional;

/** The errno values configfs returns, with the text the C library prints for each. */
public enum Errno {
    EPERM("Operation not permitted"),
    ENOENT("No such file or directory"),
    EIO("Input/output error"),
    ENXIO("No such device or address"),
    ENOMEM("Cannot allocate memory"),
    EACCES("Permission denied"),
    ENOTBLK("Block device required"),
    EBUSY("Device or resource busy"),
    EEXIST("File exists"),
    ENODEV("No such device"),
    ENOTDIR("Not a directory"),
    EISDIR("Is a directory"),
    EINVAL("Invalid argument"),
    ENOSPC("No space left on device"),
    EROFS("Read-only file system"),
    ERANGE("Numerical result out of range"),
    ENAMETOOLONG("File name too long"),
    ENOTEMPTY("Directory not empty"),
    ELOOP("Too many levels of symbolic links"),
    EOVERFLOW("Value too large for defined data type");

    private final String text;

    Errno(String text) {
        this.text = text;
    }

    /** The strerror text, e.g. "Invalid argument". */
    public String text() {
        return text;
    }

    /** The errno whose strerror text is {@code text}, compared without case. */
    public static Optional<Errno> fromText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip();
        return Arrays.stream(values()).filter(e -> e.text.equalsIgnoreCase(wanted)).findFirst();
    }
}
