package org.liosmis.lio.configfs;

import java.nio.file.Path;
import java.util.List;

/**
 * The LIO configfs tree ({@code /sys/kernel/config/target} on a real host). Every path given to
 * or returned by these methods is absolute and lies under {@link #root()}.
 */
public interface ConfigFs {

    /** The directory that plays the role of {@code /sys/kernel/config/target}. */
    Path root();

    boolean exists(Path path);

    boolean isDirectory(Path path);

    boolean isSymlink(Path path);

    /** The attribute's mode lets its owner write it (rtslib saves only such attributes). */
    boolean isWritable(Path attribute);

    /** Names of the entries of a directory, sorted. */
    List<String> list(Path dir) throws ConfigFsException;

    /** The content of an attribute file, as the kernel renders it (usually ending in a newline). */
    String read(Path attribute) throws ConfigFsException;

    /** Writes {@code value} to an attribute file in one write, as {@code echo -n value >} would. */
    void write(Path attribute, String value) throws ConfigFsException;

    void mkdir(Path dir) throws ConfigFsException;

    void rmdir(Path dir) throws ConfigFsException;

    /** Creates {@code link} pointing at {@code target}, which must be absolute (configfs rule). */
    void symlink(Path link, Path target) throws ConfigFsException;

    void unlink(Path link) throws ConfigFsException;

    /** The absolute, normalised path a symlink points at (the kernel itself returns a relative one). */
    Path readlink(Path link) throws ConfigFsException;
}
