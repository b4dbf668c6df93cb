package org.liosmis.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liosmis.lio.IblockSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.StorageObject;
import org.liosmis.lio.configfs.KernelConfigFs;
import org.liosmis.lvm.LogicalVolume;
import org.liosmis.lvm.LvNames;
import org.liosmis.lvm.Lvm;
import org.liosmis.lvm.LvmException;
import org.liosmis.lvm.MirrorSync;

/**
 * The groundwork of a sync mirror on LVM in the test guest: a linear volume of known data,
 * exported as an iblock storage object and written through tcm_loop meanwhile, gains a raid1 leg
 * ({@link Lvm#addMirrorLeg}); once in sync the leg is split off with change tracking and compared
 * with the volume; 4 KiB of the leg and 1 MiB of the volume are rewritten, the leg merged back,
 * split off for good as a volume of its own and compared again; a leg added once more is removed. Then what LVM answers
 * for a thin volume, a linear one, a missing one and groups without room for a leg.
 * Usage: {@code KernelLvmMirrorMain <work dir> <results file>}; see {@link LvmMirrorThroughKernelTest}.
 */
public final class KernelLvmMirrorMain {

    static final String GROUP = "liomirror";
    static final String SOURCE = "msrc";
    static final String COPY = "mcopy";
    static final long SIZE = 64L << 20;
    /** The change made while the leg is split off: 1 MiB at 10 MiB, inside one of raid1's 2 MiB regions. */
    static final long CHANGE_OFFSET = 10L << 20;
    static final int CHANGE_SIZE = 1 << 20;
    /** The write made to the split leg itself: 4 KiB at its start, a region the volume leaves alone. */
    static final int LEG_WRITE = 4096;
    /**
     * md's resync rate in the guest (KiB/s, both its floor and its ceiling): unthrottled, 64 MiB on
     * tmpfs is in sync before lvs first looks, and an initiator's writes would slow it to the
     * default floor of 1000 KiB/s.
     */
    static final int RESYNC_KIB_PER_SECOND = 4096;
    /** Stages at which what LIO's storage object opened and what LVM shows are recorded. */
    static final List<String> STAGES = List.of("linear", "raid1", "tracked", "merged", "split", "removed");

    private static final Pattern INFO_DEVICE = Pattern.compile("iBlock device: (\\S+).*UDEV PATH: (\\S+)");
    private static final long SYNC_TIMEOUT_NANOS = 300_000_000_000L;

    private final GuestDriver driver;
    private final Lvm lvm = Lvm.system();
    /** What the source holds, as its writes left it. */
    private final byte[] expected = new byte[(int) SIZE];

    private KernelLvmMirrorMain(GuestDriver driver) {
        this.driver = driver;
    }

    public static void main(String[] args) throws Exception {
        GuestDriver.run(args[0], args[1], "raid1 legs of an LVM volume LIO exports",
                driver -> new KernelLvmMirrorMain(driver).run());
    }

    private void run() throws Exception {
        driver.capRaidResync(RESYNC_KIB_PER_SECOND);
        String first = driver.loopDevice("mirror0.img", "96M");
        String second = driver.loopDevice("mirror1.img", "96M");
        driver.succeed("lvm", "vgcreate", GROUP, first, second);
        // the source on the first physical volume, so the leg goes on the second
        driver.succeed("lvm", "lvcreate", "--yes", "-L", "64m", "-n", SOURCE, GROUP, first);
        new Random(3).nextBytes(expected);
        Files.write(LvNames.device(GROUP, SOURCE), expected);
        driver.succeed("sync");

        LioRoot lio = LioRoot.kernel(LioRoot.DEFAULT_LOCK_FILE, null);
        StorageObject so = lio.createIblock(IblockSpec.of(SOURCE, LvNames.device(GROUP, SOURCE)));
        try (LoopbackDisk disk = LoopbackDisk.export(new KernelConfigFs(), so, "50014050000c0001")) {
            stage("linear", so);
            mirror(so, disk.device());
        }
        lio.delete(Plugin.IBLOCK, SOURCE);
        refusals();
    }

