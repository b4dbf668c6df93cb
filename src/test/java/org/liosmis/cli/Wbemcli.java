package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a shell line that calls Debian's wbemcli, bounded in time. */
final class Wbemcli {

    /** What the line printed (stdout and stderr together) and its exit code. */
    record Result(int exitCode, String output) {
        long lines() {
            return output.lines().filter(l -> !l.isBlank()).count();
        }
    }

    private Wbemcli() {
    }

    static Result run(String shellLine, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", shellLine).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, "timed out: " + shellLine);
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
