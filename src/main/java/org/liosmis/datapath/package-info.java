/**
 * The data path of fileio replicas: making a replica's backing file from its source's.
 *
 * <p>{@link org.liosmis.datapath.FileReplicator} clones a file instantly where the filesystem
 * shares extents (FICLONE on XFS with reflink or btrfs) and otherwise copies it, data ranges
 * only, so a thin volume's replica stays thin. Files only: no LIO, no CIM. The kernel calls Java
 * has no API for (FICLONE, SEEK_DATA/SEEK_HOLE, statx, RENAME_NOREPLACE, sync_file_range) go
 * through the FFM API, so the JVM needs {@code --enable-native-access=ALL-UNNAMED}.
 */
package org.liosmis.datapath;
