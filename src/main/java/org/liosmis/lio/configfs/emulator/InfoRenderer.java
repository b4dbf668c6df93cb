package org.liosmis.lio.configfs.emulator;

import java.nio.file.Path;
import java.util.Map;

/** Renders a storage object's {@code info} file the way the 6.1 target core prints it. */
final class InfoRenderer {

    private static final String INDENT = "        ";

    private InfoRenderer() {
    }

    static String render(String plugin, StorageObjectState so) {
        Map<String, String> control = so.control();
        boolean enabled = so.enabled();
        String header = "Status: " + (so.exported() ? "ACTIVATED" : "DEACTIVATED")
                + "  Max Queue Depth: 0  SectorSize: " + so.attributeOr("attrib/block_size", "0")
                + "  HwMaxSectors: " + so.attributeOr("attrib/hw_max_sectors", "0") + "\n" + INDENT;
        return header + switch (plugin) {
            case "fileio" -> "TCM FILEIO ID: 0" + INDENT + "File: " + control.getOrDefault("fd_dev_name", "")
                    + "  Size: " + control.getOrDefault("fd_dev_size", "0")
                    + "  Mode: " + ("1".equals(control.get("fd_buffered_io")) ? "Buffered-WCE" : "O_DSYNC")
                    + " Async: " + control.getOrDefault("fd_async_io", "0") + "\n";
            case "iblock" -> iblock(control, so);
            case "rd_mcp" -> "TCM RamDisk ID: 0  RamDisk Makeup: rd_mcp\n" + INDENT + "PAGES/PAGE_SIZE: "
                    + control.getOrDefault("rd_pages", "0") + "*4096  SG_table_count: " + (enabled ? 1 : 0)
                    + "  nullio: " + control.getOrDefault("rd_nullio", "0") + " dummy: 0\n";
            case "user" -> "Config: " + control.getOrDefault("dev_config", "NULL") + " Size: "
                    + control.getOrDefault("dev_size", "0")
                    + " MaxDataAreaMB: 1024 DataPagesPerBlk: 1 CmdRingSizeMB: 8\n";
            default -> "SCSI Device Bus Location: Channel ID: 0 Target ID: 0 LUN: 0 Host ID: "
                    + control.getOrDefault("scsi_host_id", "0") + "\n";
        };
    }

    private static String iblock(Map<String, String> control, StorageObjectState so) {
        String udevPath = control.get("udev_path");
        // the device as opened: the kernel prints its own name for it (dm-5 for /dev/vg0/lv)
        BlockDevice device = so.enabled() ? new BlockDevice(so.device().orElse(Path.of(udevPath))) : null;
        StringBuilder info = new StringBuilder();
        if (device != null) {
            info.append("iBlock device: ").append(device.name());
        }
        if (udevPath != null) {
            info.append("  UDEV PATH: ").append(udevPath);
        }
        info.append("  readonly: ").append(control.getOrDefault("readonly", "0")).append('\n').append(INDENT);
        info.append(device != null ? device.majorMinor() + "  CLAIMED: IBLOCK\n" : "Major: 0 Minor: 0\n");
        return info.toString();
    }
}
