package org.liosmis.cimom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.liosmis.cimom.EnumerationContext.Kind;
import org.metricshub.wbem.javax.wbem.WBEMException;

class EnumerationContextsTest {

    private static final String NS = "root/test";

    private Instant now = Instant.parse("2026-11-29T09:00:00Z");
    private final AtomicInteger closedStreams = new AtomicInteger();
    private final EnumerationContexts contexts = new EnumerationContexts(
            new EnumerationLimits(3, 2, Duration.ofSeconds(60), Duration.ofSeconds(300)), () -> now);

    /** A context as an Open leaves it when its first page had more to give. */
    private EnumerationContext opened(String client, Long timeoutSeconds) throws WBEMException {
        EnumerationContext context = contexts.open(client, NS, Kind.INSTANCES, timeoutSeconds);
        context.start(Stream.of(1, 2, 3).onClose(closedStreams::incrementAndGet));
        contexts.release(context, true);
        return context;
    }

    private static void assertCimError(int code, String words, Executable call) {
        WBEMException e = assertThrows(WBEMException.class, call);
        assertEquals(code, e.getID(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void boundsContextsPerClientAndInAll() throws Exception {
        opened("10.0.0.1", null);
        opened("10.0.0.1", null);
        assertCimError(WBEMException.CIM_ERR_SERVER_LIMITS_EXCEEDED, "this client has 2",
                () -> contexts.open("10.0.0.1", NS, Kind.INSTANCES, null));
        opened("10.0.0.2", null);
        assertCimError(WBEMException.CIM_ERR_SERVER_LIMITS_EXCEEDED, "the server has 3",
                () -> contexts.open("10.0.0.3", NS, Kind.INSTANCES, null));
        assertEquals(3, contexts.openCount());
    }

    @Test
    void aContextAtItsEndIsClosedAndFreesItsSlot() throws Exception {
        EnumerationContext first = opened("10.0.0.1", null);
        opened("10.0.0.1", null);
        contexts.release(contexts.take("10.0.0.1", NS, first.id, Kind.INSTANCES), false);
        assertEquals(1, closedStreams.get());
        opened("10.0.0.1", null);
        assertCimError(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT, "no enumeration context",
                () -> contexts.take("10.0.0.1", NS, first.id, Kind.INSTANCES));
    }

    @Test
    void expiresAfterItsTimeoutWithoutAnOperation() throws Exception {
        EnumerationContext context = opened("10.0.0.1", 10L);
        now = now.plusSeconds(9);
        contexts.release(contexts.take("10.0.0.1", NS, context.id, Kind.INSTANCES), true);
        // each operation restarts the timer
        now = now.plusSeconds(9);
        contexts.release(contexts.take("10.0.0.1", NS, context.id, Kind.INSTANCES), true);
        now = now.plusSeconds(10);
        assertCimError(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT, "expired",
                () -> contexts.take("10.0.0.1", NS, context.id, Kind.INSTANCES));
        assertEquals(1, closedStreams.get());
        assertEquals(0, contexts.openCount());
    }

    @Test
    void anExpiredContextIsClosedByAnyClientsNextCall() throws Exception {
        opened("10.0.0.1", 5L);
        now = now.plusSeconds(5);
        opened("10.0.0.2", null);
        assertEquals(1, closedStreams.get());
        assertEquals(1, contexts.openCount());
    }

    @Test
    void doesNotExpireWhileAnOperationHoldsIt() throws Exception {
        EnumerationContext context = opened("10.0.0.1", 5L);
        EnumerationContext held = contexts.take("10.0.0.1", NS, context.id, Kind.INSTANCES);
        now = now.plusSeconds(3600);
        opened("10.0.0.2", null);
        contexts.release(held, true);
        assertEquals(0, closedStreams.get());
        contexts.release(contexts.take("10.0.0.1", NS, context.id, Kind.INSTANCES), true);
    }

    @Test
    void timeoutsOutsideTheLimitsAreRefused() {
        assertCimError(WBEMException.CIM_ERR_INVALID_OPERATION_TIMEOUT, "1 to 300 seconds",
                () -> contexts.open("10.0.0.1", NS, Kind.INSTANCES, 0L));
        assertCimError(WBEMException.CIM_ERR_INVALID_OPERATION_TIMEOUT, "OperationTimeout 301",
                () -> contexts.open("10.0.0.1", NS, Kind.INSTANCES, 301L));
        assertEquals(0, contexts.openCount());
    }

    @Test
    void theDefaultTimeoutAppliesWhenNoneIsGiven() throws Exception {
        EnumerationContext context = opened("10.0.0.1", null);
        now = now.plusSeconds(59);
        contexts.release(contexts.take("10.0.0.1", NS, context.id, Kind.INSTANCES), true);
        now = now.plusSeconds(60);
        assertCimError(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT, "no enumeration context",
                () -> contexts.take("10.0.0.1", NS, context.id, Kind.INSTANCES));
    }

    @Test
    void answersOnlyItsOwnClientNamespaceAndKind() throws Exception {
        EnumerationContext context = opened("10.0.0.1", null);
        assertCimError(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT, "no enumeration context",
                () -> contexts.take("10.0.0.2", NS, context.id, Kind.INSTANCES));
        assertCimError(WBEMException.CIM_ERR_INVALID_NAMESPACE, "opened in namespace root/test",
                () -> contexts.take("10.0.0.1", "interop", context.id, Kind.INSTANCES));
        assertCimError(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT, "continue it with PullInstancesWithPath",
                () -> contexts.take("10.0.0.1", NS, context.id, Kind.PATHS));
        // none of these refusals ended the enumeration
        contexts.release(contexts.take("10.0.0.1", NS, context.id, Kind.INSTANCES), true);
        assertEquals(0, closedStreams.get());
    }

    @Test
    void oneOperationAtATime() throws Exception {
        EnumerationContext context = opened("10.0.0.1", null);
        EnumerationContext held = contexts.take("10.0.0.1", NS, context.id, Kind.INSTANCES);
        assertCimError(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT, "in use",
                () -> contexts.take("10.0.0.1", NS, context.id, Kind.INSTANCES));
        assertCimError(WBEMException.CIM_ERR_PULL_CANNOT_BE_ABANDONED, "in use",
                () -> contexts.close("10.0.0.1", NS, context.id));
        contexts.release(held, true);
        contexts.close("10.0.0.1", NS, context.id);
        assertEquals(1, closedStreams.get());
        assertCimError(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT, "no enumeration context",
                () -> contexts.close("10.0.0.1", NS, context.id));
    }

    @Test
    void aDiscardedContextIsGoneAndItsStreamClosed() throws Exception {
        EnumerationContext context = opened("10.0.0.1", null);
        contexts.discard(contexts.take("10.0.0.1", NS, context.id, Kind.INSTANCES));
        assertEquals(1, closedStreams.get());
        assertEquals(0, contexts.openCount());
    }

    @Test
    void aStreamThatFailsToCloseDoesNotKeepTheOthersOpen() throws Exception {
        EnumerationContext failing = contexts.open("10.0.0.1", NS, Kind.INSTANCES, 5L);
        failing.start(Stream.of(1, 2).onClose(() -> {
            throw new IllegalStateException("provider gone");
        }));
        contexts.release(failing, true);
        opened("10.0.0.2", 5L);
        now = now.plusSeconds(5);
        contexts.closeExpired();
        assertEquals(1, closedStreams.get());
        assertEquals(0, contexts.openCount());
    }

    @Test
    void namesAreRandomAndLong() throws Exception {
        String first = opened("10.0.0.1", null).id;
        String second = opened("10.0.0.1", null).id;
        assertNotEquals(first, second);
        assertTrue(first.matches("[0-9a-f]{32}"), first);
    }

    @Test
    void closingTheRegistryClosesEveryStream() throws Exception {
        opened("10.0.0.1", null);
        opened("10.0.0.2", null);
        contexts.close();
        assertEquals(2, closedStreams.get());
        assertEquals(0, contexts.openCount());
    }
}
