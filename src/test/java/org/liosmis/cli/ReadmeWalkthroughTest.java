package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's wbemcli walk-through line by line, as written, with Debian's wbemcli
 * against "serve --demo". Only the first line (where the server is) is replaced.
 */
class ReadmeWalkthroughTest {

    @TempDir
    static Path stateDir;
    private static DemoServer server;

    @BeforeAll
    static void start() throws Exception {
        server = DemoServer.start(stateDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> walkthrough() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String block = readme.substring(readme.indexOf("<!-- walkthrough:start -->"),
                readme.indexOf("<!-- walkthrough:end -->"));
        List<String> lines = new ArrayList<>();
        for (String line : block.lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("```") && !line.startsWith("<!--")) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void everyCommandOfTheReadmeWorksAsWritten() throws Exception {
        List<String> lines = walkthrough();
        assertTrue(lines.get(0).startsWith("LIO="), lines.get(0));
        assertTrue(lines.get(1).startsWith("VOL="), lines.get(1));
        Map<String, String> env = new HashMap<>();
        env.put("LIO", server.url("http"));
        String setup = lines.get(1) + "\n";
        Map<String, Wbemcli.Result> results = new HashMap<>();
        for (String command : lines.subList(2, lines.size())) {
            assertTrue(command.startsWith("wbemcli "), command);
            Wbemcli.Result result = Wbemcli.run(setup + command, env);
            assertEquals(0, result.exitCode(), command + "\n" + result.output());
            assertTrue(result.lines() > 0, "no output from " + command);
            results.put(command, result);
        }
        assertEquals(10, results.size());
        check(results, "wbemcli ein \"$LIO/root/lio:LIO_StorageVolume\"", r -> {
            assertEquals(3, r.lines(), r.output());
            assertTrue(r.output().contains("DeviceID=\"fileio/demo1\""), r.output());
        });
        check(results, "wbemcli ei \"$LIO/root/lio:CIM_StorageVolume\"", r -> {
            assertEquals(3, r.lines(), r.output());
            assertTrue(r.output().contains("NameFormat=9"), r.output());
        });
        check(results, "wbemcli gi", r -> assertTrue(r.output().matches("(?s).*Name=\"6001405[0-9A-F]{25}\".*"), r.output()));
        check(results, "wbemcli -dx gc", r -> assertEquals(List.of("PARAMETER NAME=\"CopyType\"",
                "PARAMETER NAME=\"ElementName\"", "PARAMETER.REFERENCE NAME=\"Job\"",
                "PARAMETER.REFERENCE NAME=\"SourceElement\"", "PARAMETER.REFERENCE NAME=\"TargetElement\"",
                "PARAMETER.REFERENCE NAME=\"TargetPool\"", "PARAMETER.REFERENCE NAME=\"TargetSettingGoal\""),
                r.output().lines().toList()));
        check(results, "wbemcli ain \"$LIO/root/lio:$VOL\"", r -> {
            assertEquals(2, r.lines(), r.output());
            assertTrue(r.output().contains("LIO_StoragePool.InstanceID=\"LIO:pool:default\""), r.output());
        });
        check(results, "wbemcli ri", r -> assertTrue(r.output().contains("SpaceConsumed=16777216"), r.output()));
        check(results, "wbemcli ain -ac", r -> assertTrue(
                r.output().contains("root/lio:LIO_StorageSystem.CreationClassName=\"LIO_StorageSystem\",Name=\"lio-demo\""),
                r.output()));
    }

    private interface Check {
        void accept(Wbemcli.Result result);
    }

    private static void check(Map<String, Wbemcli.Result> results, String prefix, Check check) {
        List<Wbemcli.Result> matching = results.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList();
        assertEquals(1, matching.size(), "README commands starting with " + prefix);
        check.accept(matching.get(0));
    }
}
