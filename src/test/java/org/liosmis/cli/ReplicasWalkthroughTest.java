package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the wbemcli walk-through of docs/replicas.md as one script, as written, against the
 * demo target; only the line saying where the server is, is replaced.
 */
@Tag(DemoTarget.ANY_HOST)
class ReplicasWalkthroughTest {

    @TempDir
    Path stateDir;

    @Test
    void snapshotAndCopyAreMadeFollowedAndDeleted() throws Exception {
        try (DemoTarget target = DemoTarget.open(stateDir)) {
            String script = Walkthrough.script(Path.of("docs/replicas.md"), target);
            Wbemcli.Result result = Walkthrough.run("set -euo pipefail\n" + script, target);
            String out = result.output();
            assertEquals(0, result.exitCode(), out);
            assertTrue(out.contains("SupportedCopyTypes=4,5"), out);
            assertEquals(2, count(out, "CreateReplica: 4096, Job \\(reference\\)"), out);
            // a broker writes the properties and the keys in its own order
            assertEquals(2, count(out, "JobState=7\\b"), out);
            assertEquals(2, count(out, "ElapsedTime="), out);
            assertTrue(Pattern.compile("LIO_StorageVolume\\.[^ ]*DeviceID=\"fileio/snap1\"").matcher(out).find(), out);
            assertTrue(out.contains("DeviceID=\"fileio/copy1\""), out);
            // one relationship: the snapshot, frozen after its full copy
            assertEquals(1, count(out, "LIO_StorageSynchronized\\.[^ ]*SyncedElement="), out);
            assertTrue(count(out, "\\bCopyType=4\\b") > 0 && count(out, "\\bSyncState=14\\b") > 0, out);
            assertEquals(2, count(out, "ReturnToStoragePool: 0"), out);
            // the volume list before the deletes has five volumes, after them the three demo volumes
            assertTrue(out.lines().filter(l -> l.contains("LIO_StorageVolume.") && !l.contains(" ")).count() >= 8, out);
            try (var files = Files.list(target.stateDir().resolve("pool"))) {
                assertEquals(List.of("demo1.img", "demo2.img", "demo3.img"),
                        files.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }
    }

    private static long count(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }
}
