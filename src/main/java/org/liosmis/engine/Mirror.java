package org.liosmis.engine;

/**
 * What a mirror needs beyond its {@link Replica} relationship: where its target's data is, the
 * identity the target's storage object gets whenever it has one, and an async mirror's cycles.
 *
 * @param targetPath   the target's data: a sync mirror's raid1 leg, an async mirror's file or logical volume
 * @param unitSerial   the VPD unit serial the target's storage object gets, so its NAA name never changes
 * @param cycleImage   async: the point-in-time image of the source the target was last made equal to, or null
 * @param fullCompare  async: the next cycle compares every block, as the target may have been written
 * @param shippedBytes async: what the last cycle wrote to the target
 * @param cycleMillis  async: how long the last cycle took
 * @param brokenReason why the mirror cannot go on, or null
 */
public record Mirror(String targetId, String targetPath, long sizeBytes, String unitSerial, String cycleImage,
                     boolean fullCompare, long shippedBytes, long cycleMillis, String brokenReason) {

    /** A new mirror, its target not yet in step. */
    static Mirror of(String targetId, String targetPath, long sizeBytes, String unitSerial) {
        return new Mirror(targetId, targetPath, sizeBytes, unitSerial, null, false, 0, 0, null);
    }

    Mirror broken(String reason) {
        return new Mirror(targetId, targetPath, sizeBytes, unitSerial, cycleImage, fullCompare, shippedBytes,
                cycleMillis, reason);
    }

    Mirror comparingAll() {
        return new Mirror(targetId, targetPath, sizeBytes, unitSerial, cycleImage, true, shippedBytes, cycleMillis,
                brokenReason);
    }

    /** After a cycle: the target equals {@code image}. */
    Mirror cycled(String image, long shipped, long millis) {
        return new Mirror(targetId, targetPath, sizeBytes, unitSerial, image, false, shipped, millis, null);
    }
}
