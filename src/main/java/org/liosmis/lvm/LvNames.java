package org.liosmis.lvm;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** LVM's rules for logical volume names, and the device paths that name a logical volume. */
public final class LvNames {

    /** Substrings LVM keeps for its own hidden volumes (lvm(8), "VALID NAMES"). */
    private static final List<String> RESERVED_PARTS = List.of("_cdata", "_cmeta", "_corig", "_cpool", "_cvol",
            "_imeta", "_iorig", "_mimage", "_mlog", "_pmspare", "_rimage", "_rmeta", "_tdata", "_tmeta", "_vdata",
            "_vorigin", "_wcorig");
    private static final List<String> RESERVED_PREFIXES = List.of("snapshot", "pvmove");
    private static final String VALID = "[A-Za-z0-9+_.-]+";

    private LvNames() {
    }

    /** The name made acceptable to LVM: reserved parts turned harmless, a reserved prefix moved. */
    public static String safe(String name) {
        String safe = name;
        for (String part : RESERVED_PARTS) {
            safe = safe.replace(part, "-" + part.substring(1));
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (safe.startsWith(prefix)) {
                safe = "lv-" + safe;
            }
        }
        return safe;
    }

    /** Whether a volume group or thin pool name, as given by an administrator, is one LVM accepts. */
    public static boolean valid(String name) {
        return name.matches(VALID) && !name.startsWith("-") && !name.equals(".") && !name.equals("..");
    }

    /** The device node of a logical volume, as udev (or LVM without udev) makes it; targetcli uses it too. */
    public static Path device(String volumeGroup, String logicalVolume) {
        return Path.of("/dev", volumeGroup, logicalVolume);
    }

    /** A volume's device-mapper name: VG-LV, each '-' inside either name doubled so the one between them stands out. */
    public static String mapperName(String volumeGroup, String logicalVolume) {
        return volumeGroup.replace("-", "--") + "-" + logicalVolume.replace("-", "--");
    }

    /** A volume's device-mapper node, which LVM makes even without udev. */
    public static Path mapped(String volumeGroup, String logicalVolume) {
        return Path.of("/dev/mapper", mapperName(volumeGroup, logicalVolume));
    }

    /** The raid1 image a two-legged volume's added leg is: after a tracked split it is a visible, read-only volume. */
    public static String mirrorLeg(String logicalVolume) {
        return logicalVolume + "_rimage_1";
    }

    /** A logical volume named by its device path: /dev/VG/LV, or /dev/mapper/VG-LV with '-' doubled inside names. */
    public record Named(String volumeGroup, String logicalVolume) {
    }

    public static Optional<Named> ofDevice(Path device) {
        Path path = device.normalize();
        if (path.getNameCount() == 3 && path.startsWith("/dev") && !path.getName(1).toString().equals("mapper")) {
            return Optional.of(new Named(path.getName(1).toString(), path.getName(2).toString()));
        }
        if (path.getNameCount() == 3 && path.startsWith("/dev/mapper")) {
            String dm = path.getFileName().toString();
            for (int i = 0; i < dm.length(); i++) {
                if (dm.charAt(i) == '-') {
                    if (i + 1 < dm.length() && dm.charAt(i + 1) == '-') {
                        i++;
                    } else {
                        return Optional.of(new Named(dm.substring(0, i).replace("--", "-"),
                                dm.substring(i + 1).replace("--", "-")));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
