package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the wbemcli walk-through of docs/replicas.md as one script, as written, against
 * "serve --demo"; only the line saying where the server is, is replaced.
 */
class ReplicasWalkthroughTest {

    @TempDir
    Path stateDir;

    static String walkthrough(Path document) throws Exception {
        String text = Files.readString(document);
        String block = text.substring(text.indexOf("<!-- walkthrough:start -->"), text.indexOf("<!-- walkthrough:end -->"));
        int fence = block.indexOf("```");
        return block.substring(block.indexOf('\n', fence) + 1, block.lastIndexOf("```"));
    }

    @Test
    void snapshotAndCopyAreMadeFollowedAndDeleted() throws Exception {
        String script = walkthrough(Path.of("docs/replicas.md"));
        List<String> lines = script.lines().toList();
        assertTrue(lines.get(0).startsWith("LIO="), lines.get(0));
        String body = String.join("\n", lines.subList(1, lines.size()));
        try (DemoServer server = DemoServer.start(stateDir)) {
            Wbemcli.Result result = Wbemcli.run("set -euo pipefail\n" + body, Map.of("LIO", server.url("http")));
            String out = result.output();
            assertEquals(0, result.exitCode(), out);
            assertTrue(out.contains("SupportedCopyTypes=4,5"), out);
            assertEquals(2, count(out, "CreateReplica: 4096, Job \\(reference\\)"), out);
            assertEquals(2, count(out, "JobState=7,"), out);
            assertTrue(out.contains("JobOutParameters="), out);
            assertTrue(out.contains("LIO_StorageVolume.CreationClassName=\"LIO_StorageVolume\",DeviceID=\"fileio/snap1\""), out);
            assertTrue(out.contains("DeviceID=\"fileio/copy1\""), out);
            // one relationship: the snapshot, frozen after its full copy
            assertEquals(1, count(out, "LIO_StorageSynchronized.SyncedElement="), out);
            assertTrue(out.contains("CopyType=4,") && out.contains("SyncState=14,"), out);
            assertEquals(2, count(out, "ReturnToStoragePool: 0"), out);
            // the volume list before the deletes has five volumes, after them the three demo volumes
            assertTrue(out.lines().filter(l -> l.contains("LIO_StorageVolume.") && !l.contains(" ")).count() >= 8, out);
        }
        try (var files = Files.list(stateDir.resolve("pool"))) {
            assertEquals(List.of("demo1.img", "demo2.img", "demo3.img"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static long count(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }
}
