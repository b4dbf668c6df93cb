package org.liosmis.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.liosmis.cli.Main;

/** The lio-smis command as a user runs it: a JVM of its own, on the test's class path. */
public final class LioSmisCommand {

    private static final long TIMEOUT_SECONDS = 60;

    /** What a finished command printed and how it exited. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private LioSmisCommand() {
    }

    /** The command line: java with {@code jvmOptions}, then lio-smis with {@code args}. */
    public static List<String> line(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return command;
    }

    /** Runs lio-smis with {@code args} and {@code input} as its standard input, within 60 s. */
    public static Result run(String input, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("lio-smis-", ".out");
        Path err = Files.createTempFile("lio-smis-", ".err");
        try {
            Process process = new ProcessBuilder(line(List.of(), List.of(args)))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                throw new AssertionError("lio-smis " + String.join(" ", args) + " did not end within 60 s");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
