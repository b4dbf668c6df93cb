package org.liosmis.engine;

import java.util.UUID;

/**
 * The VPD unit serial lio-smis gives the storage objects it makes: "lio-smis-" and a random
 * UUID. LIO keeps it in configfs and targetcli saves it as the object's wwn, so lio-smis knows
 * its own objects without its database. The prefix holds no hex digit, so the NAA identifier
 * LIO derives from the serial is as random as from targetcli's plain UUID; objects made before
 * keep the serial they have.
 */
final class LioSmisSerial {

    private static final String PREFIX = "lio-smis-";

    private LioSmisSerial() {
    }

    static String generate() {
        return PREFIX + UUID.randomUUID();
    }

    static boolean marks(String unitSerial) {
        return unitSerial != null && unitSerial.startsWith(PREFIX);
    }
}
