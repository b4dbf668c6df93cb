package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.cli.DemoReplicaClientTest.awaitJob;
import static org.liosmis.cli.DemoReplicaClientTest.elementName;
import static org.liosmis.cli.DemoReplicaClientTest.reference;
import static org.liosmis.cli.DemoReplicaClientTest.volume;
import static org.liosmis.testing.CimQueries.all;
import static org.liosmis.testing.CimQueries.path;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.liosmis.testing.RestoredData;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Replication Services through the SBLIM Java client, in libstoragemgmt's order: profiles,
 * system, pools, volumes, the replication service and its capabilities, CreateElementReplica,
 * its job, the same replicas through Copy Services, ModifyReplicaSynchronization.
 */
@Tag(DemoTarget.ANY_HOST)
@Tag(DemoTarget.REPLICATION_SERVICES)
class DemoReplicationServiceClientTest extends DemoTargetTest {

    static CIMArgument<?> uint16(String name, int value) {
        return new CIMArgument<>(name, CIMDataType.UINT16_T, new UnsignedInteger16(value));
    }

    private DemoReplicaClientTest.Call call(CIMObjectPath on, String method, CIMArgument<?>... in) throws Exception {
        CIMArgument<?>[] out = new CIMArgument<?>[4];
        Object value = client.invokeMethod(on, method, in, out);
        return new DemoReplicaClientTest.Call(((Number) value).intValue(), out);
    }

    /** The replication service, found as a console finds it: Array profile, system, HostedService. */
    private CIMObjectPath replicationService() throws Exception {
        CIMInstance array = all(client.enumerateInstances(path(target.interopNamespace(), "CIM_RegisteredProfile"),
                true, false, false, null)).stream()
                .filter(p -> "Array".equals(p.getPropertyValue("RegisteredName"))).findFirst().orElseThrow();
        CIMObjectPath system = all(client.associatorNames(array.getObjectPath(), "CIM_ElementConformsToProfile",
                "CIM_ComputerSystem", null, null)).get(0);
        List<CIMObjectPath> services = all(client.associatorNames(system, "CIM_HostedService",
                "CIM_ReplicationService", null, null));
        assertEquals(1, services.size());
        return services.get(0);
    }

    /** The volume a CreateElementReplica or CreateReplica made: at once, or once its job completed. */
    private CIMObjectPath made(DemoReplicaClientTest.Call call) throws Exception {
        if (call.returnValue() == 0) {
            return (CIMObjectPath) call.out("TargetElement");
        }
        assertEquals(4096, call.returnValue());
        CIMObjectPath job = (CIMObjectPath) call.out("Job");
        assertEquals(7, ((Number) awaitJob(client, job).getPropertyValue("JobState")).intValue());
        List<CIMObjectPath> made = all(client.associatorNames(job, "CIM_AffectedJobElement", "CIM_StorageVolume",
                null, null));
        assertEquals(1, made.size());
        return made.get(0);
    }

    private CIMInstance relationshipTo(CIMObjectPath replica) throws Exception {
        List<CIMInstance> found = all(client.referenceInstances(replica, "CIM_StorageSynchronized", "SyncedElement",
                false, null));
        assertEquals(1, found.size());
        return found.get(0);
    }

    private static Object deviceId(Object volume) {
        return ((CIMObjectPath) volume).getKeyValue("DeviceID");
    }

    private static int value(CIMInstance instance, String property) {
        return ((Number) instance.getPropertyValue(property)).intValue();
    }

    private static List<Integer> values(Object array) {
        return Arrays.stream((Object[]) array).map(v -> ((Number) v).intValue()).toList();
    }

