package org.liosmis.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.liosmis.lio.FileioSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.StorageObject;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.ConfigFsLock;
import org.liosmis.lio.saveconfig.SavedConfigFile;

/**
 * One scenario over any {@link ConfigFs}, run on the emulator and on a real kernel and compared
 * step by step: a fileio object created and exported the way lio-smis does it, then every
 * refusal of the kernel rules table in docs/lio.md, then the teardown. Paths in observations
 * are written relative to the configfs root ({@code T}) and the work directory ({@code W}),
 * so both runs read the same.
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

    /** @param work an existing directory for the backing file, the dbroot and the saved config */
    public KernelRulesScenario(ConfigFs fs, Path work) {
        this.fs = fs;
        this.work = work;
        this.root = fs.root();
        this.lio = new LioRoot(fs, ConfigFsLock.forFile(work.resolve("configfs.lock")), work.toString(),
                SavedConfigFile.at(work.resolve("saveconfig.json")));
    }

    public List<StepOutcome> run() {
        Path vol1 = root.resolve("core/fileio_0/vol1");
        Path probe = root.resolve("core/fileio_9/probe");
        Path tpg = root.resolve("iscsi/" + TARGET + "/tpgt_1");
        Path lun0 = tpg.resolve("lun/lun_0");
        Path lun1 = tpg.resolve("lun/lun_1");

        step("fresh configfs", () -> { }, () -> "T: " + fs.list(root) + " | core: " + fs.list(root.resolve("core")));
        step("create fileio vol1 like LioRoot.createFileio",
                () -> lio.createFileio(FileioSpec.of("vol1", work.resolve("vol1.img"), SIZE).withUnitSerial(SERIAL)),
                () -> storageObjects() + " | " + status(vol1) + " | dbroot " + lio.dbroot());
        step("read vol1 after create", () -> { }, () -> fs.read(vol1.resolve("info"))
                + fs.read(vol1.getParent().resolve("hba_info")) + attributes(vol1, "attrib") + attributes(vol1, "wwn")
                + Files.readString(work.resolve("saveconfig.json")));
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

    private String show(Object value) {
        return String.valueOf(value).replace(root.toString(), "T").replace(work.toString(), "W")
                .replace("\t", " ");
    }
}
