package org.liosmis.lio;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a storage object's {@code info} file says, e.g. for fileio
 * {@code Status: ACTIVATED  Max Queue Depth: 0  SectorSize: 512  HwMaxSectors: 16384
 *         TCM FILEIO ID: 0        File: /tmp/vol1.img  Size: 67108864  Mode: O_DSYNC Async: 0}.
 *
 * @param activated   "Status: ACTIVATED": a LUN exports the object
 * @param sectorSize  the block size the kernel uses (0 before enable)
 * @param backingPath the fileio file or the iblock UDEV PATH, when shown
 * @param sizeBytes   fileio Size, rd_mcp pages times page size, user Size; iblock shows none
 * @param writeBack   fileio Mode Buffered-WCE
 */
public record StorageObjectInfo(boolean activated, long sectorSize, Optional<String> backingPath,
        OptionalLong sizeBytes, boolean writeBack) {

    private static final Pattern STATUS = Pattern.compile("Status: (\\S+)");
    private static final Pattern SECTOR_SIZE = Pattern.compile("SectorSize: (\\d+)");
    private static final Pattern FILEIO = Pattern.compile("File: (.*?)\\s+Size: (\\d+)\\s+Mode: (\\S+)");
    private static final Pattern UDEV_PATH = Pattern.compile("UDEV PATH: (.*?)\\s+readonly:");
    private static final Pattern RAMDISK = Pattern.compile("PAGES/PAGE_SIZE: (\\d+)\\*(\\d+)");
    private static final Pattern USER = Pattern.compile("Config: (\\S+) Size: (\\d+)");

    public static StorageObjectInfo parse(String info) {
        boolean activated = find(STATUS, info).map(m -> m.group(1).equals("ACTIVATED")).orElse(false);
        long sectorSize = find(SECTOR_SIZE, info).map(m -> Long.parseLong(m.group(1))).orElse(0L);
        Optional<Matcher> fileio = find(FILEIO, info);
        if (fileio.isPresent()) {
            Matcher m = fileio.get();
            return new StorageObjectInfo(activated, sectorSize, nonEmpty(m.group(1).strip()),
                    OptionalLong.of(Long.parseLong(m.group(2))), m.group(3).equals("Buffered-WCE"));
        }
        Optional<Matcher> ramdisk = find(RAMDISK, info);
        if (ramdisk.isPresent()) {
            long bytes = Long.parseLong(ramdisk.get().group(1)) * Long.parseLong(ramdisk.get().group(2));
            return new StorageObjectInfo(activated, sectorSize, Optional.empty(), OptionalLong.of(bytes), false);
        }
        Optional<Matcher> user = find(USER, info);
        if (user.isPresent()) {
            return new StorageObjectInfo(activated, sectorSize, Optional.empty(),
                    OptionalLong.of(Long.parseLong(user.get().group(2))), false);
        }
        Optional<String> udevPath = find(UDEV_PATH, info).flatMap(m -> nonEmpty(m.group(1).strip()));
        return new StorageObjectInfo(activated, sectorSize, udevPath, OptionalLong.empty(), false);
    }

    private static Optional<Matcher> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
