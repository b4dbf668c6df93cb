/**
 * The data path of replicas: making a replica's data from its source's.
 *
 * <p>{@link org.liosmis.datapath.FileReplicator} clones a file instantly where the filesystem
 * shares extents (FICLONE on XFS with reflink or btrfs) and otherwise copies it, data ranges
 * only, so a thin volume's replica stays thin. A block replica on thick LVM is a byte-for-byte
 * copy from one device onto another.
 *
 * <p>An asynchronous mirror ships only what changed between its cycles:
 * {@link org.liosmis.datapath.CloneDelta} finds it from the extent maps of two reflink clones,
 * {@link org.liosmis.datapath.BlockCompare} by reading image and target where extents cannot be
 * shared, and {@link org.liosmis.datapath.RangeShipper} writes those
 * {@link org.liosmis.datapath.ByteRanges} onto the target.
 *
 * <p>Files and devices only: no LIO, no LVM, no CIM. The kernel calls Java has no API for
 * (FICLONE, FIEMAP, SEEK_DATA/SEEK_HOLE, hole punching, statx, RENAME_NOREPLACE, sync_file_range) go
 * through the FFM API, so the JVM needs {@code --enable-native-access=ALL-UNNAMED}.
 */
package org.liosmis.datapath;
