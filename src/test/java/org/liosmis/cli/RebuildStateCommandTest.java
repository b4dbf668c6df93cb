package org.liosmis.cli;

import org.liosmis.service.UsageException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rebuild-state's bad inputs: a precise complaint, and nothing made on the way. */
class RebuildStateCommandTest {

    @TempDir
    Path dir;

    @Test
    void optionsOnlyServeTakesAreRefused() {
        assertEquals("rebuild-state takes --demo, --state-dir and --configfs, not \"--pool\"",
                refusal("--state-dir", dir.toString(), "--pool", "x=" + dir));
    }

    @Test
    void aStateDirectoryWithoutADemoOrAHostWithoutConfigfsIsSaidSoAndLeftAlone() {
        Path state = dir.resolve("state");
        assertEquals("there is no demo in " + state + "; lio-smis serve --demo makes one",
                refusal("--demo", "--state-dir", state.toString()));
        assertEquals("no LIO configfs at " + dir.resolve("none") + ": load the target_core_mod module and mount"
                + " configfs (modprobe target_core_mod), or try lio-smis with --demo",
                refusal("--state-dir", state.toString(), "--configfs", dir.resolve("none").toString()));
        assertFalse(Files.exists(state), "nothing made for a command that cannot run");
    }

    private static String refusal(String... args) {
        return assertThrows(UsageException.class, () -> RebuildStateCommand.run(List.of(args),
                new PrintStream(new ByteArrayOutputStream()))).getMessage();
    }
}
