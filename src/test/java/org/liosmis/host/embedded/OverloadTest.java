package org.liosmis.host.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With every worker busy and the queue full, a request gets 503 at once instead of waiting in
 * memory; an operation that takes longer than connections may idle is still answered.
 */
@Timeout(30)
class OverloadTest {

    @Test
    void excessRequestsGet503() throws Exception {
        FakeOperations operations = new FakeOperations();
        try (EmbeddedServer server = EmbeddedServer.start(TestServers.config().withLimits(limits -> limits.withWorkers(1, 0)), operations)) {
            String slow = BadInputTest.call("EnumerateInstances",
                    "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"LIO_Slow\"/></IPARAMVALUE>");
            CompletableFuture<Integer> busy = CompletableFuture.supplyAsync(() -> {
                try (RawHttp http = new RawHttp(server.httpPort())) {
                    return http.call("EnumerateInstances", slow).status();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(operations.slowStarted.await(10, TimeUnit.SECONDS));
            try (RawHttp http = new RawHttp(server.httpPort())) {
                RawHttp.Response refused = http.call("EnumerateInstances", slow);
                assertEquals(503, refused.status());
                assertEquals("1", refused.header("Retry-After"));
            }
            operations.slowRelease.countDown();
            assertEquals(200, busy.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void anOperationLongerThanTheIdleTimeoutIsAnswered() throws Exception {
        FakeOperations operations = new FakeOperations();
        ServerConfig config = TestServers.config()
                .withLimits(limits -> limits.withTimeouts(Duration.ofSeconds(1), limits.requestTimeout()));
        try (EmbeddedServer server = EmbeddedServer.start(config, operations)) {
            CompletableFuture<RawHttp.Response> slow = CompletableFuture.supplyAsync(() -> {
                try (RawHttp http = new RawHttp(server.httpPort())) {
                    return http.call("EnumerateInstances", BadInputTest.call("EnumerateInstances",
                            "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"LIO_Slow\"/></IPARAMVALUE>"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(operations.slowStarted.await(10, TimeUnit.SECONDS));
            Thread.sleep(2_500);
            operations.slowRelease.countDown();
            RawHttp.Response answer = slow.get(10, TimeUnit.SECONDS);
            assertEquals(200, answer.status());
            assertTrue(answer.body().contains("slow"), answer.body());
        }
    }
}
