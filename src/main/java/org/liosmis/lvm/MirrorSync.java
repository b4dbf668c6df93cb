package org.liosmis.lvm;

/**
 * How far LVM has synchronised the legs of a raid1 volume, as {@code lvs} reports it.
 *
 * @param percent sync_percent: the share of the volume in sync on every leg
 * @param action  raid_sync_action: "idle", or what the kernel is doing ("resync", "recover", "check", ...)
 */
public record MirrorSync(double percent, String action) {

    /** Every leg holds the same data and the kernel has nothing left to do. */
    public boolean inSync() {
        return percent >= 100 && action.equals("idle");
    }
}
