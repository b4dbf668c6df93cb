package org.liosmis.host.cmpi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The stand-in broker of src/test/c, running the built bridge library in a process of its
 * own, as a broker's provider process would: each command is one call of a management
 * interface, answered by the lines the stand-in writes up to "end". Every answer is awaited
 * for a bounded time, and closing kills what is left.
 */
final class StandInBroker implements AutoCloseable {

    static final Path NATIVE = Path.of("target/native");
    static final Path LIBRARY = NATIVE.resolve("libLioSmisCmpi.so");
    private static final long ANSWER_SECONDS = 120;

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private StandInBroker(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("error " + e.getMessage());
            }
        }, "stand-in broker output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The stand-in with the bridge library, its environment holding what is given (a null value unsets). */
    static StandInBroker start(Path log, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(NATIVE.resolve("standin-broker").toString(), LIBRARY.toString())
                .redirectError(log.toFile());
        builder.environment().remove("LIO_SMIS_CLASSPATH");
        builder.environment().remove("LIO_SMIS_CONFIG");
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        return new StandInBroker(builder.start());
    }

    /** The class path of these tests, lio-smis' classes and libraries included, for the bridge's JVM. */
    static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** The demo's provider configuration in dir. */
    static Path demoConfig(Path dir) throws IOException {
        return Files.writeString(dir.resolve("provider.conf"), "demo = true\nstate-dir = " + dir.resolve("state") + "\n");
    }

    /** One command's answer, its "end" left out. */
    List<String> run(String command) throws IOException, InterruptedException {
        commands.write(command + "\n");
        commands.flush();
        List<String> answer = new ArrayList<>();
        for (;;) {
            String line = lines.poll(ANSWER_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new IOException("the stand-in broker gave no answer to \"" + command + "\" in " + ANSWER_SECONDS
                        + " s; so far: " + answer);
            }
            if (line.equals("end")) {
                return answer;
            }
            answer.add(line);
        }
    }

    /** Whether the stand-in's process, and so the bridge and its JVM, still runs. */
    boolean alive() {
        return process.isAlive();
    }

    /** Ends the stand-in's input; its exit code. */
    int finish() throws IOException, InterruptedException {
        commands.close();
        if (!process.waitFor(ANSWER_SECONDS, TimeUnit.SECONDS)) {
            throw new IOException("the stand-in broker did not exit at the end of its input");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