    @Test
    void aConsoleWalksFromTheProfilesToReplicasAndReturnsThemToTheirPool() throws Exception {
        List<String> profiles = all(client.enumerateInstances(path(target.interopNamespace(), "CIM_RegisteredProfile"),
                true, false, false, null)).stream().map(p -> (String) p.getPropertyValue("RegisteredName")).toList();
        assertTrue(profiles.contains("Replication Services"), profiles.toString());
        CIMObjectPath service = replicationService();
        // the profile leads to the service it describes
        CIMObjectPath profile = all(client.associatorNames(service, "CIM_ElementConformsToProfile",
                "CIM_RegisteredProfile", null, null)).get(0);
        assertEquals("Replication Services", client.getInstance(profile, false, false, null)
                .getPropertyValue("RegisteredName"));
        CIMObjectPath system = all(client.associatorNames(service, "CIM_HostedService", "CIM_ComputerSystem", null,
                null)).get(0);
        CIMObjectPath pool = all(client.associatorNames(system, "CIM_HostedStoragePool", "CIM_StoragePool", null,
                null)).stream().filter(p -> "LIO:pool:default".equals(p.getKeyValue("InstanceID"))).findFirst()
                .orElseThrow();
        List<CIMObjectPath> volumes = all(client.associatorNames(pool, "CIM_AllocatedFromStoragePool",
                "CIM_StorageVolume", null, null));
        CIMObjectPath source = volumes.stream().filter(v -> "fileio/demo1".equals(v.getKeyValue("DeviceID")))
                .findFirst().orElseThrow();

        List<CIMInstance> capabilities = all(client.associatorInstances(service, "CIM_ElementCapabilities",
                "CIM_ReplicationServiceCapabilities", null, null, false, null));
        assertEquals(1, capabilities.size());
        CIMInstance capability = capabilities.get(0);
        assertEquals(List.of(6, 7, 10, 11), values(capability.getPropertyValue("SupportedReplicationTypes")));
        assertTrue(values(capability.getPropertyValue("SupportedAsynchronousActions")).contains(2));
        CIMArgument<?>[] out = new CIMArgument<?>[2];
        assertEquals(0, ((Number) client.invokeMethod(capability.getObjectPath(), "GetSupportedOperations",
                new CIMArgument<?>[] {uint16("ReplicationType", 7)}, out)).intValue());
        assertEquals(List.of(8, 14, 15, 19), values(out[0].getValue()));

        // a snapshot and a clone through Replication Services, a snapshot through Copy Services
        CIMObjectPath snapshot = made(call(service, "CreateElementReplica", elementName("rs-snap"),
                uint16("SyncType", 7), reference("SourceElement", source), reference("TargetPool", pool)));
        CIMObjectPath clone = made(call(service, "CreateElementReplica", elementName("rs-clone"),
                uint16("SyncType", 8), reference("SourceElement", source)));
        CIMObjectPath copyServicesSnapshot = made(call(DemoReplicaClientTest.service(), "CreateReplica",
                elementName("cs-snap"), uint16("CopyType", 4), reference("SourceElement", source)));
        assertEquals("rs-snap", client.getInstance(snapshot, false, false, null).getPropertyValue("ElementName"));
        assertEquals("rs-clone", client.getInstance(clone, false, false, null).getPropertyValue("ElementName"));

        // one relationship per snapshot, whichever service made it, with both views agreeing
        assertEquals(2, all(client.referenceNames(source, "CIM_StorageSynchronized", "SystemElement")).size());
        assertTrue(all(client.referenceNames(clone, "CIM_StorageSynchronized", null)).isEmpty());
        for (CIMObjectPath replica : List.of(snapshot, copyServicesSnapshot)) {
            CIMInstance relationship = relationshipTo(replica);
            assertEquals(4, value(relationship, "CopyType"));
            assertEquals(7, value(relationship, "SyncType"));
            assertEquals(2, value(relationship, "ProgressStatus"));
            assertEquals(100, value(relationship, "PercentSynced"));
            assertNotNull(relationship.getPropertyValue("WhenSynced"));
            boolean delta = value(relationship, "ReplicaType") == 4;
            assertEquals(delta ? List.of(11, 8, 2) : List.of(14, 4, 3), List.of(value(relationship, "SyncState"),
                    value(relationship, "CopyState"), value(relationship, "Mode")));
        }

        // the source overwritten, then restored from the snapshot: its bytes are the snapshot's again
        Path sourceFile = target.stateDir().resolve("pool/demo1.img");
        String pattern = DemoReplicaClientTest.sha256(sourceFile);
        RestoredData.overwrite(sourceFile);
        assertNotEquals(pattern, DemoReplicaClientTest.sha256(sourceFile));
        DemoReplicaClientTest.Call restore = call(service, "ModifyReplicaSynchronization", uint16("Operation", 15),
                reference("Synchronization", relationshipTo(snapshot).getObjectPath()));
        if (restore.returnValue() == 4096) {
            assertEquals(7, value(awaitJob(client, (CIMObjectPath) restore.out("Job")), "JobState"));
        } else {
            assertEquals(0, restore.returnValue());
        }
        assertEquals(pattern, DemoReplicaClientTest.sha256(sourceFile));

        // the Copy Services snapshot detached through Replication Services: a volume of its own, then deleted
        assertEquals(0, call(service, "ModifyReplicaSynchronization", uint16("Operation", 8),
                reference("Synchronization", relationshipTo(copyServicesSnapshot).getObjectPath())).returnValue());
        assertTrue(all(client.referenceNames(copyServicesSnapshot, "CIM_StorageSynchronized", null)).isEmpty());
        // deleted: a replica through Replication Services, independent volumes through Copy Services
        assertEquals(0, call(service, "ModifyReplicaSynchronization", uint16("Operation", 19),
                reference("Synchronization", relationshipTo(snapshot).getObjectPath())).returnValue());
        for (CIMObjectPath volume : List.of(clone, copyServicesSnapshot)) {
            assertEquals(0, call(DemoReplicaClientTest.service(), "ReturnToStoragePool",
                    reference("TheElement", volume)).returnValue());
        }
        assertTrue(all(client.referenceNames(source, "CIM_StorageSynchronized", null)).isEmpty());
        assertEquals(3, all(client.enumerateInstanceNames(path("root/lio", "LIO_StorageVolume"))).size());
    }

