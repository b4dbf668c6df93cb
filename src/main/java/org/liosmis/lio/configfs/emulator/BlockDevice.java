package org.liosmis.lio.configfs.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The device an iblock object opens on enable, as the kernel sees it: by its real path (the
 * kernel names /dev/vg0/lv by its dm-N), its device numbers, and the attributes the target core
 * takes from its queue limits (iblock_configure_device), read from sysfs. A regular file may
 * stand in for a device where there are no loop devices; it has no numbers and no queue.
 */
record BlockDevice(Path path) {

    private static final Path SYS_DEV_BLOCK = Path.of("/sys/dev/block");
    private static final int S_IFMT = 0170000;
    private static final int S_IFBLK = 0060000;
    private static final long SECTOR = 512;

    String name() {
        return path.getFileName().toString();
    }

    /** "major:minor" of a block device, null for a stand-in file or a device gone since. */
    private String numbers() {
        try {
            Map<String, Object> stat = Files.readAttributes(path, "unix:mode,rdev");
            if (((Integer) stat.get("mode") & S_IFMT) != S_IFBLK) {
                return null;
            }
            // glibc's gnu_dev_major / gnu_dev_minor
            long rdev = (Long) stat.get("rdev");
            return ((rdev >>> 8 & 0xfff) | (rdev >>> 32 & 0xfffff000L)) + ":"
                    + ((rdev & 0xff) | (rdev >>> 12 & 0xffffff00L));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** info's second iblock line: "Major: 7 Minor: 0", zeros for a stand-in file. */
    String majorMinor() {
        String numbers = numbers();
        String[] majorMinor = (numbers == null ? "0:0" : numbers).split(":");
        return "Major: " + majorMinor[0] + " Minor: " + majorMinor[1];
    }

    /** The attributes enable sets from the device's queue limits; none for a stand-in file. */
    Map<String, String> queueAttributes() throws IOException {
        Map<String, String> attributes = new LinkedHashMap<>();
        String numbers = numbers();
        if (numbers == null || !Files.isDirectory(SYS_DEV_BLOCK.resolve(numbers).resolve("queue"))) {
            return attributes;
        }
        Path device = SYS_DEV_BLOCK.resolve(numbers);
        long blockSize = read(device, "queue/logical_block_size");
        long maxSectors = read(device, "queue/max_hw_sectors_kb") * 2;
        // target_configure_device aligns the transfer size down to whole pages
        maxSectors -= maxSectors % Math.max(1, 4096 / blockSize);
        attributes.put("hw_block_size", Long.toString(blockSize));
        attributes.put("block_size", Long.toString(blockSize));
        attributes.put("hw_max_sectors", Long.toString(maxSectors));
        attributes.put("optimal_sectors", Long.toString(maxSectors));
        attributes.put("hw_queue_depth", Long.toString(read(device, "queue/nr_requests")));
        attributes.put("queue_depth", Long.toString(read(device, "queue/nr_requests")));
        long discardBytes = read(device, "queue/discard_max_bytes");
        if (discardBytes > 0) {
            // target_configure_unmap_from_queue: a device that discards can UNMAP
            attributes.put("max_unmap_lba_count", Long.toString(discardBytes / blockSize));
            attributes.put("max_unmap_block_desc_count", "1");
            attributes.put("unmap_granularity", Long.toString(read(device, "queue/discard_granularity") / blockSize));
            attributes.put("unmap_granularity_alignment", Long.toString(read(device, "discard_alignment") / blockSize));
        }
        long writeZeroesSectors = read(device, "queue/write_zeroes_max_bytes") / SECTOR;
        attributes.put("max_write_same_len", Long.toString(writeZeroesSectors > 0 ? writeZeroesSectors : 0xFFFF));
        attributes.put("is_nonrot", read(device, "queue/rotational") == 0 ? "1" : "0");
        return attributes;
    }

    private static long read(Path device, String file) throws IOException {
        return Long.parseLong(Files.readString(device.resolve(file)).strip());
    }
}
