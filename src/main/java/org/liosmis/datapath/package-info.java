/**
 * The data path of replicas: making a replica's data from its source's.
 *
 * <p>{@link org.liosmis.datapath.FileReplicator} clones a file instantly where the filesystem
 * shares extents (FICLONE on XFS with reflink or btrfs) and otherwise copies it, data ranges
 * only, so a thin volume's replica stays thin. A block replica on thick LVM is a byte-for-byte
 * copy from one device onto another. Files and devices only: no LIO, no LVM, no CIM. The kernel calls Java
 * has no API for (FICLONE, SEEK_DATA/SEEK_HOLE, statx, RENAME_NOREPLACE, sync_file_range) go
 * through the FFM API, so the JVM needs {@code --enable-native-access=ALL-UNNAMED}.
 */
package org.liosmis.datapath;
