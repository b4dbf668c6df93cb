package org.liosmis.host.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Wrong passwords are slowed per client address: after a few, that address is refused at
 * once (429, without hashing anything) for a while that doubles with every further failure,
 * and clients at other addresses notice nothing.
 */
@Timeout(90)
class PasswordGuessingTest {

    private static final String BODY = BadInputTest.call("EnumerateInstanceNames",
            "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"LIO_StorageVolume\"/></IPARAMVALUE>");
    private static final String WRONG = basic("admin:guess");

    private EmbeddedServer server;
    private InetAddress guesser;

    @BeforeEach
    void start() throws IOException {
        guesser = InetAddress.getByName("127.0.0.2");
        // the real hashing cost, since what guessers cost the server is part of what is tested
        Credentials real = Credentials.empty().with(TestServers.USER, TestServers.PASSWORD.toCharArray());
        server = EmbeddedServer.start(TestServers.config().withCredentials(real, "lio-smis"), new FakeOperations());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private RawHttp.Response call(InetAddress from, String authorization) throws IOException {
        try (RawHttp http = new RawHttp(server.httpPort(), from)) {
            return http.send(RawHttp.head("POST", "MethodCall", "EnumerateInstanceNames", "root%2Flio", authorization,
                    "Content-Length: " + BODY.length()), BODY);
        }
    }

    @Test
    void anAddressThatKeepsGuessingIsRefusedForAWhile() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, call(guesser, WRONG).status(), "attempt " + (i + 1) + " is checked");
        }
        RawHttp.Response refused = call(guesser, RawHttp.AUTHORIZATION);
        assertEquals(429, refused.status(), "even the right password waits out the pause: " + refused.body());
        assertNotNull(refused.header("Retry-After"));
        assertTrue(refused.body().contains("failed"), refused.body());
        assertEquals(200, call(InetAddress.getLoopbackAddress(), RawHttp.AUTHORIZATION).status(),
                "another address is not held up");
        Thread.sleep(Duration.ofSeconds(Long.parseLong(refused.header("Retry-After"))).toMillis() + 200);
        assertEquals(200, call(guesser, RawHttp.AUTHORIZATION).status(), "after the pause the right password works");
    }

    @Test
    void parallelGuessersDoNotSlowOtherClients() throws Exception {
        AtomicBoolean guessing = new AtomicBoolean(true);
        List<CompletableFuture<Void>> guessers = new ArrayList<>();
        for (int g = 0; g < 16; g++) {
            guessers.add(CompletableFuture.runAsync(() -> {
                for (int n = 0; n < 200 && guessing.get(); n++) {
                    try {
                        call(guesser, WRONG);
                    } catch (IOException e) {
                        // a refused guess is what the guesser gets
                    }
                }
            }));
        }
        try {
            Thread.sleep(500);
            for (int i = 0; i < 10; i++) {
                long started = System.nanoTime();
                assertEquals(200, call(InetAddress.getLoopbackAddress(), RawHttp.AUTHORIZATION).status());
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertTrue(millis < 1000, "a request of another client took " + millis + " ms");
            }
        } finally {
            guessing.set(false);
            CompletableFuture.allOf(guessers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
    }
}