    private void mirror(StorageObject so, Path disk) throws Exception {
        InitiatorWriter writer = new InitiatorWriter(disk, expected);
        try {
            Thread.sleep(1000);
            long before = writer.writes();
            long start = System.nanoTime();
            lvm.addMirrorLeg(GROUP, SOURCE);
            driver.set("initial.command.seconds", seconds(start));
            awaitSync("initial");
            driver.set("initial.writes", Long.toString(writer.writes() - before));
            stage("raid1", so);
        } finally {
            writer.close();
        }
        driver.set("writer.writes", Long.toString(writer.writes()));
        driver.set("writer.failure", writer.failure());
        driver.set("expected.sha256", GuestDriver.sha256(expected));

        LogicalVolume leg = lvm.splitMirrorLegTracked(GROUP, SOURCE);
        stage("tracked", so);
        driver.set("tracked.leg", leg.name() + " " + leg.attributes());
        driver.set("tracked.disk.sha256", driver.directSha256(disk, SIZE));
        driver.set("tracked.origin.sha256", driver.directSha256(mapped(SOURCE), SIZE));
        driver.set("tracked.leg.sha256", driver.directSha256(mapped(leg.name()), SIZE));
        // without udev LVM makes no /dev/VG link for the split leg, only its device-mapper node
        driver.set("tracked.leg.link", Boolean.toString(Files.exists(LvNames.device(GROUP, leg.name()))));
        // LVM calls the leg read-only; what the kernel says of it, and whether it takes a write at its start
        driver.set("tracked.leg.getro", driver.succeed("blockdev", "--getro", mapped(leg.name()).toString()).strip());
        driver.set("tracked.leg.dm", driver.succeed("dmsetup", "info", "-c", "--noheadings", "-o", "attr",
                GROUP + "-" + leg.name()).strip());
        driver.set("tracked.leg.write", driver.command("dd", "if=/dev/zero", "of=" + mapped(leg.name()),
                "bs=" + LEG_WRITE, "count=1", "oflag=direct", "conv=notrunc").strip());
        driver.set("tracked.leg.written.sha256", GuestDriver.sha256(legWritten(expected)));

        byte[] change = new byte[CHANGE_SIZE];
        new Random(4).nextBytes(change);
        InitiatorWriter.write(disk, change, CHANGE_OFFSET);
        System.arraycopy(change, 0, expected, (int) CHANGE_OFFSET, CHANGE_SIZE);
        driver.set("changed.sha256", GuestDriver.sha256(expected));
        driver.set("changed.origin.sha256", driver.directSha256(mapped(SOURCE), SIZE));
        driver.set("changed.leg.sha256", driver.directSha256(mapped(leg.name()), SIZE));

        long start = System.nanoTime();
        lvm.mergeMirrorLeg(GROUP, SOURCE);
        driver.set("merge.command.seconds", seconds(start));
        driver.set("merge.status", driver.succeed("dmsetup", "status", GROUP + "-" + SOURCE).strip());
        awaitSync("merge");
        stage("merged", so);

        LogicalVolume copy = lvm.splitMirrorLeg(GROUP, SOURCE, COPY);
        stage("split", so);
        driver.set("split.copy", copy.name() + " " + copy.attributes());
        driver.set("split.copy.sha256", driver.directSha256(mapped(COPY), SIZE));
        driver.set("split.copy.expected.sha256", GuestDriver.sha256(legWritten(expected)));
        lvm.remove(GROUP, COPY);

        start = System.nanoTime();
        lvm.addMirrorLeg(GROUP, SOURCE);
        driver.set("idle.command.seconds", seconds(start));
        awaitSync("idle");
        lvm.removeMirrorLeg(GROUP, SOURCE);
        stage("removed", so);
        driver.set("removed.mirrorSync", lvm.mirrorSync(GROUP, SOURCE).map(MirrorSync::toString).orElse("none"));
        driver.set("removed.disk.sha256", driver.directSha256(disk, SIZE));
        driver.set("removed.lvs", driver.succeed("lvm", "lvs", "-a", "--noheadings", "-o", "lv_name,segtype,devices",
                GROUP).strip().replaceAll("\\s+", " "));
    }

