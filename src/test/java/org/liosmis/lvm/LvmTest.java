package org.liosmis.lvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The commands Lvm runs and how it reads their answers; the texts are those LVM 2.03 printed in the test guest. */
class LvmTest {

    private final List<List<String>> commands = new ArrayList<>();
    private final Deque<CommandRunner.Result> answers = new ArrayDeque<>();
    private final Lvm lvm = new Lvm(command -> {
        commands.add(command);
        return answers.removeFirst();
    }, Duration.ofMillis(500));

    private void answer(int exitCode, String stdout, String stderr) {
        answers.add(new CommandRunner.Result(exitCode, stdout, stderr));
    }

    @Test
    void readsLogicalVolumesFromTheReport() throws Exception {
        answer(0, """
                  vg0|pool|268435456|twi-aotz--|||3.12
                  vg0|vol1|67108864|Vwi-a-tz--|pool||12.50
                  vg0|snap1|67108864|Vwi-a-tz-k|pool|vol1|0.00
                  vg0|thick1|104857600|owi-a-s---|||
                """, "");
        List<LogicalVolume> lvs = lvm.logicalVolumes("vg0");
        assertEquals(List.of("lvm", "lvs", "--config", "global { wait_for_locks = 0 }", "--noheadings", "--nosuffix",
                "--units", "b", "--separator", "|", "--options",
                "vg_name,lv_name,lv_size,lv_attr,pool_lv,origin,data_percent", "vg0"), commands.getFirst());
        assertEquals(new LogicalVolume("vg0", "pool", 268435456, "twi-aotz--", "", "", 3.12), lvs.get(0));
        assertTrue(lvs.get(0).thinPool());
        assertTrue(lvs.get(1).thinVolume() && !lvs.get(1).thinPool());
        assertEquals("vol1", lvs.get(2).origin());
        assertEquals(0, lvs.get(3).dataPercent());
    }

    @Test
    void aMissingVolumeOrGroupIsEmpty() throws Exception {
        answer(5, "", "  Failed to find logical volume \"vg0/nosuch\"\n");
        assertEquals(Optional.empty(), lvm.logicalVolume("vg0", "nosuch"));
        answer(5, "", "  Volume group \"nosuchvg\" not found\n  Cannot process volume group nosuchvg\n");
        assertEquals(Optional.empty(), lvm.volumeGroup("nosuchvg"));
    }

    @Test
    void readsAVolumeGroup() throws Exception {
        answer(0, "  vg0|532676608|255852544\n", "");
        assertEquals(Optional.of(new VolumeGroup("vg0", 532676608, 255852544)), lvm.volumeGroup("vg0"));
    }

    @Test
    void aThinSnapshotIsActivated() throws Exception {
        answer(0, "", "  Logical volume \"snap1\" created.\n");
        answer(0, "", "");
        answer(0, "  vg0|snap1|67108864|Vwi-a-tz-k|pool|vol1|0.00\n", "");
        assertEquals("vol1", lvm.createThinSnapshot("vg0", "vol1", "snap1").origin());
        assertEquals(List.of("lvm", "lvcreate", "--config", "global { wait_for_locks = 0 }", "--snapshot", "--name",
                "snap1", "vg0/vol1"), commands.get(0));
        assertEquals(List.of("lvm", "lvchange", "--config", "global { wait_for_locks = 0 }", "--activate", "y",
                "--ignoreactivationskip", "vg0/snap1"), commands.get(1));
    }

    @Test
    void aSnapshotThatCannotBeActivatedIsRemoved() {
        answer(0, "", "  Logical volume \"snap1\" created.\n");
        answer(5, "", "  device-mapper: reload ioctl failed\n");
        answer(0, "", "  Logical volume \"snap1\" successfully removed.\n");
        LvmException e = assertThrows(LvmException.class, () -> lvm.createThinSnapshot("vg0", "vol1", "snap1"));
        assertEquals(LvmException.Kind.FAILED, e.kind());
        assertEquals(List.of("lvm", "lvremove", "--config", "global { wait_for_locks = 0 }", "--yes", "vg0/snap1"),
                commands.get(2));
    }

    @Test
    void aMirrorLegIsAddedAndItsSyncRead() throws Exception {
        answer(0, "", "  Logical volume vg0/src successfully converted.\n");
        answer(0, "  raid1|37.50|resync\n", "");
        answer(0, "  linear|||\n", "");
        lvm.addMirrorLeg("vg0", "src");
        assertEquals(Optional.of(new MirrorSync(37.5, "resync")), lvm.mirrorSync("vg0", "src"));
        assertEquals(Optional.empty(), lvm.mirrorSync("vg0", "src"), "a linear volume has no leg to sync");
        assertEquals(List.of("lvm", "lvconvert", "--config", "global { wait_for_locks = 0 }", "--yes", "--type", "raid1",
                "--mirrors", "1", "vg0/src"), commands.get(0));
        assertEquals(List.of("lvm", "lvs", "--config", "global { wait_for_locks = 0 }", "--noheadings", "--nosuffix",
                "--units", "b", "--separator", "|", "--options", "segtype,sync_percent,raid_sync_action", "vg0/src"),
                commands.get(1));
        assertTrue(new MirrorSync(100, "idle").inSync());
        assertTrue(!new MirrorSync(100, "check").inSync() && !new MirrorSync(99.9, "idle").inSync());
    }

