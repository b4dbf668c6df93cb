package org.liosmis.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.liosmis.lio.StorageObject;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;

/**
 * A storage object exported through tcm_loop, which makes it a local SCSI disk: reading that
 * disk reads the object through LIO itself. Closing removes the export and the disk.
 */
final class LoopbackDisk implements AutoCloseable {

    /** How long the kernel may take to probe the new disk (sd probes asynchronously). */
    private static final long PROBE_MILLIS = 60_000;

    private final ConfigFs fs;
    private final Path target;
    private final Path tpg;
    private final Path lun;
    private final Path link;
    private final Path device;

    private LoopbackDisk(ConfigFs fs, Path target, StorageObject so) throws ConfigFsException, IOException,
            InterruptedException {
        this.fs = fs;
        this.target = target;
        this.tpg = target.resolve("tpgt_1");
        this.lun = tpg.resolve("lun/lun_0");
        this.link = lun.resolve(so.name());
        if (!fs.exists(target.getParent())) {
            fs.mkdir(target.getParent());
        }
        fs.mkdir(target);
        fs.mkdir(tpg);
        // the I_T nexus makes the SCSI host's initiator side: LUNs then appear as disks
        fs.write(tpg.resolve("nexus"), target.getFileName().toString());
        fs.mkdir(lun);
        fs.symlink(link, so.path());
        this.device = awaitDisk(so.naaId().orElseThrow(() -> new IllegalStateException(so.name() + " has no NAA id")));
    }

    /**
     * Exports {@code so} as LUN 0 of the loopback target {@code naa.<wwn>}, one target per disk.
     *
     * @param wwn 16 hex digits, the target's and its nexus' name
     */
    static LoopbackDisk export(ConfigFs fs, StorageObject so, String wwn) throws ConfigFsException, IOException,
            InterruptedException {
        return new LoopbackDisk(fs, fs.root().resolve("loopback/naa." + wwn), so);
    }

    /** The disk's node under /dev. */
    Path device() {
        return device;
    }

    /** The SHA-256 of the first {@code length} bytes of the disk, in hex. */
    String sha256(long length) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 20];
        long left = length;
        try (InputStream in = Files.newInputStream(device)) {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException(device + " ended " + left + " bytes short of " + length);
                }
                digest.update(buffer, 0, n);
                left -= n;
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The sd disk whose VPD 0x83 id (sysfs wwid) carries the object's NAA id. */
    private static Path awaitDisk(String naaId) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + PROBE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Optional<Path> disk = diskWithWwid(naaId);
            if (disk.isPresent() && readable(disk.get())) {
                return disk.get();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no disk with NAA id " + naaId + " appeared within " + PROBE_MILLIS
                + " ms (is sd_mod loaded?); block devices: " + listing(Path.of("/sys/block")));
    }

    /**
     * The node can be there before the disk is: sd registers it while still probing, and an open
     * meanwhile fails with ENXIO. The disk is ready once its first byte reads.
     */
    private static boolean readable(Path disk) {
        try (InputStream in = Files.newInputStream(disk)) {
            return in.read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> diskWithWwid(String naaId) throws IOException {
        try (Stream<Path> disks = Files.list(Path.of("/sys/block"))) {
            for (Path disk : disks.filter(d -> d.getFileName().toString().startsWith("sd")).toList()) {
                Path wwid = disk.resolve("device/wwid");
                if (Files.isReadable(wwid) && Files.readString(wwid).toLowerCase().contains(naaId.toLowerCase())) {
                    return Optional.of(Path.of("/dev", disk.getFileName().toString()));
                }
            }
        }
        return Optional.empty();
    }

    private static String listing(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList().toString();
        }
    }

    @Override
    public void close() throws ConfigFsException {
        fs.unlink(link);
        fs.rmdir(lun);
        // removing the TPG drops its nexus, and with it the disk
        fs.rmdir(tpg);
        fs.rmdir(target);
    }
}