    /**
     * Polls the volume's sync state from now on, recording each new state with the seconds since
     * it began to look ("PREFIX.sync"), and the seconds it took ("PREFIX.sync.seconds").
     */
    private void awaitSync(String prefix) throws Exception {
        long start = System.nanoTime();
        List<String> samples = new ArrayList<>();
        Optional<MirrorSync> last = Optional.empty();
        while (true) {
            Optional<MirrorSync> sync = lvm.mirrorSync(GROUP, SOURCE);
            if (!sync.equals(last)) {
                samples.add(seconds(start) + "s " + sync.map(s -> s.percent() + " " + s.action()).orElse("not raid1"));
                last = sync;
            }
            if (sync.map(MirrorSync::inSync).orElse(false)) {
                break;
            }
            if (System.nanoTime() - start > SYNC_TIMEOUT_NANOS) {
                throw new IllegalStateException(prefix + ": not in sync after 300 s: " + samples);
            }
            Thread.sleep(100);
        }
        driver.set(prefix + ".sync.seconds", seconds(start));
        driver.set(prefix + ".sync", String.join("; ", samples));
    }

    /** What the storage object opened (info's device and udev path), the volume's type and its device numbers. */
    private void stage(String name, StorageObject so) throws Exception {
        String info = Files.readString(so.path().resolve("info")).replaceAll("\\s+", " ").strip();
        Matcher device = INFO_DEVICE.matcher(info);
        driver.set(name + ".device", device.find() ? device.group(1) + " " + device.group(2) : "unreadable: " + info);
        String[] lv = driver.succeed("lvm", "lvs", "--noheadings", "--separator", "|", "-o",
                "segtype,lv_kernel_major,lv_kernel_minor", GROUP + "/" + SOURCE).strip().split("\\|");
        driver.set(name + ".segtype", lv[0]);
        driver.set(name + ".dm", lv[1] + ":" + lv[2]);
    }

    /** Refused changes, recorded as the failure's kind and LVM's words. */
    private void refusals() throws Exception {
        driver.succeed("lvm", "vgcreate", "liothin", driver.loopDevice("thin.img", "64M"));
        driver.succeed("lvm", "lvcreate", "--yes", "--type", "thin-pool", "-L", "32m", "-n", "pool", "liothin");
        driver.succeed("lvm", "lvcreate", "--yes", "-V", "16m", "-T", "liothin/pool", "-n", "thin");
        refused("thin", () -> lvm.addMirrorLeg("liothin", "thin"));
        refused("linear.split", () -> lvm.splitMirrorLegTracked(GROUP, SOURCE));
        refused("missing", () -> lvm.addMirrorLeg(GROUP, "nosuch"));
        // a leg must go on another physical volume than its volume's: one is not enough, however roomy
        driver.succeed("lvm", "vgcreate", "lioone", driver.loopDevice("one.img", "128M"));
        driver.succeed("lvm", "lvcreate", "--yes", "-L", "32m", "-n", "lv", "lioone");
        refused("onepv", () -> lvm.addMirrorLeg("lioone", "lv"));
        // the second physical volume is too small for the leg
        String big = driver.loopDevice("short0.img", "64M");
        driver.succeed("lvm", "vgcreate", "lioshort", big, driver.loopDevice("short1.img", "16M"));
        driver.succeed("lvm", "lvcreate", "--yes", "-L", "48m", "-n", "lv", "lioshort", big);
        refused("short", () -> lvm.addMirrorLeg("lioshort", "lv"));
        driver.set("refused.lvs", driver.succeed("lvm", "lvs", "-a", "--noheadings", "-o", "vg_name,lv_name,segtype",
                "liothin", "lioone", "lioshort").strip().replaceAll("\\s+", " "));
    }

    private interface LvmStep {
        void run() throws LvmException;
    }

    private void refused(String what, LvmStep step) {
        try {
            step.run();
            driver.set("refused." + what, "accepted");
        } catch (LvmException e) {
            driver.set("refused." + what, e.kind() + ": " + e.getMessage());
        }
    }

    /** The volume's data with the write made to the split leg: zeros where it starts. */
    private static byte[] legWritten(byte[] data) {
        byte[] written = data.clone();
        Arrays.fill(written, 0, LEG_WRITE, (byte) 0);
        return written;
    }

    /** The device-mapper node of a volume of the group (its names hold no '-'). */
    private static Path mapped(String lv) {
        return Path.of("/dev/mapper", GROUP + "-" + lv);
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.2f", (System.nanoTime() - startNanos) / 1e9);
    }
}