    @Test
    void aVolumeTheClientNamesReceivesASnapshotOfItsSource() throws Exception {
        CIMObjectPath service = replicationService();
        CIMObjectPath demo1 = volume("fileio/demo1");
        // the target: a volume of 32 MiB holding demo2's data, twice demo1's size
        CIMObjectPath into = made(call(service, "CreateElementReplica", elementName("into"), uint16("SyncType", 8),
                reference("SourceElement", volume("fileio/demo2"))));
        Path intoFile = target.stateDir().resolve("pool/into.img");
        byte[] before = Files.readAllBytes(intoFile);

        DemoReplicaClientTest.Call call = call(service, "CreateElementReplica", uint16("SyncType", 7),
                reference("SourceElement", demo1), reference("TargetElement", into));
        assertEquals("fileio/into", deviceId(call.out("TargetElement")));
        if (call.returnValue() == 4096) {
            assertNull(call.out("Synchronization"), "the relationship exists once the job completes");
            CIMObjectPath job = (CIMObjectPath) call.out("Job");
            assertEquals(7, value(awaitJob(client, job), "JobState"));
        } else {
            assertEquals(0, call.returnValue());
            CIMInstance synchronization = client.getInstance((CIMObjectPath) call.out("Synchronization"), false,
                    false, null);
            assertEquals("fileio/into", deviceId(synchronization.getPropertyValue("SyncedElement")));
        }

        // demo1's bytes over the first 16 MiB; the target keeps its size, and demo2's data past them
        byte[] source = Files.readAllBytes(target.stateDir().resolve("pool/demo1.img"));
        byte[] after = Files.readAllBytes(intoFile);
        assertEquals(before.length, after.length);
        assertArrayEquals(source, Arrays.copyOf(after, source.length));
        assertArrayEquals(Arrays.copyOfRange(before, source.length, before.length),
                Arrays.copyOfRange(after, source.length, after.length));
        assertEquals("into", client.getInstance(into, false, false, null).getPropertyValue("ElementName"));

        CIMInstance relationship = relationshipTo(into);
        assertEquals("fileio/demo1", deviceId(relationship.getPropertyValue("SystemElement")));
        assertEquals(List.of(4, 7), List.of(value(relationship, "CopyType"), value(relationship, "SyncType")));
        // a replica now: it receives no other copy
        assertEquals(6, call(service, "CreateElementReplica", uint16("SyncType", 8),
                reference("SourceElement", demo1), reference("TargetElement", into)).returnValue());

        assertEquals(0, call(service, "ModifyReplicaSynchronization", uint16("Operation", 19),
                reference("Synchronization", relationship.getObjectPath())).returnValue());
        assertTrue(all(client.referenceNames(demo1, "CIM_StorageSynchronized", null)).isEmpty());
        assertEquals(3, all(client.enumerateInstanceNames(path("root/lio", "LIO_StorageVolume"))).size());
    }

