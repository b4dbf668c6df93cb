package org.liosmis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.HttpText;

/**
 * The server's request path alone: GetInstance of one demo volume over 16 kept-alive
 * connections with Basic authentication, from a client that costs next to nothing (the
 * request is built once, responses are read but not parsed), so the rate and the server's
 * CPU time per request are the server's. The server ({@link BenchTarget}: its own JVM, or any
 * WBEM server given by URL) runs in processes of its own; their CPU time is read from /proc.
 * Prints one results row naming the server; see docs/performance.md.
 */
@Tag("benchmark")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GetInstanceBenchmark {

    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 16);
    // long enough for the JIT to settle: C2 still compiles a good share of the CPU in the first seconds
    private static final long WARMUP_MILLIS = 15_000;
    private static final long MEASURE_MILLIS = 10_000;
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final String BODY = "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" "
            + "DTDVERSION=\"2.0\"><MESSAGE ID=\"1\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"GetInstance\">"
            + "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"lio\"/></LOCALNAMESPACEPATH>"
            + "<IPARAMVALUE NAME=\"InstanceName\"><INSTANCENAME CLASSNAME=\"LIO_StorageVolume\">"
            + "<KEYBINDING NAME=\"CreationClassName\"><KEYVALUE VALUETYPE=\"string\">LIO_StorageVolume</KEYVALUE>"
            + "</KEYBINDING><KEYBINDING NAME=\"DeviceID\"><KEYVALUE VALUETYPE=\"string\">fileio/demo1</KEYVALUE>"
            + "</KEYBINDING><KEYBINDING NAME=\"SystemCreationClassName\"><KEYVALUE VALUETYPE=\"string\">"
            + "LIO_StorageSystem</KEYVALUE></KEYBINDING><KEYBINDING NAME=\"SystemName\"><KEYVALUE VALUETYPE=\"string\">"
            + "lio-demo</KEYVALUE></KEYBINDING></INSTANCENAME></IPARAMVALUE>"
            + "<IPARAMVALUE NAME=\"LocalOnly\"><VALUE>FALSE</VALUE></IPARAMVALUE></IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";

    @Test
    void getInstanceOverKeptAliveConnections(@TempDir Path state) throws Exception {
        try (BenchTarget server = BenchTarget.open(state.resolve("lio"))) {
            URI address = server.address().server();
            byte[] request = request(address.getHost(), server.address().user(), server.address().password());
            ExecutorService threads = Executors.newFixedThreadPool(CONNECTIONS);
            try {
                long start = System.nanoTime();
                long measureFrom = start + TimeUnit.MILLISECONDS.toNanos(WARMUP_MILLIS);
                long end = measureFrom + TimeUnit.MILLISECONDS.toNanos(MEASURE_MILLIS);
                List<Future<long[]>> perConnection = new ArrayList<>();
                for (int i = 0; i < CONNECTIONS; i++) {
                    perConnection.add(threads.submit(() -> loop(address, request, measureFrom, end)));
                }
                Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(measureFrom - System.nanoTime())));
                List<Long> serverPids = withDescendants(server.pids());
                Map<Long, long[]> serverBefore = cpuTicks(serverPids);
                long[] clientBefore = total(cpuTicks(List.of(ProcessHandle.current().pid())));
                Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
                long[] serverTicks = difference(serverBefore, cpuTicks(serverPids));
                long[] clientAfter = total(cpuTicks(List.of(ProcessHandle.current().pid())));
                List<Long> latencies = new ArrayList<>();
                for (Future<long[]> f : perConnection) {
                    for (long nanos : f.get()) {
                        latencies.add(nanos);
                    }
                }
                Timings timings = Timings.of(latencies.stream().mapToLong(Long::longValue).toArray());
                assertTrue(timings.count() > 0);
                long requests = timings.count();
                String serverCpu = server.pids().isEmpty() ? "server CPU not measured (no bench.pids)"
                        : String.format(Locale.ROOT, "server CPU %.0f us/request (user %.0f, system %.0f; PIDs %s)",
                                micros(serverTicks[0] + serverTicks[1], requests), micros(serverTicks[0], requests),
                                micros(serverTicks[1], requests), serverPids);
                System.out.printf(Locale.ROOT, "%n| %s | GetInstance, %d kept-alive connections, Basic auth, %d s "
                        + "| %,.0f requests/s | %s, client CPU %.0f us/request; latency median %.2f ms, p99 %.2f ms; "
                        + "%,d requests |%n", server.label(), CONNECTIONS, MEASURE_MILLIS / 1000,
                        requests * 1000.0 / MEASURE_MILLIS, serverCpu,
                        micros(clientAfter[0] + clientAfter[1] - clientBefore[0] - clientBefore[1], requests),
                        timings.medianMillis(), timings.percentileMillis(99), requests);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static byte[] request(String host, String user, String password) {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String head = "POST /cimom HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/xml; charset=\"utf-8\"\r\n"
                + "CIMProtocolVersion: 1.0\r\nCIMOperation: MethodCall\r\nCIMMethod: GetInstance\r\n"
                + "CIMObject: root%2Flio\r\nAuthorization: Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /** One connection's loop; latencies of the requests that start in the measured window. */
    private static long[] loop(URI server, byte[] request, long measureFrom, long end) throws IOException {
        List<Long> latencies = new ArrayList<>();
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
                out.write(request);
                readResponse(in);
                long done = System.nanoTime();
                if (now >= measureFrom && done <= end) {
                    latencies.add(done - now);
                }
            }
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    /** Reads one 200 response, by its Content-Length or its chunks, and checks it is an instance. */
    private static void readResponse(InputStream in) throws IOException {
        String status = HttpText.line(in);
        assertTrue(status.startsWith("HTTP/1.1 200"), status);
        long length = -1;
        boolean chunked = false;
        for (String header = HttpText.line(in); !header.isEmpty(); header = HttpText.line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
                skip(in, size);
                HttpText.line(in);
            }
            HttpText.line(in);
        } else {
            assertEquals(true, length > 0, "a response without a body");
            skip(in, length);
        }
    }

    private static long chunkSize(InputStream in) throws IOException {
        return Long.parseLong(HttpText.line(in).trim(), 16);
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("the server closed the connection mid-response");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** User and system CPU time of processes (utime, stime), summed, in clock ticks. */
    /**
     * The processes named and those they started, as they are once the connections are open: a
     * broker that forks a process per connection (SFCB) or per provider serves from those.
     */
    private static List<Long> withDescendants(List<Long> pids) {
        return pids.stream().flatMap(pid -> Stream.concat(Stream.of(pid),
                ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid)))
                .distinct().sorted().toList();
    }

    /**
     * User and system clock ticks of each process still running, with those of its children that
     * ended and were waited for (a broker's short-lived workers; one that ends in the window
     * counts whole).
     */
    private static Map<Long, long[]> cpuTicks(List<Long> pids) {
        Map<Long, long[]> ticks = new HashMap<>();
        for (long pid : pids) {
            String stat;
            try {
                stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            } catch (IOException e) {
                continue; // it ended
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks.put(pid, new long[] {Long.parseLong(fields[11]) + Long.parseLong(fields[13]),
                    Long.parseLong(fields[12]) + Long.parseLong(fields[14])});
        }
        return ticks;
    }

    /** The ticks spent between two readings by the processes in both. */
    private static long[] difference(Map<Long, long[]> before, Map<Long, long[]> after) {
        long[] spent = new long[2];
        after.forEach((pid, ticks) -> {
            long[] then = before.get(pid);
            if (then != null) {
                spent[0] += ticks[0] - then[0];
                spent[1] += ticks[1] - then[1];
            }
        });
        return spent;
    }

    private static long[] total(Map<Long, long[]> ticks) {
        return ticks.values().stream().reduce(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
    }

    private static double micros(long ticks, long requests) {
        return ticks * 1_000_000.0 / CLOCK_TICKS_PER_SECOND / requests;
    }
}
