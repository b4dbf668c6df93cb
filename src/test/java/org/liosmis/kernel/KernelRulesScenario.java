package org.liosmis.kernel;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.liosmis.lio.FileioSpec;
import org.liosmis.lio.IblockSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.StorageObject;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.ConfigFsLock;
import org.liosmis.lio.saveconfig.SavedConfigFile;
import org.liosmis.testing.Commands;

/**
 * One scenario over any {@link ConfigFs}, run on the emulator and on a real kernel and compared
 * step by step: a fileio object created and exported the way lio-smis does it, then every
 * refusal of the kernel rules table in docs/lio.md, a block object on a loop device likewise,
 * then the teardown. Paths in observations are written relative to the configfs root
 * ({@code T}) and the work directory ({@code W}), and the loop device's name and numbers as
 * placeholders, so both runs read the same.
 */
public final class KernelRulesScenario {

    private static final String TARGET = "iqn.2024-01.org.liosmis:diff";
    private static final long SIZE = 64L << 20;
    private static final String SERIAL = "lio-smis-diff-0001";

    private final ConfigFs fs;
    private final Path work;
    private final LioRoot lio;
    private final Path root;
    private final List<StepOutcome> outcomes = new ArrayList<>();
    private LoopDevice device;

    /** @param work an existing directory for the backing file, the dbroot and the saved config */
    public KernelRulesScenario(ConfigFs fs, Path work) {
        this.fs = fs;
        this.work = work;
        this.root = fs.root();
        this.lio = new LioRoot(fs, ConfigFsLock.forFile(work.resolve("configfs.lock")), work.toString(),
                SavedConfigFile.at(work.resolve("saveconfig.json")));
    }

    public List<StepOutcome> run() throws IOException {
        Path vol1 = root.resolve("core/fileio_0/vol1");
        Path probe = root.resolve("core/fileio_9/probe");
        Path tpg = root.resolve("iscsi/" + TARGET + "/tpgt_1");
        Path lun0 = tpg.resolve("lun/lun_0");
        Path lun1 = tpg.resolve("lun/lun_1");

        step("fresh configfs", () -> { }, () -> "T: " + fs.list(root) + " | core: " + fs.list(root.resolve("core")));
        step("create fileio vol1 like LioRoot.createFileio",
                () -> lio.createFileio(FileioSpec.of("vol1", work.resolve("vol1.img"), SIZE).withUnitSerial(SERIAL)),
                () -> storageObjects() + " | " + status(vol1) + " | dbroot " + lio.dbroot());
        step("read vol1 after create", () -> { }, () -> readBack(vol1));
        step("mkdir a target before its fabric", () -> fs.mkdir(tpg.getParent()), () -> "");
        step("mkdir iscsi (the fabric, as rtslib does), target, tpgt_1, lun_0", () -> {
            fs.mkdir(root.resolve("iscsi"));
            fs.mkdir(tpg.getParent());
            fs.mkdir(tpg);
            fs.mkdir(lun0);
        }, () -> "iscsi: " + fs.list(root.resolve("iscsi")) + " | target: " + fs.list(tpg.getParent())
                + " | tpgt_1: " + fs.list(tpg) + " | lun_0: " + fs.list(lun0));
        step("link lun_0 to vol1 (absolute)", () -> fs.symlink(lun0.resolve("port0"), vol1),
                () -> status(vol1) + " | " + storageObjects() + " | readlink " + show(fs.readlink(lun0.resolve("port0"))));
        step("read vol1 and lun_0 once exported", () -> { }, () -> fs.read(vol1.resolve("info"))
                + fs.read(lun0.resolve("alua_tg_pt_gp")) + fs.read(vol1.resolve("enable")));

        step("mkdir a second object fileio_9/probe", () -> {
            fs.mkdir(probe.getParent());
            fs.mkdir(probe);
        }, () -> status(probe) + " | enable " + fs.read(probe.resolve("enable")).strip());
        step("enable before control", () -> fs.write(probe.resolve("enable"), "1\n"),
                () -> "enable " + fs.read(probe.resolve("enable")).strip());
        step("control fd_buffered_io=0", () -> fs.write(probe.resolve("control"), "fd_buffered_io=0"), () -> "");
        step("mkdir lun_1", () -> fs.mkdir(lun1), () -> "");
        step("LUN symlink to an object that is not enabled", () -> fs.symlink(lun1.resolve("probe"), probe),
                () -> "lun_1: " + fs.list(lun1));
        step("second enable of vol1", () -> fs.write(vol1.resolve("enable"), "1\n"),
                () -> "enable " + fs.read(vol1.resolve("enable")).strip());
        step("mkdir core/bogus_0", () -> fs.mkdir(root.resolve("core/bogus_0")), () -> "");
        step("mkdir core/fileio_x", () -> fs.mkdir(root.resolve("core/fileio_x")), () -> "");
        step("write a nonexistent attribute", () -> fs.write(vol1.resolve("nonexistent"), "x\n"),
                () -> "exists " + fs.exists(vol1.resolve("nonexistent")));
        step("rmdir a default group (vol1/attrib)", () -> fs.rmdir(vol1.resolve("attrib")), () -> "");
        step("rmdir the HBA holding vol1", () -> fs.rmdir(vol1.getParent()), () -> "");
        step("rmdir exported vol1", () -> fs.rmdir(vol1), () -> "");
        step("rmdir lun_0 still linked", () -> fs.rmdir(lun0), () -> "");
        step("vpd_unit_serial write while exported", () -> fs.write(vol1.resolve("wwn/vpd_unit_serial"), "other\n"),
                () -> fs.read(vol1.resolve("wwn/vpd_unit_serial")).strip());
        step("relative symlink target", () -> fs.symlink(lun1.resolve("relative"), lun1.relativize(vol1)),
                () -> "lun_1: " + fs.list(lun1));
        step("LioRoot.delete of exported vol1", () -> lio.delete(Plugin.FILEIO, "vol1"), this::storageObjects);
        iblock(lun1);

        step("rmdir probe and its HBA", () -> {
            fs.rmdir(probe);
            fs.rmdir(probe.getParent());
        }, () -> "core: " + fs.list(root.resolve("core")));
        step("unlink lun_0/port0", () -> fs.unlink(lun0.resolve("port0")), () -> status(vol1) + " | " + storageObjects());
        step("rmdir lun_1, lun_0, tpgt_1, target", () -> {
            fs.rmdir(lun1);
            fs.rmdir(lun0);
            fs.rmdir(tpg);
            fs.rmdir(tpg.getParent());
        }, () -> "iscsi: " + fs.list(root.resolve("iscsi")));
        step("LioRoot.delete of vol1", () -> lio.delete(Plugin.FILEIO, "vol1"),
                () -> storageObjects() + " | core: " + fs.list(root.resolve("core")));
        return List.copyOf(outcomes);
    }

