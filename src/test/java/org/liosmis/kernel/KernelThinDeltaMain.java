package org.liosmis.kernel;

import static java.nio.file.StandardOpenOption.DSYNC;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.liosmis.lvm.LvNames;
import org.liosmis.lvm.Lvm;
import org.liosmis.lvm.ThinRange;

/**
 * One cycle of an asynchronous mirror on an LVM thin pool in the test guest: a thin volume of
 * random data is snapshotted (the last cycle's snapshot), three scattered regions of it are
 * rewritten, it is snapshotted again (this cycle's), and {@link Lvm#thinDifferences} says which
 * bytes to ship. Those bytes of the new snapshot are copied onto a file holding the old one.
 * The first call finds a metadata snapshot left held, as a crashed run would leave it. Recorded
 * besides: thin_delta's own output and the pool's held metadata root before and after.
 * Usage: {@code KernelThinDeltaMain <work dir> <results file>}; see {@link ThinDeltaThroughKernelTest}.
 */
public final class KernelThinDeltaMain {

    static final String GROUP = "lio-delta";
    static final String POOL = "pool";
    static final String ORIGIN = "origin";
    static final String OLDER = "cycle1";
    static final String NEWER = "cycle2";
    static final int SIZE = 64 << 20;
    static final long CHUNK = 64 << 10;
    /** Rewritten between the snapshots: inside one chunk's span, across a chunk boundary, from a boundary. */
    static final List<Long> REGIONS = List.of((5L << 20) + (20 << 10), (30L << 20) + (60 << 10), (50L << 20) + CHUNK);
    static final int REGION = 100 << 10;

    private final GuestDriver driver;
    private final Lvm lvm = Lvm.system();

    private KernelThinDeltaMain(GuestDriver driver) {
        this.driver = driver;
    }

    public static void main(String[] args) throws Exception {
        GuestDriver.run(args[0], args[1], "changed chunks between two thin snapshots",
                driver -> new KernelThinDeltaMain(driver).run());
    }

    private void run() throws Exception {
        driver.succeed("lvm", "vgcreate", GROUP, driver.loopDevice("delta.img", "160M"));
        driver.succeed("lvm", "lvcreate", "--yes", "--type", "thin-pool", "-L", "128m", "--chunksize", "64k",
                "-n", POOL, GROUP);
        driver.succeed("lvm", "lvcreate", "--yes", "-V", "64m", "-T", GROUP + "/" + POOL, "-n", ORIGIN);
        byte[] data = new byte[SIZE];
        Random random = new Random(5);
        random.nextBytes(data);
        Files.write(LvNames.device(GROUP, ORIGIN), data);
        driver.succeed("sync");
        lvm.createThinSnapshot(GROUP, ORIGIN, OLDER);
        try (FileChannel origin = FileChannel.open(LvNames.device(GROUP, ORIGIN), WRITE, DSYNC)) {
            for (long offset : REGIONS) {
                byte[] region = new byte[REGION];
                random.nextBytes(region);
                write(origin, region, offset);
                System.arraycopy(region, 0, data, (int) offset, REGION);
            }
        }
        lvm.createThinSnapshot(GROUP, ORIGIN, NEWER);
        driver.set("expected.sha256", GuestDriver.sha256(data));
        driver.set("chunk.bytes", lvs("chunk_size", POOL));
        long left = Long.parseLong(lvs("thin_id", OLDER));
        long right = Long.parseLong(lvs("thin_id", NEWER));
        driver.set("thin.ids", left + " " + right);

        String tpool = LvNames.mapperName(GROUP, POOL) + "-tpool";
        List<String> thinDelta = List.of("thin_delta", "--metadata-snap", "--snap1", Long.toString(left), "--snap2",
                Long.toString(right), LvNames.mapped(GROUP, POOL + "_tmeta").toString());
        // held by hand and left so, as a run that died before releasing it would leave it
        driver.succeed("dmsetup", "message", tpool, "0", "reserve_metadata_snap");
        driver.set("held.root", heldRoot(tpool));
        driver.set("held.reserve.again", driver.command("dmsetup", "message", tpool, "0", "reserve_metadata_snap"));
        driver.set("held.thin_delta", driver.command(thinDelta.toArray(String[]::new)));
        driver.set("held.thin_delta.verbose", driver.command(verbose(thinDelta)));
        driver.set("stale.ranges", describe(lvm.thinDifferences(GROUP, POOL, OLDER, NEWER)));
        driver.set("stale.root", heldRoot(tpool));

        List<ThinRange> ranges = lvm.thinDifferences(GROUP, POOL, OLDER, NEWER);
        driver.set("ranges", describe(ranges));
        driver.set("released.root", heldRoot(tpool));
        driver.set("released.status", driver.succeed("dmsetup", "status", tpool).strip());
        driver.set("released.thin_delta", driver.command(thinDelta.toArray(String[]::new)).strip());
        driver.set("released.release.again", driver.command("dmsetup", "message", tpool, "0", "release_metadata_snap"));

        ship(ranges);
    }

    /** Copies the ranges of the new snapshot onto a file copy of the old one, as a mirror's cycle would. */
    private void ship(List<ThinRange> ranges) throws Exception {
        Path copy = driver.work().resolve("cycle1.copy");
        Files.copy(LvNames.device(GROUP, OLDER), copy);
        driver.set("older.sha256", sha256(copy));
        long shipped = 0;
        try (FileChannel from = FileChannel.open(LvNames.device(GROUP, NEWER), READ);
             FileChannel to = FileChannel.open(copy, WRITE)) {
            for (ThinRange range : ranges) {
                ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(range.length()));
                while (buffer.hasRemaining()) {
                    if (from.read(buffer, range.offset() + buffer.position()) < 0) {
                        throw new IOException("the new snapshot ends inside " + range);
                    }
                }
                write(to, buffer.array(), range.offset());
                shipped += range.length();
            }
        }
        driver.set("shipped.bytes", Long.toString(shipped));
        driver.set("shipped.sha256", sha256(copy));
        driver.set("newer.sha256", sha256(LvNames.device(GROUP, NEWER)));
    }

    /** The pool's held metadata root in its dmsetup status: '-' while no metadata snapshot is held. */
    private String heldRoot(String tpool) throws Exception {
        String[] status = driver.succeed("dmsetup", "status", tpool).strip().split("\\s+");
        return status[6];
    }

    private static String[] verbose(List<String> thinDelta) {
        List<String> command = new ArrayList<>(thinDelta);
        command.add(1, "--verbose");
        return command.toArray(String[]::new);
    }

    static String describe(List<ThinRange> ranges) {
        return ranges.stream().map(r -> r.offset() + "+" + r.length()).collect(Collectors.joining(","));
    }

    private static void write(FileChannel channel, byte[] data, long offset) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            channel.write(buffer, offset + buffer.position());
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** One field of one logical volume of the group, as lvs reports it in bytes. */
    private String lvs(String field, String volume) throws Exception {
        return driver.succeed("lvm", "lvs", "--noheadings", "--nosuffix", "--units", "b", "-o", field,
                GROUP + "/" + volume).strip();
    }
}
