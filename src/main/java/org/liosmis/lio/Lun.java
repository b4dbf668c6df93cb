package org.liosmis.lio;

import java.nio.file.Path;

/**
 * A LUN of a fabric TPG ({@code <fabric>/<target>/tpgt_<tag>/lun/lun_<index>}) and the storage
 * object its link points at.
 */
public record Lun(String fabric, String targetWwn, int tpgTag, int index, String alias, Path storageObjectPath) {
}
