package org.liosmis.host.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Clients that stall, idle, trickle or crowd in, from their own address (127.0.0.2), while a
 * legitimate client on 127.0.0.1 keeps getting each answer within a second. Every loop is
 * bounded in count and time, and every connection is closed at the end.
 */
@Timeout(90)
class HostileClientsTest {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final String ENUMERATE_NAMES = BadInputTest.call("EnumerateInstanceNames",
            "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"LIO_StorageVolume\"/></IPARAMVALUE>");

    private final List<RawHttp> hostile = new ArrayList<>();
    private InetAddress attacker;
    private EmbeddedServer server;

    @BeforeEach
    void start() throws IOException {
        attacker = InetAddress.getByName("127.0.0.2");
        server = EmbeddedServer.start(config(), new FakeOperations());
    }

    @AfterEach
    void stop() throws IOException {
        for (RawHttp connection : hostile) {
            connection.close();
        }
        server.close();
    }

    private static ServerConfig config() {
        return TestServers.config().withLimits(limits -> limits.withTimeouts(limits.idleTimeout(), REQUEST_TIMEOUT));
    }

    private RawHttp hostileConnection() throws IOException {
        RawHttp connection = new RawHttp(server.httpPort(), attacker);
        hostile.add(connection);
        return connection;
    }

    /** One request on a new connection from 127.0.0.1, answered 200 within {@link #ANSWER_WITHIN}. */
    private void legitimateRequestIsAnswered() throws IOException {
        long started = System.nanoTime();
        try (RawHttp http = new RawHttp(server.httpPort())) {
            RawHttp.Response response = http.call("EnumerateInstanceNames", ENUMERATE_NAMES);
            assertEquals(200, response.status(), response.body());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(ANSWER_WITHIN) < 0, "a legitimate request took " + took.toMillis() + " ms");
    }

