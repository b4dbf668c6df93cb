package org.liosmis.cimom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.liosmis.spi.InstanceProvider;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** The pull operations over the dispatcher: pages taken lazily, contexts ended and refused as DSP0200 says. */
class PullOperationsTest {

    private static final String NS = "root/test";
    private static final String CLIENT = "10.0.0.1";

    private final AtomicInteger produced = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private int size = 250;
    private int failAt = -1;
    private volatile Instant now = Instant.parse("2026-11-29T09:00:00Z");
    private final EnumerationContexts contexts = new EnumerationContexts(EnumerationLimits.defaults(), () -> now);
    private final PullOperations pulls = over(contexts);

    private PullOperations over(EnumerationContexts registry) {
        ProviderRegistry providers = new ProviderRegistry();
        providers.register("Test_Child", new Counted(), Set.of(NS));
        return new PullOperations(new Dispatcher(new TestClasses(), providers, new Namespaces(Set.of(NS))), registry,
                Duration.ofMillis(20));
    }

    @AfterEach
    void closeContexts() {
        pulls.close();
    }

    /** Makes each instance only when it is asked for, and counts them. */
    private class Counted implements InstanceProvider {
        @Override
        public Stream<CIMInstance> enumerateInstances(String namespace, String className) {
            return IntStream.range(0, size).mapToObj(i -> {
                if (i == failAt) {
                    throw new IllegalStateException("instance " + i + " could not be read");
                }
                produced.incrementAndGet();
                return DispatcherTest.childInstance(Integer.toString(i));
            }).onClose(closed::incrementAndGet);
        }

        @Override
        public CIMInstance getInstance(CIMObjectPath instanceName) {
            return null;
        }
    }

    private static OpenOptions first(long maxObjectCount) {
        return new OpenOptions(null, false, null, null, maxObjectCount);
    }

    private static <T> List<T> write(EnumerationPage<T> page, List<EnumerationPage.End> ends) {
        List<T> items = new ArrayList<>();
        try (page) {
            page.items().forEachRemaining(items::add);
            ends.add(page.complete());
        }
        return items;
    }

    private static void assertCimError(int code, Executable call) {
        WBEMException e = assertThrows(WBEMException.class, call);
        assertEquals(code, e.getID(), e.getMessage());
    }

    @Test
    void pagesThroughAllInstancesTakingEachOnlyWhenWritten() throws Exception {
        List<EnumerationPage.End> ends = new ArrayList<>();
        List<CIMInstance> all = new ArrayList<>(write(pulls.openEnumerateInstances(CLIENT, NS, "Test_Base", true,
                Projection.ALL, first(0)), ends));
        assertEquals(0, all.size());
        assertTrue(produced.get() <= 1, "produced " + produced.get());
        String context = ends.getLast().enumerationContext();
        while (!ends.getLast().endOfSequence()) {
            all.addAll(write(pulls.pullInstancesWithPath(CLIENT, NS, context, 100), ends));
            assertTrue(produced.get() <= all.size() + 1, "produced " + produced.get() + " for " + all.size());
        }
        assertEquals(250, all.size());
        assertEquals("249", all.getLast().getPropertyValue("Id"));
        assertEquals(List.of(false, false, false, true), ends.stream().map(EnumerationPage.End::endOfSequence).toList());
        assertNull(ends.getLast().enumerationContext());
        assertEquals(1, closed.get());
        assertEquals(0, contexts.openCount());
    }

    @Test
    void anEnumerationThatFitsInTheOpenEndsThere() throws Exception {
        size = 3;
        List<EnumerationPage.End> ends = new ArrayList<>();
        List<CIMObjectPath> paths = write(pulls.openEnumerateInstancePaths(CLIENT, NS, "Test_Child", first(3)), ends);
        assertEquals(3, paths.size());
        assertEquals(new EnumerationPage.End(true, null), ends.getFirst());
        assertEquals(0, contexts.openCount());
    }

    @Test
    void closeEnumerationEndsItAndClosesTheStream() throws Exception {
        List<EnumerationPage.End> ends = new ArrayList<>();
        write(pulls.openEnumerateInstances(CLIENT, NS, "Test_Child", true, Projection.ALL, first(10)), ends);
        String context = ends.getFirst().enumerationContext();
        pulls.closeEnumeration(CLIENT, NS, context);
        assertEquals(1, closed.get());
        assertCimError(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT,
                () -> pulls.pullInstancesWithPath(CLIENT, NS, context, 10));
    }

