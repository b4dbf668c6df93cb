package org.liosmis.lvm;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs one LVM command; a seam so parsing and retries can be tested without device-mapper. */
@FunctionalInterface
public interface CommandRunner {

    /** What a command printed and how it exited. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    Result run(List<String> command) throws IOException, InterruptedException;

    /** The host's {@code lvm} binary, in the C locale, with lio-smis' open files not reported as leaked. */
    static CommandRunner system() {
        return command -> {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("LC_ALL", "C");
            builder.environment().put("LVM_SUPPRESS_FD_WARNINGS", "1");
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            // stderr is small; read it beside stdout so neither pipe can fill and stall the command
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            return new Result(process.waitFor(), stdout, stderr.join());
        };
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