    @Test
    void aSynchronousSnapshotIsMadeAtOnceOrRefused() throws Exception {
        CIMObjectPath service = replicationService();
        DemoReplicaClientTest.Call call = call(service, "CreateElementReplica", uint16("SyncType", 7),
                uint16("Mode", 2), uint16("WaitForCopyState", 8), reference("SourceElement", volume("fileio/demo1")));
        if (call.returnValue() == 1) {
            // the demo pool's filesystem cannot clone files: nothing was made
            assertEquals(3, all(client.enumerateInstanceNames(path("root/lio", "LIO_StorageVolume"))).size());
            return;
        }
        assertEquals(0, call.returnValue());
        assertNull(call.out("Job"));
        CIMObjectPath synchronization = (CIMObjectPath) call.out("Synchronization");
        CIMInstance relationship = client.getInstance(synchronization, false, false, null);
        assertEquals(8, value(relationship, "CopyState"));
        assertEquals(2, value(relationship, "Mode"));
        assertEquals(call.out("TargetElement"), relationship.getPropertyValue("SyncedElement"));
    }

    @Test
    void badParametersGetTheirReturnCodesAndChangeNothing() throws Exception {
        CIMObjectPath service = replicationService();
        CIMArgument<?> source = reference("SourceElement", volume("fileio/demo2"));
        CIMArgument<?> snapshot = uint16("SyncType", 7);
        assertEquals(5, call(service, "CreateElementReplica", source).returnValue());
        assertEquals(5, call(service, "CreateElementReplica", snapshot).returnValue());
        assertEquals(5, call(service, "CreateElementReplica", snapshot,
                reference("SourceElement", volume("fileio/nope"))).returnValue());
        assertEquals(1, call(service, "CreateElementReplica", uint16("SyncType", 6), source).returnValue());
        assertEquals(1, call(service, "CreateElementReplica", uint16("SyncType", 9), source).returnValue());
        for (int reserved : new int[] {0, 5, 10, 32768}) {
            assertEquals(5, call(service, "CreateElementReplica", uint16("SyncType", reserved), source).returnValue(),
                    "SyncType " + reserved);
        }
        assertEquals(1, call(service, "CreateElementReplica", snapshot, uint16("Mode", 4), source).returnValue());
        assertEquals(5, call(service, "CreateElementReplica", snapshot, uint16("Mode", 5), source).returnValue());
        assertEquals(5, call(service, "CreateElementReplica", snapshot, uint16("WaitForCopyState", 3), source)
                .returnValue());
        assertEquals(1, call(service, "CreateElementReplica", snapshot, uint16("Mode", 3),
                uint16("WaitForCopyState", 4), source).returnValue());
        // a target the client names: too small, the source itself, none, given a pool or another ElementName
        CIMArgument<?> demo3 = reference("TargetElement", volume("fileio/demo3"));
        assertEquals(5, call(service, "CreateElementReplica", snapshot, source,
                reference("TargetElement", volume("fileio/demo1"))).returnValue());
        assertEquals(5, call(service, "CreateElementReplica", snapshot, source,
                reference("TargetElement", volume("fileio/demo2"))).returnValue());
        assertEquals(5, call(service, "CreateElementReplica", snapshot, source,
                reference("TargetElement", volume("fileio/nope"))).returnValue());
        assertEquals(5, call(service, "CreateElementReplica", snapshot, source, demo3, reference("TargetPool",
                DemoReplicaClientTest.ref("LIO_StoragePool", "InstanceID", "LIO:pool:default"))).returnValue());
        assertEquals(5, call(service, "CreateElementReplica", snapshot, source, demo3, elementName("other"))
                .returnValue());
        assertEquals(5, call(service, "CreateElementReplica", snapshot, source, reference("TargetPool",
                DemoReplicaClientTest.ref("LIO_StoragePool", "InstanceID", "LIO:pool:nope"))).returnValue());
        assertEquals(5, call(service, "CreateElementReplica", snapshot, source, elementName("demo1")).returnValue());

        // demo1 and demo2 are not related
        CIMObjectPath missing = new CIMObjectPath(null, null, null, "root/lio", "LIO_StorageSynchronized",
                new CIMProperty<?>[] {
                        new CIMProperty<>("SystemElement", new CIMDataType("LIO_StorageVolume"), volume("fileio/demo1"),
                                true, false, null),
                        new CIMProperty<>("SyncedElement", new CIMDataType("LIO_StorageVolume"), volume("fileio/demo2"),
                                true, false, null)});
        CIMArgument<?> nothing = reference("Synchronization", missing);
        assertEquals(5, call(service, "ModifyReplicaSynchronization", nothing).returnValue());
        assertEquals(5, call(service, "ModifyReplicaSynchronization", uint16("Operation", 19), nothing).returnValue());
        assertEquals(5, call(service, "ModifyReplicaSynchronization", uint16("Operation", 12), nothing).returnValue());
        assertEquals(1, call(service, "ModifyReplicaSynchronization", uint16("Operation", 22), nothing).returnValue());
        for (int reserved : new int[] {0, 1, 28, 32768}) {
            assertEquals(5, call(service, "ModifyReplicaSynchronization", uint16("Operation", reserved), nothing)
                    .returnValue(), "Operation " + reserved);
        }
        assertEquals(1, call(service, "CreateGroupReplica").returnValue());
        assertEquals(3, all(client.enumerateInstanceNames(path("root/lio", "LIO_StorageVolume"))).size());
    }