    @Test
    void aPageThatFailsEndsTheEnumeration() throws Exception {
        failAt = 150;
        List<EnumerationPage.End> ends = new ArrayList<>();
        write(pulls.openEnumerateInstances(CLIENT, NS, "Test_Child", true, Projection.ALL, first(100)), ends);
        String context = ends.getFirst().enumerationContext();
        assertThrows(IllegalStateException.class, () -> write(pulls.pullInstancesWithPath(CLIENT, NS, context, 100),
                ends));
        assertEquals(1, closed.get());
        assertEquals(0, contexts.openCount());
    }

    @Test
    void pullsAreRefusedOnTheOtherKindOfContext() throws Exception {
        List<EnumerationPage.End> ends = new ArrayList<>();
        write(pulls.openEnumerateInstancePaths(CLIENT, NS, "Test_Child", first(1)), ends);
        assertCimError(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT,
                () -> pulls.pullInstancesWithPath(CLIENT, NS, ends.getFirst().enumerationContext(), 1));
        assertEquals(1, write(pulls.pullInstancePaths(CLIENT, NS, ends.getFirst().enumerationContext(), 1), ends)
                .size());
    }

    @Test
    void refusesWhatItDoesNotServeAndOpensNothing() {
        assertCimError(WBEMException.CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED, () -> pulls.openEnumerateInstances(
                CLIENT, NS, "Test_Child", true, Projection.ALL, new OpenOptions(null, false, "DMTF:FQL", "Id = 1", 0)));
        assertCimError(WBEMException.CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED, () -> pulls.openEnumerateInstancePaths(
                CLIENT, NS, "Test_Child", new OpenOptions(null, false, null, "Id = 1", 0)));
        assertCimError(WBEMException.CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED, () -> pulls.openEnumerateInstances(
                CLIENT, NS, "Test_Child", true, Projection.ALL, new OpenOptions(null, true, null, null, 0)));
        assertCimError(WBEMException.CIM_ERR_INVALID_PARAMETER, () -> pulls.openEnumerateInstancePaths(
                CLIENT, NS, "Test_Child", first(-1)));
        assertCimError(WBEMException.CIM_ERR_INVALID_CLASS, () -> pulls.openEnumerateInstancePaths(
                CLIENT, NS, "Test_Nothing", first(1)));
        assertCimError(WBEMException.CIM_ERR_INVALID_OPERATION_TIMEOUT, () -> pulls.openEnumerateInstancePaths(
                CLIENT, NS, "Test_Child", new OpenOptions(0L, false, null, null, 0)));
        assertEquals(0, contexts.openCount());
        assertEquals(0, produced.get());
    }

    @Test
    void anExpiredContextIsClosedWithoutAnyFurtherCall() throws Exception {
        List<EnumerationPage.End> ends = new ArrayList<>();
        write(pulls.openEnumerateInstancePaths(CLIENT, NS, "Test_Child", new OpenOptions(5L, false, null, null, 1)),
                ends);
        assertFalse(ends.getFirst().endOfSequence());
        now = now.plusSeconds(5);
        for (int waited = 0; closed.get() == 0 && waited < 5_000; waited += 10) {
            Thread.sleep(10);
        }
        assertEquals(1, closed.get());
        assertEquals(0, contexts.openCount());
    }

    @Test
    void theLimitIsCheckedBeforeTheEnumerationStarts() throws Exception {
        PullOperations limited = over(new EnumerationContexts(new EnumerationLimits(1, 1, Duration.ofSeconds(60),
                Duration.ofSeconds(60)), Instant::now));
        List<EnumerationPage.End> ends = new ArrayList<>();
        write(limited.openEnumerateInstancePaths(CLIENT, NS, "Test_Child", first(0)), ends);
        assertFalse(ends.getFirst().endOfSequence());
        int before = produced.get();
        assertCimError(WBEMException.CIM_ERR_SERVER_LIMITS_EXCEEDED, () -> limited.openEnumerateInstances(
                "10.0.0.2", NS, "Test_Child", true, Projection.ALL, first(0)));
        assertEquals(before, produced.get());
        limited.close();
        assertEquals(1, closed.get());
    }
}
