package org.liosmis.lvm;

/** A volume group as {@code vgs} reports it, sizes in bytes. */
public record VolumeGroup(String name, long sizeBytes, long freeBytes) {
}