    /**
     * A block object on a loop device named through a symlink (as LVM names its volumes), exported
     * through {@code lun} while vol1 and the fileio probe stay, and gone again afterwards.
     */
    private void iblock(Path lun) throws IOException {
        Path blk1 = root.resolve("core/iblock_1/blk1");
        Path probe = root.resolve("core/iblock_8/probe");
        Path other = work.resolve("other-lv");
        device = LoopDevice.attach(work, "blk1-lv");
        try {
            iblockSteps(lun, blk1, probe, other);
        } finally {
            Commands.run("losetup", "-d", device.path().toString());
        }
    }

    private void iblockSteps(Path lun, Path blk1, Path probe, Path other) {
        Observation probeState = () -> fs.read(probe.resolve("info"))
                + "enable " + fs.read(probe.resolve("enable")).strip();
        step("create iblock blk1 like LioRoot.createIblock",
                () -> lio.createIblock(IblockSpec.of("blk1", device.link()).withUnitSerial(SERIAL + "-blk1")),
                () -> storageObjects() + " | " + status(blk1));
        step("read blk1 after create", () -> { }, () -> readBack(blk1));
        step("control udev_path= after enable", () -> fs.write(blk1.resolve("control"), "udev_path=" + other),
                () -> fs.read(blk1.resolve("info")));
        step("control readonly=1 after enable", () -> fs.write(blk1.resolve("control"), "readonly=1"),
                () -> fs.read(blk1.resolve("info")));
        step("write udev_path after enable", () -> fs.write(blk1.resolve("udev_path"), other.toString()),
                () -> fs.read(blk1.resolve("udev_path")) + fs.read(blk1.resolve("info")));
        step("link lun_1 to blk1 (absolute)", () -> fs.symlink(lun.resolve("blk1"), blk1),
                () -> status(blk1) + " | " + storageObjects());
        step("rmdir exported blk1", () -> fs.rmdir(blk1), () -> "");
        step("mkdir iblock_8/probe, enable before control", () -> {
            fs.mkdir(probe.getParent());
            fs.mkdir(probe);
            fs.write(probe.resolve("enable"), "1\n");
        }, probeState);
        step("enable with a device that does not exist", () -> {
            fs.write(probe.resolve("control"), "udev_path=" + work.resolve("missing"));
            fs.write(probe.resolve("enable"), "1\n");
        }, probeState);
        step("enable readonly on the device blk1 holds", () -> {
            fs.write(probe.resolve("control"), "udev_path=" + device.link() + ",readonly=1");
            fs.write(probe.resolve("enable"), "1\n");
        }, probeState);
        step("unlink lun_1/blk1", () -> fs.unlink(lun.resolve("blk1")), () -> status(blk1));
        step("LioRoot.delete of blk1", () -> lio.delete(Plugin.IBLOCK, "blk1"),
                () -> storageObjects() + " | core: " + fs.list(root.resolve("core")));
        step("enable readonly probe once blk1 let the device go", () -> fs.write(probe.resolve("enable"), "1\n"),
                () -> fs.read(probe.resolve("info")) + attributes(probe, "attrib") + attributes(probe, "wwn"));
        step("rmdir iblock probe and its HBA", () -> {
            fs.rmdir(probe);
            fs.rmdir(probe.getParent());
        }, () -> "core: " + fs.list(root.resolve("core")));
    }

