package org.liosmis.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of another JVM, read the way an operator would: {@code jcmd <pid> GC.heap_info}
 * after a full GC for what stays live, and {@code jstat -gc <pid> <ms>} sampling (the JVM's
 * perf counters, no JMX) for the highest heap in use while something runs.
 */
final class HeapProbe {

    private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap\\s+total (?:reserved )?\\d+K, "
            + "(?:committed \\d+K, )?used (\\d+)K");
    private static final int SAMPLE_MILLIS = 20;
    private static final List<String> USED_COLUMNS = List.of("S0U", "S1U", "EU", "OU");

    private final long pid;
    private final Path jdkBin;

    HeapProbe(long pid) {
        this.pid = pid;
        this.jdkBin = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent();
    }

    /** Heap in use after a full GC, in KiB. */
    long liveKib() throws IOException, InterruptedException {
        run("jcmd", Long.toString(pid), "GC.run");
        String info = run("jcmd", Long.toString(pid), "GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        if (!used.find()) {
            throw new IOException("unexpected GC.heap_info output: " + info);
        }
        return Long.parseLong(used.group(1));
    }

    /** Runs {@code work} while sampling the heap; returns the highest heap in use seen, in KiB. */
    long peakKibDuring(ThrowingRunnable work) throws Exception {
        Process jstat = new ProcessBuilder(jdkBin.resolve("jstat").toString(), "-gc", Long.toString(pid),
                Integer.toString(SAMPLE_MILLIS)).redirectErrorStream(true).start();
        AtomicLong peak = new AtomicLong();
        Thread reader = new Thread(() -> readSamples(jstat, peak), "jstat-reader");
        reader.start();
        try {
            work.run();
            Thread.sleep(3L * SAMPLE_MILLIS);
        } finally {
            jstat.destroy();
            jstat.waitFor();
            reader.join();
        }
        return peak.get();
    }

    private static void readSamples(Process jstat, AtomicLong peak) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> header = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                List<String> fields = Arrays.asList(line.trim().split("\\s+"));
                if (fields.contains("EU")) {
                    header = fields;
                } else if (header != null && fields.size() == header.size()) {
                    double used = 0;
                    for (String column : USED_COLUMNS) {
                        used += Double.parseDouble(fields.get(header.indexOf(column)));
                    }
                    peak.accumulateAndGet((long) used, Math::max);
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // jstat was stopped
        }
    }

    private String run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(jdkBin.resolve(tool).toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(tool + " failed: " + output);
        }
        return output;
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
