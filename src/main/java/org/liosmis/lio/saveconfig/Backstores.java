package org.liosmis.lio.saveconfig;

import java.util.Optional;
import org.liosmis.lio.Plugin;

/**
 * targetcli's backstore names for the target core plugins, as the saved config's "plugin" key
 * spells them; restore also accepts the configfs names iblock and rd_mcp.
 */
public final class Backstores {

    private Backstores() {
    }

    public static String name(Plugin plugin) {
        return switch (plugin) {
            case FILEIO -> "fileio";
            case IBLOCK -> "block";
            case RD_MCP -> "ramdisk";
            case PSCSI -> "pscsi";
            case USER -> "user";
        };
    }

    public static Optional<Plugin> plugin(String backstore) {
        return switch (backstore) {
            case "fileio" -> Optional.of(Plugin.FILEIO);
            case "block", "iblock" -> Optional.of(Plugin.IBLOCK);
            case "ramdisk", "rd_mcp" -> Optional.of(Plugin.RD_MCP);
            case "pscsi" -> Optional.of(Plugin.PSCSI);
            case "user" -> Optional.of(Plugin.USER);
            default -> Optional.empty();
        };
    }
}