    @Test
    void aTrackedLegIsSplitAndMergedBack() throws Exception {
        answer(0, "", "  vg0/src_rimage_1 split from vg0/src for read-only purposes.\n"
                + "  WARNING: Any newly written data will be non-resilient on LV vg0/src during the split!\n");
        answer(0, "  vg0|src_rimage_1|67108864|Iri-a-r---|||\n", "");
        answer(0, "", "  vg0/src_rimage_1 successfully merged back into vg0/src.\n");
        assertEquals("Iri-a-r---", lvm.splitMirrorLegTracked("vg0", "src").attributes());
        lvm.mergeMirrorLeg("vg0", "src");
        assertEquals(List.of("lvm", "lvconvert", "--config", "global { wait_for_locks = 0 }", "--yes", "--splitmirrors",
                "1", "--trackchanges", "vg0/src"), commands.get(0));
        assertEquals("vg0/src_rimage_1", commands.get(1).getLast());
        assertEquals(List.of("lvm", "lvconvert", "--config", "global { wait_for_locks = 0 }", "--yes", "--mergemirrors",
                "vg0/src_rimage_1"), commands.get(2));
    }

    @Test
    void aLegIsSplitOffAsItsOwnVolumeOrRemoved() throws Exception {
        answer(0, "", "");
        answer(0, "  vg0|copy|67108864|-wi-a-----|||\n", "");
        answer(0, "", "  Logical volume vg0/src successfully converted.\n");
        assertEquals("copy", lvm.splitMirrorLeg("vg0", "src", "copy").name());
        lvm.removeMirrorLeg("vg0", "src");
        assertEquals(List.of("lvm", "lvconvert", "--config", "global { wait_for_locks = 0 }", "--yes", "--splitmirrors",
                "1", "--name", "copy", "vg0/src"), commands.get(0));
        assertEquals(List.of("lvm", "lvconvert", "--config", "global { wait_for_locks = 0 }", "--yes", "--mirrors", "0",
                "vg0/src"), commands.get(2));
    }

    @Test
    void mirrorFailuresAreClassified() {
        assertMirrorFailure(LvmException.Kind.UNSUPPORTED, "  Operation not permitted on LV vg0/thin type thin.\n");
        assertMirrorFailure(LvmException.Kind.UNSUPPORTED, "  Command on LV vg0/src does not accept LV type linear.\n"
                + "  Command not permitted on LV vg0/src.\n");
        assertMirrorFailure(LvmException.Kind.NO_SPACE, "  Insufficient free space: 26 extents needed, but only 20 available\n");
        assertMirrorFailure(LvmException.Kind.NOT_FOUND, "  Failed to find logical volume \"vg0/nosuch\"\n");
    }

    private void assertMirrorFailure(LvmException.Kind kind, String stderr) {
        answer(5, "", stderr);
        LvmException e = assertThrows(LvmException.class, () -> lvm.addMirrorLeg("vg0", "x"));
        assertEquals(kind, e.kind(), e.getMessage());
    }

    @Test
    void errorsAreClassifiedByTheirText() {
        assertKind(LvmException.Kind.EXISTS, "  Logical Volume \"vol1\" already exists in volume group \"vg0\"\n");
        assertKind(LvmException.Kind.NO_SPACE, "  Volume group \"vg0\" has insufficient free space (36 extents): 225 required.\n");
        assertKind(LvmException.Kind.NO_SPACE, "  WARNING: Thin pool vg0/pool is out of data space.\n"
                + "  Cannot create new thin volume, free space in thin pool vg0/pool reached threshold.\n");
        assertKind(LvmException.Kind.IN_USE, "  Logical volume vg0/vol1 in use.\n");
        assertKind(LvmException.Kind.FAILED, "  Names starting \"snapshot\" are reserved. Please choose a different LV name.\n");
    }

    @Test
    void aLockedVolumeGroupIsRetriedThenReported() {
        String locked = "  /run/lock/lvm/V_vg0: flock failed: Resource temporarily unavailable\n"
                + "  Can't get lock for vg0.\n  Cannot process volume group vg0\n";
        for (int i = 0; i < 100; i++) {
            answer(5, "", locked);
        }
        LvmException e = assertThrows(LvmException.class, () -> lvm.remove("vg0", "x"));
        assertEquals(LvmException.Kind.LOCKED, e.kind());
        assertTrue(commands.size() > 1 && commands.size() < 10, "retried every 200 ms for 500 ms: " + commands.size());
    }

    @Test
    void aLockReleasedInTimeIsWaitedFor() throws Exception {
        answer(5, "", "  Can't get lock for vg0.\n");
        answer(0, "", "  Logical volume \"x\" successfully removed.\n");
        lvm.remove("vg0", "x");
        assertEquals(2, commands.size());
    }

    private void assertKind(LvmException.Kind kind, String stderr) {
        answer(5, "", stderr);
        LvmException e = assertThrows(LvmException.class, () -> lvm.remove("vg0", "x"));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(!e.getMessage().contains("WARNING"), "warnings are left out: " + e.getMessage());
    }
}
