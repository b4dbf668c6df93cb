package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's wbemcli walk-through line by line, as written, with Debian's wbemcli
 * against the demo target. Only the first line (where the server is) is replaced.
 */
@Tag(DemoTarget.ANY_HOST)
class ReadmeWalkthroughTest {

    @TempDir
    static Path stateDir;
    private static DemoTarget target;

    @BeforeAll
    static void start() throws Exception {
        target = DemoTarget.open(stateDir);
    }

    @AfterAll
    static void stop() throws Exception {
        target.close();
    }

    @Test
    void everyCommandOfTheReadmeWorksAsWritten() throws Exception {
        List<String> lines = Walkthrough.script(Path.of("README.md"), target).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertTrue(lines.get(0).startsWith("VOL="), lines.get(0));
        String setup = lines.get(0) + "\n";
        Map<String, Wbemcli.Result> results = new HashMap<>();
        for (String command : lines.subList(1, lines.size())) {
            assertTrue(command.startsWith("wbemcli "), command);
            Wbemcli.Result result = Walkthrough.run(setup + command, target);
            assertEquals(0, result.exitCode(), command + "\n" + result.output());
            assertTrue(result.lines() > 0, "no output from " + command);
            results.put(command, result);
        }
        assertEquals(11, results.size());
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
        check(results, "wbemcli ei \"$LIO/" + target.interopNamespace() + ":CIM_RegisteredProfile\"",
                r -> assertEquals(4, snia(r, "Array|Block Services|Copy Services|Job Control"), r.output()));
        check(results, "wbemcli ai -ac", r -> assertEquals(1, snia(r, "Array"), r.output()));
        // one object manager, whichever server hosts lio-smis (a broker's is its own)
        check(results, "wbemcli ei \"$LIO/" + target.interopNamespace() + ":CIM_ObjectManager\"", r -> {
            assertEquals(1, r.lines(), r.output());
            assertTrue(r.output().contains("ElementName="), r.output());
        });
    }

    /** How many lines show a SNIA profile (RegisteredOrganization 11) of one of these names. */
    private static long snia(Wbemcli.Result result, String names) {
        return result.output().lines().filter(line -> line.matches(".*RegisteredName=\"(" + names + ")\".*")
                && line.contains("RegisteredOrganization=11")).count();
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