    /**
     * A loop device over a sparse file in the work directory, and a symlink to it. Its kernel
     * name (loopN) and numbers differ between the host and the guest.
     */
    private record LoopDevice(Path link, Path path, String major, String minor) {

        static LoopDevice attach(Path work, String linkName) throws IOException {
            Path image = work.resolve(linkName + ".img");
            try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
                file.setLength(8L << 20);
            }
            Path path = Path.of(Commands.run("losetup", "-f", "--show", image.toString()));
            String[] numbers = Files.readString(Path.of("/sys/class/block").resolve(path.getFileName()).resolve("dev"))
                    .strip().split(":");
            return new LoopDevice(Files.createSymbolicLink(work.resolve(linkName), path), path, numbers[0], numbers[1]);
        }

        String normalise(String text) {
            return text.replace("Major: " + major + " Minor: " + minor, "Major: <major> Minor: <minor>")
                    .replace(path.toString(), "<device>").replace(path.getFileName().toString(), "<dev>");
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private interface Observation {
        String read() throws Exception;
    }

    private void step(String name, Action action, Observation observation) {
        String outcome;
        try {
            action.run();
            outcome = StepOutcome.OK;
        } catch (ConfigFsException e) {
            outcome = e.errno().name();
        } catch (Exception | AssertionError e) {
            outcome = "unexpected " + e;
        }
        String observed;
        try {
            observed = observation.read();
        } catch (ConfigFsException e) {
            observed = "observation failed: " + e.errno().name();
        } catch (Exception e) {
            observed = "observation failed: " + e;
        }
        outcomes.add(new StepOutcome(name, show(outcome), show(observed)));
    }

    /** What a new object shows: info, hba_info, attributes, wwn and the saved config. */
    private String readBack(Path storageObject) throws Exception {
        return fs.read(storageObject.resolve("info")) + fs.read(storageObject.getParent().resolve("hba_info"))
                + attributes(storageObject, "attrib") + attributes(storageObject, "wwn")
                + Files.readString(work.resolve("saveconfig.json"));
    }

    /** info's Status word: ACTIVATED once a LUN links to the object. */
    private String status(Path storageObject) throws ConfigFsException {
        String info = fs.read(storageObject.resolve("info"));
        return info.substring(0, info.indexOf("Max Queue Depth")).strip();
    }

    /** Every readable file of a default group, as name=value lines. */
    private String attributes(Path storageObject, String group) throws ConfigFsException {
        StringBuilder values = new StringBuilder();
        for (String name : fs.list(storageObject.resolve(group))) {
            Path file = storageObject.resolve(group).resolve(name);
            if (!fs.isDirectory(file)) {
                values.append(group).append('/').append(name).append('=').append(readable(file)).append('\n');
            }
        }
        return values.toString();
    }

    private String readable(Path file) {
        try {
            return fs.read(file).strip();
        } catch (ConfigFsException e) {
            return "<" + e.errno().name() + ">";
        }
    }

    private String storageObjects() throws ConfigFsException {
        return lio.storageObjects().stream().map(KernelRulesScenario::describe)
                .collect(Collectors.joining(", ", "objects [", "]"));
    }

    private static String describe(StorageObject so) {
        return so.plugin().configfsName() + "_" + so.hbaIndex() + "/" + so.name()
                + " size " + (so.sizeBytes().isPresent() ? so.sizeBytes().getAsLong() : "-")
                + " block " + so.blockSize() + " serial " + so.unitSerial()
                + " naa " + so.naaId().orElse("-") + " file " + so.backingPath().orElse("-")
                + " enabled " + so.enabled() + " activated " + so.activated()
                + " writeBack " + so.writeBack() + " luns " + so.luns().size();
    }

    /** Paths as T and W, and the loop device's kernel name and numbers, which differ between machines, as placeholders. */
    private String show(Object value) {
        String shown = String.valueOf(value).replace(root.toString(), "T").replace(work.toString(), "W")
                .replace("\t", " ");
        return device == null ? shown : device.normalise(shown);
    }
}
