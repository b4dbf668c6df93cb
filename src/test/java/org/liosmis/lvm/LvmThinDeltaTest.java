package org.liosmis.lvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How Lvm reads the changed chunks of two thin volumes: the commands it runs, and that the pool's
 * metadata snapshot is released whatever happens. The texts are those the test guest printed
 * (LVM 2.03, thin-provisioning-tools 0.9.0, Debian's 6.1 kernel), for volume group "lio-delta".
 */
class LvmThinDeltaTest {

    private static final List<String> RESERVE = List.of("dmsetup", "message", "lio--delta-pool-tpool", "0",
            "reserve_metadata_snap");
    private static final List<String> RELEASE = List.of("dmsetup", "message", "lio--delta-pool-tpool", "0",
            "release_metadata_snap");
    private static final List<String> THIN_DELTA = List.of("thin_delta", "--metadata-snap", "--snap1", "2", "--snap2",
            "3", "/dev/mapper/lio--delta-pool_tmeta");
    private static final String DELTA = ThinDeltaXmlTest.FROM_THE_GUEST;
    private static final List<ThinRange> CHANGED = List.of(new ThinRange(5242880, 131072),
            new ThinRange(31457280, 196608), new ThinRange(52494336, 131072));
    private static final String BUSY = "device-mapper: message ioctl on lio--delta-pool-tpool  failed: "
            + "Device or resource busy\nCommand failed.\n";
    private static final String NOT_HELD = "device-mapper: message ioctl on lio--delta-pool-tpool  failed: "
            + "Invalid argument\nCommand failed.\n";

    private final List<List<String>> commands = new ArrayList<>();
    private final Deque<CommandRunner.Result> answers = new ArrayDeque<>();
    /** Programs the fake host lacks. */
    private final List<String> missing = new ArrayList<>();
    private final Lvm lvm = new Lvm(command -> {
        commands.add(command);
        if (missing.contains(command.getFirst())) {
            throw new IOException("Cannot run program \"" + command.getFirst()
                    + "\": error=2, No such file or directory");
        }
        return answers.removeFirst();
    }, Duration.ofMillis(500));

    private void answer(int exitCode, String stdout, String stderr) {
        answers.add(new CommandRunner.Result(exitCode, stdout, stderr));
    }

    private void thinVolumes() {
        answer(0, "  Vwi-a-tz-k|pool|2|67108864\n", "");
        answer(0, "  Vwi-a-tz-k|pool|3|67108864\n", "");
    }

    @Test
    void theChangedChunksAreReadUnderAMetadataSnapshotThenReleased() throws Exception {
        thinVolumes();
        answer(0, "", "");
        answer(0, DELTA, "");
        answer(0, "", "");
        assertEquals(CHANGED, lvm.thinDifferences("lio-delta", "pool", "cycle1", "cycle2"));
        assertEquals("lio-delta/cycle1", commands.get(0).getLast());
        assertEquals("lio-delta/cycle2", commands.get(1).getLast());
        assertEquals(List.of(RESERVE, THIN_DELTA, RELEASE), commands.subList(2, 5));
    }

    @Test
    void theLastChunkEndsWithTheNewerVolume() throws Exception {
        answer(0, "  Vwi-a-tz-k|pool|2|67108864\n", "");
        answer(0, "  Vwi-a-tz-k|pool|3|5242880\n", "");
        answer(0, "", "");
        answer(0, DELTA.replace("begin=\"80\" length=\"2\"", "begin=\"79\" length=\"2\""), "");
        answer(0, "", "");
        assertEquals(List.of(new ThinRange(79 << 16, 1 << 16)),
                lvm.thinDifferences("lio-delta", "pool", "cycle1", "cycle2"));
    }

    @Test
    void theSnapshotIsReleasedWhenThinDeltaFails() {
        thinVolumes();
        answer(0, "", "");
        answer(1, "", "no current metadata snap\n");
        answer(0, "", "");
        LvmException e = assertThrows(LvmException.class,
                () -> lvm.thinDifferences("lio-delta", "pool", "cycle1", "cycle2"));
        assertTrue(e.getMessage().contains("no current metadata snap"), e.getMessage());
        assertEquals(RELEASE, commands.getLast());
    }

    @Test
    void theSnapshotIsReleasedWhenThinDeltasOutputCannotBeRead() {
        thinVolumes();
        answer(0, "", "");
        answer(0, DELTA.replace("different", "moved"), "");
        answer(0, "", "");
        assertThrows(LvmException.class, () -> lvm.thinDifferences("lio-delta", "pool", "cycle1", "cycle2"));
        assertEquals(RELEASE, commands.getLast());
    }

    @Test
    void theSnapshotIsReleasedWhenThinDeltaIsMissing() {
        thinVolumes();
        answer(0, "", "");
        answer(0, "", "");
        missing.add("thin_delta");
        LvmException e = assertThrows(LvmException.class,
                () -> lvm.thinDifferences("lio-delta", "pool", "cycle1", "cycle2"));
        assertEquals(LvmException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().startsWith("cannot run thin_delta: ") && e.getMessage().contains(
                "thin-provisioning-tools"), e.getMessage());
        assertEquals(RELEASE, commands.getLast());
    }

    @Test
    void withoutDmsetupNothingIsReserved() {
        thinVolumes();
        missing.add("dmsetup");
        LvmException e = assertThrows(LvmException.class,
                () -> lvm.thinDifferences("lio-delta", "pool", "cycle1", "cycle2"));
        assertEquals(LvmException.Kind.UNSUPPORTED, e.kind());
        assertEquals(List.of(RESERVE), commands.subList(2, commands.size()));
    }

    @Test
    void aFailedReleaseAfterASuccessIsReported() {
        thinVolumes();
        answer(0, "", "");
        answer(0, DELTA, "");
        answer(1, "", NOT_HELD);
        LvmException e = assertThrows(LvmException.class,
                () -> lvm.thinDifferences("lio-delta", "pool", "cycle1", "cycle2"));
        assertTrue(e.getMessage().contains("release_metadata_snap"), e.getMessage());
    }

    @Test
    void aSnapshotLeftHeldIsReleasedAndTheReservationTriedAgain() throws Exception {
        thinVolumes();
        answer(1, "", BUSY);
        answer(0, "", "");
        answer(0, "", "");
        answer(0, DELTA, "");
        answer(0, "", "");
        assertEquals(CHANGED, lvm.thinDifferences("lio-delta", "pool", "cycle1", "cycle2"));
        assertEquals(List.of(RESERVE, RELEASE, RESERVE, THIN_DELTA, RELEASE), commands.subList(2, 7));
    }

    @Test
    void aReservationRefusedTwiceIsReportedAndNothingRead() {
        thinVolumes();
        answer(1, "", BUSY);
        answer(0, "", "");
        answer(1, "", BUSY);
        LvmException e = assertThrows(LvmException.class,
                () -> lvm.thinDifferences("lio-delta", "pool", "cycle1", "cycle2"));
        assertTrue(e.getMessage().contains("Device or resource busy"), e.getMessage());
        assertEquals(List.of(RESERVE, RELEASE, RESERVE), commands.subList(2, commands.size()));
    }

    @Test
    void aBusyPoolWhoseSnapshotCannotBeReleasedIsReportedAsBusy() {
        thinVolumes();
        answer(1, "", BUSY);
        answer(1, "", NOT_HELD);
        LvmException e = assertThrows(LvmException.class,
                () -> lvm.thinDifferences("lio-delta", "pool", "cycle1", "cycle2"));
        assertTrue(e.getMessage().contains("reserve_metadata_snap") && e.getSuppressed().length == 1, e.getMessage());
        assertEquals(List.of(RESERVE, RELEASE), commands.subList(2, commands.size()));
    }

    @Test
    void anyOtherReservationFailureIsReportedWithoutARelease() {
        thinVolumes();
        answer(1, "", "device-mapper: message ioctl on lio--delta-pool-tpool  failed: No such device or address\n");
        assertThrows(LvmException.class, () -> lvm.thinDifferences("lio-delta", "pool", "cycle1", "cycle2"));
        assertEquals(List.of(RESERVE), commands.subList(2, commands.size()));
    }

    @Test
    void volumesOfAnotherPoolAreNotCompared() {
        answer(0, "  Vwi-a-tz-k|other|2|67108864\n", "");
        LvmException e = assertThrows(LvmException.class,
                () -> lvm.thinDifferences("lio-delta", "pool", "cycle1", "cycle2"));
        assertEquals(LvmException.Kind.UNSUPPORTED, e.kind());
        assertEquals(1, commands.size());
    }
}