    @Test
    void aJobItsClientKeepsStaysUntilDeleted() throws Exception {
        DemoReplicaClientTest.Call call = call(replicationService(), "CreateElementReplica", uint16("SyncType", 8),
                uint16("Mode", 3), elementName("kept"), reference("SourceElement", volume("fileio/demo1")));
        assertEquals(4096, call.returnValue());
        CIMObjectPath job = (CIMObjectPath) call.out("Job");
        // without DeleteOnCompletion false, a TimeBeforeRemoval of 0 would remove the job as it ends
        client.modifyInstance(new CIMInstance(job, new CIMProperty<?>[] {
                new CIMProperty<>("DeleteOnCompletion", CIMDataType.BOOLEAN_T, false),
                new CIMProperty<>("TimeBeforeRemoval", CIMDataType.DATETIME_T, new CIMDateTimeInterval(0, 0, 0, 0, 0))}),
                null);
        awaitJob(client, job);
        Thread.sleep(2500); // ended jobs are swept every second
        CIMInstance kept = client.getInstance(job, false, false, null);
        assertEquals(Boolean.FALSE, kept.getPropertyValue("DeleteOnCompletion"));
        assertEquals(new CIMDateTimeInterval(0, 0, 0, 0, 0).toString(),
                kept.getPropertyValue("TimeBeforeRemoval").toString());

        // what GetInstance gave, sent back whole, changes nothing; a read-only property named is refused
        client.modifyInstance(kept, null);
        assertEquals(WBEMException.CIM_ERR_NOT_SUPPORTED, assertThrows(WBEMException.class,
                () -> client.modifyInstance(kept, new String[] {"JobState"})).getID());
        assertEquals(WBEMException.CIM_ERR_INVALID_PARAMETER, assertThrows(WBEMException.class,
                () -> client.modifyInstance(kept, new String[] {"NoSuchProperty"})).getID());
        assertEquals(WBEMException.CIM_ERR_INVALID_PARAMETER, assertThrows(WBEMException.class,
                () -> client.modifyInstance(new CIMInstance(job, new CIMProperty<?>[] {new CIMProperty<>(
                        "TimeBeforeRemoval", CIMDataType.STRING_T, "20260101000000.000000+000")}), null)).getID());
        assertEquals(WBEMException.CIM_ERR_INVALID_PARAMETER, assertThrows(WBEMException.class,
                () -> client.modifyInstance(new CIMInstance(job, new CIMProperty<?>[] {new CIMProperty<>(
                        "InstanceID", CIMDataType.STRING_T, "LIO:job:another")}), null)).getID());
        // refused whole: the writable property named beside a read-only one is not changed either
        CIMInstance deleteOnCompletion = new CIMInstance(job, new CIMProperty<?>[] {
                new CIMProperty<>("DeleteOnCompletion", CIMDataType.BOOLEAN_T, true)});
        assertEquals(WBEMException.CIM_ERR_NOT_SUPPORTED, assertThrows(WBEMException.class,
                () -> client.modifyInstance(deleteOnCompletion, new String[] {"DeleteOnCompletion", "JobState"})).getID());
        assertEquals(Boolean.FALSE, client.getInstance(job, false, false, null).getPropertyValue("DeleteOnCompletion"));

        client.deleteInstance(job);
        assertEquals(WBEMException.CIM_ERR_NOT_FOUND, assertThrows(WBEMException.class,
                () -> client.getInstance(job, false, false, null)).getID());
        assertEquals(WBEMException.CIM_ERR_NOT_FOUND, assertThrows(WBEMException.class,
                () -> client.modifyInstance(kept, null)).getID());
    }
}