    private void legitimateRequestsAreAnswered(int count) throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            legitimateRequestIsAnswered();
            Thread.sleep(100);
        }
    }

    /** The server closes (or answers and closes) every hostile connection within the request timeout and a margin. */
    private void hostileConnectionsAreClosed() throws IOException {
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.plusSeconds(3).toNanos();
        for (RawHttp connection : hostile) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            try {
                connection.timeout((int) left);
                assertTrue(connection.closedOrAnsweredByServer(), "a hostile connection is still open");
            } catch (java.net.SocketTimeoutException e) {
                fail("a hostile connection was still open " + REQUEST_TIMEOUT.plusSeconds(3).toSeconds() + " s on");
            }
        }
    }

    @Test
    void stalledRequestHeadersHoldNoWorker() throws Exception {
        for (int i = 0; i < 32; i++) {
            hostileConnection().write("POST /cimom HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        }
        legitimateRequestsAreAnswered(10);
        hostileConnectionsAreClosed();
        legitimateRequestIsAnswered();
    }

    @Test
    void idleConnectionsLockNobodyOut() throws Exception {
        for (int i = 0; i < 200; i++) {
            hostileConnection();
        }
        legitimateRequestsAreAnswered(10);
    }

    /** 100 idle connections from one address: past the limit in all, or past the limit for one address. */
    @ParameterizedTest
    @CsvSource({"64, 256", "64, 16"})
    void moreIdleConnectionsThanALimitLockNobodyOut(int total, int perAddress) throws Exception {
        server.close();
        server = EmbeddedServer.start(config().withLimits(limits -> limits.withConnections(total, perAddress)),
                new FakeOperations());
        for (int i = 0; i < 100; i++) {
            hostileConnection();
        }
        legitimateRequestsAreAnswered(10);
    }

    @Test
    void aTrickledBodyHoldsNoWorkerAndIsCutOff() throws Exception {
        String head = RawHttp.head("POST", "MethodCall", "EnumerateInstanceNames", "root%2Flio", RawHttp.AUTHORIZATION,
                "Content-Length: " + ENUMERATE_NAMES.length());
        for (int i = 0; i < 32; i++) {
            hostileConnection().write(head + ENUMERATE_NAMES.substring(0, 10));
        }
        AtomicBoolean trickling = new AtomicBoolean(true);
        CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> {
            for (int n = 0; n < 40 && trickling.get(); n++) {
                for (RawHttp connection : hostile) {
                    try {
                        connection.write(" ");
                    } catch (IOException closedByServer) {
                        // what the server should do to a client this slow
                    }
                }
                sleep(250);
            }
        });
        try {
            legitimateRequestsAreAnswered(10);
        } finally {
            trickling.set(false);
            trickle.get(20, TimeUnit.SECONDS);
        }
        hostileConnectionsAreClosed();
    }

    @Test
    void aReconnectingStallerKeepsNobodyOut() throws Exception {
        AtomicBoolean attacking = new AtomicBoolean(true);
        CompletableFuture<Void> attack = CompletableFuture.runAsync(() -> {
            List<RawHttp> mine = new ArrayList<>();
            try {
                for (int n = 0; n < 400 && attacking.get(); n++) {
                    try {
                        RawHttp connection = new RawHttp(server.httpPort(), attacker);
                        mine.add(connection);
                        connection.write("POST /cimom HTTP/1.1\r\n");
                    } catch (IOException refused) {
                        // refused or reset: the attacker simply tries again
                    }
                    sleep(10);
                }
            } finally {
                mine.forEach(HostileClientsTest::closeQuietly);
            }
        });
        try {
            legitimateRequestsAreAnswered(20);
        } finally {
            attacking.set(false);
            attack.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientReadingItsResponseSlowlyDoesNotHoldAWorker() throws Exception {
        server.close();
        // one worker and no queue: while anything holds the worker, another request gets 503
        server = EmbeddedServer.start(config().withLimits(limits -> limits.withWorkers(1, 0)
                .withTimeouts(Duration.ofSeconds(3), REQUEST_TIMEOUT).withMinResponseBytesPerSecond(64 * 1024)),
                new FakeOperations());
        AtomicBoolean reading = new AtomicBoolean(true);
        CompletableFuture<Void> slowReader = CompletableFuture.runAsync(() -> {
            try (Socket slow = new Socket()) {
                slow.setReceiveBufferSize(4096);
                slow.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.httpPort()));
                String many = BadInputTest.call("EnumerateInstances",
                        "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"LIO_Many\"/></IPARAMVALUE>");
                slow.getOutputStream().write((RawHttp.head("POST", "MethodCall", "EnumerateInstances",
                        "root%2Flio", RawHttp.AUTHORIZATION, "Content-Length: " + many.length()) + many)
                        .getBytes(StandardCharsets.UTF_8));
                byte[] sip = new byte[2048];
                // 4 KiB/s, often enough never to be idle but far below the minimum rate, for at most 20 s
                for (int n = 0; n < 40 && reading.get() && slow.getInputStream().read(sip) >= 0; n++) {
                    sleep(500);
                }
            } catch (IOException cutOff) {
                // what the server may do to a reader this slow
            }
        });
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
            int status;
            do {
                sleep(250);
                try (RawHttp http = new RawHttp(server.httpPort())) {
                    status = http.call("EnumerateInstanceNames", ENUMERATE_NAMES).status();
                }
            } while (status == 503 && System.nanoTime() < deadline);
            assertEquals(200, status, "the worker is free again while the slow client still reads");
        } finally {
            reading.set(false);
            slowReader.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBurstOfRequestsIsAnsweredEveryOne() throws Exception {
        int burst = 80;
        ExecutorService clients = Executors.newFixedThreadPool(burst);
        try {
            List<Future<RawHttp.Response>> answers = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                answers.add(clients.submit(() -> {
                    try (RawHttp http = new RawHttp(server.httpPort())) {
                        return http.call("EnumerateInstanceNames", ENUMERATE_NAMES);
                    }
                }));
            }
            for (Future<RawHttp.Response> answer : answers) {
                RawHttp.Response response = answer.get(30, TimeUnit.SECONDS);
                assertEquals(200, response.status(), "every request of a burst is served: " + response.body());
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(RawHttp connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // closing a connection the server may have reset already
        }
    }
}
