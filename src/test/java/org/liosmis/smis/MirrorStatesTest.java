package org.liosmis.smis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.cimom.Dispatcher;
import org.liosmis.cimom.Projection;
import org.liosmis.engine.CopyMethod;
import org.liosmis.engine.EngineSettings;
import org.liosmis.engine.Mirror;
import org.liosmis.engine.Pool;
import org.liosmis.engine.PoolBacking;
import org.liosmis.engine.Replica;
import org.liosmis.engine.ReplicaKind;
import org.liosmis.engine.StateStore;
import org.liosmis.engine.Volume;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** How a mirror's relationship reads in LIO_StorageSynchronized in each of its states, sync and async. */
class MirrorStatesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Instant SYNCED = NOW.minusSeconds(95);

    private final ObjectNames names = SmisFixture.NAMES;
    private final FixedInventory inventory = new FixedInventory(
            List.of(new Pool("vg", "vg", new PoolBacking.VolumeGroup("vg0"), 10L << 30, 6L << 30)),
            List.of(volume("src", Volume.Access.READ_WRITE), volume("m1", Volume.Access.NONE)));
    @TempDir
    Path dir;
    private SmisFixture fixture;
    private StateStore store;
    private Dispatcher cimom;

    private static Volume volume(String name, Volume.Access access) {
        return new Volume("iblock/" + name, name, name, "vg", Volume.Backstore.BLOCK, "/dev/vg0/" + name, 512, 2048,
                null, Volume.Health.OK, false, access);
    }

    @BeforeEach
    void start() {
        fixture = new SmisFixture(dir, inventory, new EngineSettings(1, Duration.ofMinutes(5),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30)));
        // stopped at once: no sweep follows or cycles the mirrors put into the store by hand
        fixture.engine.close();
        store = fixture.store;
        cimom = fixture.cimom;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** The relationship as shown, with the mirror in this state. */
    private CIMInstance shown(ReplicaKind kind, Replica.State state, int percent, Instant whenSynced, Mirror mirror)
            throws WBEMException {
        CopyMethod method = kind == ReplicaKind.SYNC_MIRROR ? CopyMethod.MIRROR_LEG : CopyMethod.BLOCK_COMPARE;
        store.putReplica(new Replica("iblock/src", "iblock/m1", kind, method, state, percent, whenSynced, null));
        store.putMirror(mirror);
        return cimom.references(names.volume("iblock/m1"), "CIM_StorageSynchronized", null, Projection.ALL)
                .findFirst().orElseThrow();
    }

    private static Mirror mirror(long shippedBytes, long cycleMillis, String brokenReason) {
        return new Mirror("iblock/m1", "/dev/vg0/m1", 512 * 2048, "0123456789abcdef", null, false, shippedBytes,
                cycleMillis, brokenReason);
    }

    private static int value(CIMInstance instance, String property) {
        return ((Number) instance.getPropertyValue(property)).intValue();
    }

    /** SyncState, CopyState and ProgressStatus. */
    private static List<Integer> states(CIMInstance instance) {
        return List.of(value(instance, "SyncState"), value(instance, "CopyState"), value(instance, "ProgressStatus"));
    }

    @Test
    void aSyncMirrorReadsAsEachOfItsStates() throws Exception {
        Mirror leg = mirror(0, 0, null);
        CIMInstance first = shown(ReplicaKind.SYNC_MIRROR, Replica.State.SYNCHRONIZING, 40, null, leg);
        // Copy In Progress, Unsynchronized, Synchronizing
        assertEquals(List.of(15, 3, 6), states(first));
        assertEquals(List.of(3, 2, 6, 2), List.of(value(first, "CopyType"), value(first, "ReplicaType"),
                value(first, "SyncType"), value(first, "Mode")));
        assertEquals(40, value(first, "PercentSynced"));
        assertEquals(Boolean.TRUE, first.getPropertyValue("SyncMaintained"));
        assertNull(first.getPropertyValue("WhenSynced"));
        assertNull(first.getPropertyValue("CyclePeriod"), "a sync mirror has no cycles");
        // in step once before: a resync
        assertEquals(List.of(5, 3, 7), states(shown(ReplicaKind.SYNC_MIRROR, Replica.State.SYNCHRONIZING, 70, SYNCED,
                leg)));
        CIMInstance synced = shown(ReplicaKind.SYNC_MIRROR, Replica.State.SYNCHRONIZED, 100, SYNCED, leg);
        assertEquals(List.of(6, 4, 2), states(synced));
        assertEquals(100, value(synced, "PercentSynced"));
        assertEquals(List.of(13, 6, 2), states(shown(ReplicaKind.SYNC_MIRROR, Replica.State.FRACTURED, 100, SYNCED,
                leg)));
        assertEquals(List.of(13, 7, 2), states(shown(ReplicaKind.SYNC_MIRROR, Replica.State.SPLIT, 100, SYNCED, leg)));
        CIMInstance broken = shown(ReplicaKind.SYNC_MIRROR, Replica.State.BROKEN, 70, SYNCED,
                mirror(0, 0, "the raid1 leg of iblock/src is gone"));
        assertEquals(List.of(12, 5, 3), states(broken));
        assertEquals("the raid1 leg of iblock/src is gone", broken.getPropertyValue("StatusDescription"));
        assertNull(synced.getPropertyValue("StatusDescription"), "only a broken mirror says why");
    }

    @Test
    void anAsyncMirrorShowsItsCyclesAndIsAPointInTimeBetweenThem() throws Exception {
        CIMInstance first = shown(ReplicaKind.ASYNC_MIRROR, Replica.State.SYNCHRONIZING, 10, null, mirror(0, 0, null));
        assertEquals(List.of(15, 3, 6), states(first));
        assertEquals(List.of(2, 6, 3), List.of(value(first, "CopyType"), value(first, "SyncType"),
                value(first, "Mode")));
        assertEquals(30, value(first, "CyclePeriod"));
        assertNull(first.getPropertyValue("LagSeconds"), "never in step: no lag to tell");

        // a later cycle: the target is being written, no whole point in time until the cycle ends
        CIMInstance cycling = shown(ReplicaKind.ASYNC_MIRROR, Replica.State.SYNCHRONIZING, 100, SYNCED,
                mirror(1 << 20, 250, null));
        assertEquals(List.of(5, 3, 7), states(cycling));
        assertEquals(95, value(cycling, "LagSeconds"));

        CIMInstance synced = shown(ReplicaKind.ASYNC_MIRROR, Replica.State.SYNCHRONIZED, 100, SYNCED,
                mirror(4096, 12, null));
        assertEquals(List.of(6, 4, 2), states(synced));
        assertEquals(List.of(30, 95, 4096, 12), List.of(value(synced, "CyclePeriod"), value(synced, "LagSeconds"),
                value(synced, "LastCycleBytes"), value(synced, "LastCycleMilliseconds")));
        assertEquals(List.of(13, 6, 2), states(shown(ReplicaKind.ASYNC_MIRROR, Replica.State.FRACTURED, 100, SYNCED,
                mirror(4096, 12, null))));
        assertEquals(List.of(13, 7, 2), states(shown(ReplicaKind.ASYNC_MIRROR, Replica.State.SPLIT, 100, SYNCED,
                mirror(4096, 12, null))));
        CIMInstance broken = shown(ReplicaKind.ASYNC_MIRROR, Replica.State.BROKEN, 100, SYNCED,
                mirror(4096, 12, "the source iblock/src is gone"));
        assertEquals(List.of(12, 5, 3), states(broken));
        assertEquals("the source iblock/src is gone", broken.getPropertyValue("StatusDescription"));
    }
}
