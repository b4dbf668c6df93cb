package org.liosmis.smis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.cimom.Dispatcher;
import org.liosmis.cimom.Namespaces;
import org.liosmis.cimom.Projection;
import org.liosmis.cimom.ProviderRegistry;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.engine.EngineSettings;
import org.liosmis.engine.FakeLvm;
import org.liosmis.engine.LioInventory;
import org.liosmis.engine.PoolBacking;
import org.liosmis.engine.PoolCatalog;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.StateStore;
import org.liosmis.lio.IblockSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lvm.Lvm;
import org.liosmis.schema.ClassRepositories;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;

/**
 * Both services where replicas are made at once: thin snapshots in an LVM thin pool (LVM's
 * commands answered by a stand-in). What the Java client suites cannot show on a filesystem
 * without reflink: Synchronous replicas, the Synchronization output, and the relationship of a
 * snapshot made at once seen alike whichever service made it.
 */
class SynchronousReplicasTest {

    @TempDir
    Path dir;
    private final FakeLvm lvm = new FakeLvm(64L << 20);
    private final ObjectNames names = new ObjectNames("root/lio", "interop", "target.example");
    private StateStore store;
    private ReplicaEngine engine;
    private Dispatcher cimom;
    private String sourceName;

    @BeforeEach
    void start() throws Exception {
        LioRoot lio = LioRoot.emulated(dir.resolve("configfs"));
        store = StateStore.open(dir.resolve("state.db"));
        Lvm commands = new Lvm(lvm, Duration.ofMillis(300));
        LioInventory inventory = new LioInventory(lio, new PoolCatalog(Map.of("thin",
                new PoolBacking.ThinPool(FakeLvm.GROUP, FakeLvm.THIN_POOL)), commands), "target.example", store);
        engine = new ReplicaEngine(lio, commands, inventory, store, new FileReplicator(), EngineSettings.defaults());
        cimom = new Dispatcher(ClassRepositories.builtIn(), SmisProviders.register(new ProviderRegistry(), inventory,
                engine, names), new Namespaces(Set.of("root/lio", "interop")));
        sourceName = lvm.name("src");
        lvm.add(sourceName, true, new byte[1 << 20]);
        lio.createIblock(IblockSpec.of(sourceName, lvm.device(sourceName)));
    }

    @AfterEach
    void stop() {
        engine.close();
        store.close();
        lvm.close();
    }

    private CIMObjectPath source() {
        return names.volume("iblock/" + sourceName);
    }

    private static CIMArgument<?> uint16(String name, int value) {
        return new CIMArgument<>(name, CIMDataType.UINT16_T, new UnsignedInteger16(value));
    }

    private static CIMArgument<?> reference(String name, CIMObjectPath path) {
        return new CIMArgument<>(name, new CIMDataType(path.getObjectName()), path);
    }

    private static Object out(MethodResult result, String name) {
        return result.outArgs().stream().filter(a -> a.getName().equals(name)).findFirst()
                .map(CIMArgument::getValue).orElse(null);
    }

    private MethodResult createElementReplica(int syncType, int waitFor, String elementName) throws Exception {
        return cimom.invokeMethod(names.replicationService(), "CreateElementReplica", List.of(uint16("SyncType", syncType),
                uint16("Mode", 2), uint16("WaitForCopyState", waitFor), reference("SourceElement", source()),
                new CIMArgument<>("ElementName", CIMDataType.STRING_T, elementName)));
    }

    private static List<Integer> bothViews(CIMInstance relationship) {
        return List.of("CopyType", "ReplicaType", "SyncState", "CopyState", "ProgressStatus", "SyncType", "Mode",
                "PercentSynced").stream().map(p -> ((Number) relationship.getPropertyValue(p)).intValue()).toList();
    }

    @Test
    void aSynchronousSnapshotNamesItsRelationshipWhichBothServicesShowAlike() throws Exception {
        MethodResult made = createElementReplica(7, 8, lvm.name("rs-snap"));
        assertEquals(0L, ((Number) made.returnValue()).longValue());
        assertEquals(null, out(made, "Job"));
        CIMInstance relationship = cimom.getInstance((CIMObjectPath) out(made, "Synchronization"), Projection.ALL);
        assertEquals(out(made, "TargetElement"), relationship.getPropertyValue("SyncedElement"));
        assertEquals(List.of(4, 4, 11, 8, 2, 7, 2, 100), bothViews(relationship));

        MethodResult copyServices = cimom.invokeMethod(names.configurationService(), "CreateReplica", List.of(
                uint16("CopyType", 4), reference("SourceElement", source()),
                new CIMArgument<>("ElementName", CIMDataType.STRING_T, lvm.name("cs-snap"))));
        assertEquals(0L, ((Number) copyServices.returnValue()).longValue());
        List<CIMInstance> relationships = cimom.references(source(), "CIM_StorageSynchronized", "SystemElement",
                Projection.ALL).toList();
        assertEquals(2, relationships.size());
        assertEquals(bothViews(relationships.get(0)), bothViews(relationships.get(1)));

        // returned to the pool through the replication service: the thin snapshot is gone
        assertEquals(0L, ((Number) cimom.invokeMethod(names.replicationService(), "ModifyReplicaSynchronization",
                List.of(uint16("Operation", 19), reference("Synchronization", relationship.getObjectPath())))
                .returnValue()).longValue());
        String snapshot = (String) ((CIMObjectPath) out(made, "TargetElement")).getKeyValue("DeviceID");
        assertFalse(lvm.has(snapshot.substring("iblock/".length())));
        assertEquals(1, cimom.references(source(), "CIM_StorageSynchronized", null, Projection.ALL).count());
    }

    @Test
    void aSynchronousCloneIsCompleteOnReturnAndKeepsNoRelationship() throws Exception {
        MethodResult made = createElementReplica(8, 4, lvm.name("rs-clone"));
        assertEquals(0L, ((Number) made.returnValue()).longValue());
        assertEquals(null, out(made, "Synchronization"));
        CIMObjectPath clone = (CIMObjectPath) out(made, "TargetElement");
        assertTrue(lvm.has(((String) clone.getKeyValue("DeviceID")).substring("iblock/".length())));
        assertEquals(0, cimom.references(source(), "CIM_StorageSynchronized", null, Projection.ALL).count());
        // a snapshot made at once never reaches CopyState 4: waiting for it is refused
        assertEquals(5L, ((Number) createElementReplica(7, 4, lvm.name("never")).returnValue()).longValue());
    }
}
