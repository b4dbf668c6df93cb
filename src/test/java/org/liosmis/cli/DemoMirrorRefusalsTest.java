package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.cli.DemoReplicaClientTest.awaitJob;
import static org.liosmis.cli.DemoReplicaClientTest.copyType;
import static org.liosmis.cli.DemoReplicaClientTest.elementName;
import static org.liosmis.cli.DemoReplicaClientTest.ref;
import static org.liosmis.cli.DemoReplicaClientTest.reference;
import static org.liosmis.cli.DemoReplicaClientTest.volume;
import static org.liosmis.cli.DemoReplicationServiceClientTest.uint16;
import static org.liosmis.testing.CimQueries.all;
import static org.liosmis.testing.CimQueries.path;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.liosmis.cli.DemoReplicaClientTest.Call;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * The demo's pool is a directory of fileio backing files on a filesystem that cannot clone
 * them: it can hold no mirror. Its capabilities say so, every way of asking for a mirror is
 * refused and changes nothing, and a snapshot cannot be fractured or split.
 */
@Tag(DemoTarget.ANY_HOST)
@Tag(DemoTarget.REPLICATION_SERVICES)
class DemoMirrorRefusalsTest extends DemoTargetTest {

    private static final CIMObjectPath POOL = ref("LIO_StoragePool", "InstanceID", "LIO:pool:default");

    private static CIMObjectPath replicationService() {
        return ref("LIO_ReplicationService", "CreationClassName", "LIO_ReplicationService", "Name", "ReplicationService",
                "SystemCreationClassName", "LIO_StorageSystem", "SystemName", "lio-demo");
    }

    private Call call(CIMObjectPath on, String method, CIMArgument<?>... in) throws Exception {
        CIMArgument<?>[] out = new CIMArgument<?>[4];
        return new Call(((Number) client.invokeMethod(on, method, in, out)).intValue(), out);
    }

    private static List<Integer> values(CIMInstance instance, String property) {
        return Arrays.stream((Object[]) instance.getPropertyValue(property)).map(v -> ((Number) v).intValue()).toList();
    }

    /** What a refused request must leave as it was: the pool's files and the volumes with their ElementNames. */
    private List<String> state() throws Exception {
        try (Stream<Path> files = Files.list(target.stateDir().resolve("pool"))) {
            Stream<String> volumes = all(client.enumerateInstances(path("root/lio", "LIO_StorageVolume"), true,
                    false, false, null)).stream().map(v -> v.getPropertyValue("DeviceID") + "="
                    + v.getPropertyValue("ElementName"));
            return Stream.concat(files.map(f -> f.getFileName().toString()), volumes).sorted().toList();
        }
    }

    @Test
    void theCapabilitiesOfferNoMirror() throws Exception {
        List<CIMInstance> pool = all(client.associatorInstances(POOL, "CIM_ElementCapabilities",
                "CIM_StorageConfigurationCapabilities", null, null, false, null));
        assertEquals(1, pool.size());
        assertEquals(List.of(4, 5), values(pool.get(0), "SupportedCopyTypes"));
        List<CIMInstance> service = all(client.associatorInstances(DemoReplicaClientTest.service(),
                "CIM_ElementCapabilities", "CIM_StorageConfigurationCapabilities", null, null, false, null));
        assertEquals(1, service.size(), "the service's own, not its pool's");
        assertEquals(List.of(4, 5), values(service.get(0), "SupportedCopyTypes"));
        CIMInstance replication = all(client.associatorInstances(replicationService(), "CIM_ElementCapabilities",
                "CIM_ReplicationServiceCapabilities", null, null, false, null)).get(0);
        assertEquals(List.of(6, 7, 10, 11), values(replication, "SupportedReplicationTypes"));
        // no storage replication type 2 (Async) or 3 (Sync)
        assertEquals(List.of(4, 5, 6), all(client.enumerateInstances(path("root/lio",
                "LIO_StorageReplicationCapabilities"), true, false, false, null)).stream()
                .map(c -> ((Number) c.getPropertyValue("SupportedSynchronizationType")).intValue()).sorted().toList());
    }

    @Test
    void everyWayOfAskingForAMirrorIsRefusedAndChangesNothing() throws Exception {
        List<String> before = state();
        CIMArgument<?> source = reference("SourceElement", volume("fileio/demo1"));
        CIMObjectPath configuration = DemoReplicaClientTest.service();
        assertEquals(1, call(configuration, "CreateReplica", elementName("mirror"), copyType(3), source).returnValue());
        assertEquals(1, call(configuration, "CreateReplica", elementName("mirror"), copyType(2), source,
                reference("TargetPool", POOL)).returnValue());
        CIMObjectPath replication = replicationService();
        CIMArgument<?> mirror = uint16("SyncType", 6);
        assertEquals(1, call(replication, "CreateElementReplica", elementName("mirror"), mirror, uint16("Mode", 2),
                source).returnValue(), "Synchronous");
        assertEquals(1, call(replication, "CreateElementReplica", elementName("mirror"), mirror, uint16("Mode", 3),
                source).returnValue(), "Asynchronous");
        assertEquals(1, call(replication, "CreateElementReplica", mirror, uint16("Mode", 4), source).returnValue(),
                "Adaptive");
        assertEquals(5, call(replication, "CreateElementReplica", mirror, uint16("Mode", 7), source).returnValue(),
                "a reserved Mode");
        assertEquals(1, call(replication, "CreateElementReplica", mirror, source,
                reference("TargetElement", volume("fileio/demo3"))).returnValue(), "a mirror into a volume");
        assertEquals(before, state());

        // the ElementName the refused requests gave is free
        Call snapshot = call(configuration, "CreateReplica", elementName("mirror"), copyType(4), source);
        if (snapshot.returnValue() == 4096) {
            awaitJob(client, (CIMObjectPath) snapshot.out("Job"));
        } else {
            assertEquals(0, snapshot.returnValue());
        }
        assertFalse(before.contains("mirror.img"));
        assertTrue(state().contains("mirror.img"));
    }

    @Test
    void aSnapshotCannotBeFracturedOrSplit() throws Exception {
        Call made = call(DemoReplicaClientTest.service(), "CreateReplica", elementName("snap"), copyType(4),
                reference("SourceElement", volume("fileio/demo2")));
        if (made.returnValue() == 4096) {
            assertEquals(7, ((Number) awaitJob(client, (CIMObjectPath) made.out("Job"))
                    .getPropertyValue("JobState")).intValue());
        }
        List<CIMInstance> relationships = all(client.referenceInstances(volume("fileio/demo2"),
                "CIM_StorageSynchronized", "SystemElement", false, null));
        assertEquals(1, relationships.size());
        CIMObjectPath synchronization = relationships.get(0).getObjectPath();
        CIMArgument<?> named = reference("Synchronization", synchronization);
        assertEquals(1, call(DemoReplicaClientTest.service(), "ModifySynchronization", uint16("Operation", 3), named)
                .returnValue(), "Fracture");
        for (int operation : new int[] {12, 21}) {
            assertEquals(1, call(replicationService(), "ModifyReplicaSynchronization", uint16("Operation", operation),
                    named).returnValue(), "Operation " + operation);
        }
        CIMInstance after = client.getInstance(synchronization, false, false, null);
        for (String property : List.of("CopyType", "SyncState", "CopyState", "ProgressStatus")) {
            assertEquals(relationships.get(0).getPropertyValue(property), after.getPropertyValue(property), property);
        }
    }
}
