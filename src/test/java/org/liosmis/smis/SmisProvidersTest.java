package org.liosmis.smis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.engine.CopyMethod;
import org.liosmis.engine.EngineSettings;
import org.liosmis.engine.Job;
import org.liosmis.engine.Replica;
import org.liosmis.engine.ReplicaKind;
import org.liosmis.engine.StateStore;
import org.liosmis.engine.Volume;
import org.liosmis.cimom.Dispatcher;
import org.liosmis.cimom.Projection;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** The SMI-S providers behind the real dispatcher and class repository, over a fixed inventory. */
class SmisProvidersTest {

    private final FixedInventory inventory = FixedInventory.sample();
    private final ObjectNames names = SmisFixture.NAMES;
    @TempDir
    Path dir;
    private SmisFixture fixture;
    private StateStore store;
    private Dispatcher cimom;

    @BeforeEach
    void start() {
        fixture = new SmisFixture(dir, inventory, EngineSettings.defaults());
        store = fixture.store;
        cimom = fixture.cimom;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private CIMObjectPath volumePath(int index) {
        return names.volume(inventory.volumeList().get(index));
    }

    /** The providers over another inventory, reading the same engine state. */
    private Dispatcher cimomOver(FixedInventory other) {
        return fixture.over(other);
    }

    /** A snapshot of vol1 by copy: its job, and the relationship the engine keeps for it. */
    private void snapshot(Job.State jobState, Replica.State replicaState) {
        Instant now = Instant.now();
        boolean done = replicaState == Replica.State.ESTABLISHED;
        store.putJob(new Job("j1", jobState, done ? 100 : 40, "snap1", "fileio/vol1", "fileio/snap1",
                "/srv/pool/snap1.img", ReplicaKind.SNAPSHOT, now, now, done ? now : null, true, Duration.ofMinutes(5),
                null, null));
        store.putReplica(new Replica("fileio/vol1", "fileio/snap1", ReplicaKind.SNAPSHOT, CopyMethod.FULL_COPY,
                replicaState, done ? 100 : 40, done ? now : null, "j1"));
    }

    private static FixedInventory withSnapshot(FixedInventory inventory) {
        List<Volume> volumes = new ArrayList<>(inventory.volumeList());
        volumes.add(new Volume("fileio/snap1", "snap1", "snap1", "default", Volume.Backstore.FILEIO,
                "/srv/pool/snap1.img", 512, 2048, "6001405AAAAAAAAAAAAAAAAAAAAAAAAA", Volume.Health.OK, false,
                Volume.Access.READ_WRITE));
        return new FixedInventory(inventory.poolList(), volumes);
    }

    private static List<String> deviceIds(Stream<CIMObjectPath> paths) {
        return paths.map(p -> String.valueOf(p.getKeyValue("DeviceID"))).sorted().toList();
    }

    @Test
    void everyProvidedClassEnumeratesPolymorphicallyAndConformsToItsClass() throws Exception {
        assertEquals(2, cimom.enumerateInstances("root/lio", "CIM_StorageVolume", true, Projection.ALL).count());
        assertEquals(2, cimom.enumerateInstances("root/lio", "CIM_StoragePool", true, Projection.ALL).count());
        assertEquals(1, cimom.enumerateInstances("root/lio", "CIM_ComputerSystem", true, Projection.ALL).count());
        assertEquals(1, cimom.enumerateInstances("root/lio", "CIM_StorageConfigurationService", true, Projection.ALL).count());
        assertEquals(1, cimom.enumerateInstances("root/lio", "CIM_ReplicationService", true, Projection.ALL).count());
        // the configuration service's and its one pool's, three replication types', the replication service's
        assertEquals(1 + 1 + 3 + 1, cimom.enumerateInstances("root/lio", "CIM_Capabilities", true, Projection.ALL).count());
        assertEquals(5, cimom.enumerateInstances("interop", "CIM_RegisteredProfile", true, Projection.ALL).count());
        // every association in one go: CIM_Dependency (two services, two volumes' pools) and CIM_Component subtrees
        assertEquals(2 + 2, cimom.enumerateInstances("root/lio", "CIM_Dependency", true, Projection.ALL).count());
        assertEquals(2 + 2, cimom.enumerateInstances("root/lio", "CIM_Component", true, Projection.ALL).count());
    }

    @Test
    void aReplicaBeingCopiedIsNamedByNoAssociationWhileItsVolumeDoesNotExist() throws Exception {
        snapshot(Job.State.RUNNING, Replica.State.COPYING);
        CIMObjectPath job = names.job("j1");
        WBEMException notFound = assertThrows(WBEMException.class,
                () -> cimom.getInstance(names.volume("fileio/snap1"), Projection.ALL));
        assertEquals(WBEMException.CIM_ERR_NOT_FOUND, notFound.getID());
        assertEquals(0, cimom.enumerateInstances("root/lio", "CIM_StorageSynchronized", true, Projection.ALL).count());
        assertEquals(0, cimom.references(volumePath(0), "CIM_StorageSynchronized", null, Projection.ALL).count());
        // the source's pool and system, no volume
        assertEquals(List.of(ObjectNames.POOL, ObjectNames.SYSTEM), cimom.associators(volumePath(0), null, null, null,
                null, Projection.ALL).map(i -> i.getObjectPath().getObjectName()).sorted().toList());
        assertEquals(List.of(ObjectNames.CONFIGURATION_SERVICE), cimom.associators(job, null, null, null, null,
                Projection.ALL).map(i -> i.getObjectPath().getObjectName()).toList());
    }

    @Test
    void aCopiedReplicaIsNamedOnceItsVolumeExists() throws Exception {
        snapshot(Job.State.COMPLETED, Replica.State.ESTABLISHED);
        Dispatcher made = cimomOver(withSnapshot(inventory));
        CIMInstance sync = made.references(volumePath(0), "CIM_StorageSynchronized", null, Projection.ALL)
                .findFirst().orElseThrow();
        assertEquals(new UnsignedInteger16(14), sync.getPropertyValue("SyncState"));
        assertEquals(new UnsignedInteger16(4), sync.getPropertyValue("CopyState"));
        assertEquals(List.of("fileio/snap1"), deviceIds(made.associatorNames(volumePath(0), "CIM_StorageSynchronized",
                null, null, null)));
        assertEquals(List.of("fileio/snap1"), deviceIds(made.associatorNames(names.job("j1"), "CIM_AffectedJobElement",
                null, null, null)));
        assertEquals(1, made.associators(names.volume("fileio/snap1"), "CIM_AffectedJobElement", null, null, null,
                Projection.ALL).count());
    }

    @Test
    void aRelationshipWhoseReplicaWasDeletedElsewhereIsNotShown() throws Exception {
        // the job completed, then targetcli deleted snap1 behind lio-smis' back
        snapshot(Job.State.COMPLETED, Replica.State.ESTABLISHED);
        assertEquals(0, cimom.enumerateInstances("root/lio", "CIM_StorageSynchronized", true, Projection.ALL).count());
        assertEquals(List.of(), deviceIds(cimom.associatorNames(volumePath(0), "CIM_StorageSynchronized", null, null,
                null)));
        assertEquals(0, cimom.associators(names.job("j1"), "CIM_AffectedJobElement", null, null, null,
                Projection.ALL).count());
    }

    @Test
    void volumeIsNamedByItsNaaIdentifier() throws Exception {
        CIMInstance volume = cimom.getInstance(volumePath(0), Projection.ALL);
        assertEquals("6001405D3F6A0D25B6C4B5E9A7E12345", volume.getPropertyValue("Name"));
        assertEquals(new UnsignedInteger16(9), volume.getPropertyValue("NameFormat"));
        assertEquals(new UnsignedInteger16(2), volume.getPropertyValue("NameNamespace"));
        assertEquals(new UnsignedInteger64("512"), volume.getPropertyValue("BlockSize"));
        assertEquals(new UnsignedInteger64("2048"), volume.getPropertyValue("NumberOfBlocks"));
        CIMInstance disabled = cimom.getInstance(volumePath(1), Projection.ALL);
        assertNull(disabled.getPropertyValue("Name"));
        assertEquals(new UnsignedInteger16(3), disabled.getPropertyValue("EnabledState"));
    }

    @Test
    void eachVolumeIsAllocatedFromExactlyOnePool() throws Exception {
        for (int i = 0; i < 2; i++) {
            List<CIMObjectPath> pools = cimom.associatorNames(volumePath(i), "CIM_AllocatedFromStoragePool",
                    "CIM_StoragePool", "Dependent", "Antecedent").toList();
            assertEquals(1, pools.size());
        }
        CIMInstance allocation = cimom.references(volumePath(0), "CIM_AllocatedFromStoragePool", null, Projection.ALL)
                .findFirst().orElseThrow();
        assertEquals(new UnsignedInteger64(String.valueOf(512 * 2048)), allocation.getPropertyValue("SpaceConsumed"));
    }

    @Test
    void discoveryWalksFromTheArrayProfileToPoolsVolumesAndCapabilities() throws Exception {
        CIMObjectPath profile = names.registeredProfile("Array");
        CIMInstance system = cimom.associators(profile, "CIM_ElementConformsToProfile", "CIM_ComputerSystem",
                null, null, Projection.ALL).findFirst().orElseThrow();
        assertEquals("root/lio", system.getObjectPath().getNamespace());
        CIMObjectPath systemPath = system.getObjectPath();
        assertEquals(2, cimom.associatorNames(systemPath, "CIM_HostedStoragePool", null, null, null).count());
        // a configured pool leads to what can be made in it; the external pool to nothing
        assertEquals(List.of("LIO:StorageConfigurationCapabilities:pool:default"), cimom.associatorNames(
                names.pool(inventory.poolList().get(0)), "CIM_ElementCapabilities", null, null, null)
                .map(c -> c.getKeyValue("InstanceID")).toList());
        assertEquals(0, cimom.associatorNames(names.pool(inventory.poolList().get(1)), "CIM_ElementCapabilities",
                null, null, null).count());
        assertEquals(2, cimom.associatorNames(systemPath, "CIM_SystemDevice", null, null, null).count());
        CIMObjectPath service = cimom.associatorNames(systemPath, "CIM_HostedService", null, null, null)
                .findFirst().orElseThrow();
        assertEquals(1 + 3, cimom.associatorNames(service, "CIM_ElementCapabilities", null, null, null).count());
        assertEquals(1, cimom.associatorNames(systemPath, "CIM_ElementConformsToProfile", null, null, null).count());
    }

    private static CIMArgument<?> uint16(String name, int value) {
        return new CIMArgument<>(name, CIMDataType.UINT16_T, new UnsignedInteger16(value));
    }

    private static CIMArgument<?> reference(String name, CIMObjectPath path) {
        return new CIMArgument<>(name, new CIMDataType(path.getObjectName()), path);
    }

    private static long returned(MethodResult result) {
        return ((Number) result.returnValue()).longValue();
    }

    private static List<Integer> out(MethodResult result, String name) {
        Object value = result.outArgs().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow()
                .getValue();
        return Arrays.stream((Object[]) value).map(v -> ((Number) v).intValue()).toList();
    }

    private CIMObjectPath snapshotRelationship(Dispatcher made) throws Exception {
        return made.references(volumePath(0), "CIM_StorageSynchronized", null, Projection.ALL).findFirst()
                .orElseThrow().getObjectPath();
    }

    @Test
    void theCapabilitiesAdvertiseEveryOperationOnASnapshotAndNoneOnAClone() throws Exception {
        Dispatcher made = cimomOver(withSnapshot(inventory));
        CIMObjectPath capabilities = names.replicationServiceCapabilities();
        for (int snapshot : new int[] {6, 7}) {
            assertEquals(List.of(8, 14, 15, 19), out(made.invokeMethod(capabilities, "GetSupportedOperations",
                    List.of(uint16("ReplicationType", snapshot))), "SupportedOperations"));
        }
        assertEquals(List.of(), out(made.invokeMethod(capabilities, "GetSupportedOperations",
                List.of(uint16("ReplicationType", 11))), "SupportedOperations"));
        CIMInstance capability = made.getInstance(capabilities, Projection.ALL);
        assertEquals(List.of(2, 5), Arrays.stream((Object[]) capability.getPropertyValue("SupportedAsynchronousActions"))
                .map(v -> ((Number) v).intValue()).toList());
        assertEquals(List.of(4), out(made.invokeMethod(capabilities, "GetSupportedCopyStates",
                List.of(uint16("ReplicationType", 7))), "SupportedCopyStates"));
        assertEquals(List.of(8), out(made.invokeMethod(capabilities, "GetSupportedWaitForCopyStates",
                List.of(uint16("ReplicationType", 6), uint16("MethodName", 2))), "SupportedCopyStates"));
        assertEquals(List.of(), out(made.invokeMethod(capabilities, "GetSupportedWaitForCopyStates",
                List.of(uint16("ReplicationType", 7), uint16("MethodName", 2))), "SupportedCopyStates"));
        assertEquals(1, returned(made.invokeMethod(capabilities, "GetSupportedOperations",
                List.of(uint16("ReplicationType", 2)))));
        assertEquals(5, returned(made.invokeMethod(capabilities, "GetSupportedOperations",
                List.of(uint16("ReplicationType", 99)))));
        assertEquals(5, returned(made.invokeMethod(capabilities, "GetSupportedOperations", List.of())));
        assertEquals(5, returned(made.invokeMethod(capabilities, "GetSupportedWaitForCopyStates",
                List.of(uint16("ReplicationType", 6), uint16("MethodName", 40)))));
        assertEquals(1, returned(made.invokeMethod(capabilities, "GetSupportedFeatures",
                List.of(uint16("ReplicationType", 6)))));
    }

    @Test
    void aRelationshipStillBeingCopiedCannotBeModified() throws Exception {
        snapshot(Job.State.RUNNING, Replica.State.COPYING);
        Dispatcher made = cimomOver(withSnapshot(inventory));
        CIMObjectPath copying = new CIMObjectPath(null, null, null, "root/lio", "LIO_StorageSynchronized",
                new CIMProperty<?>[] {
                        new CIMProperty<>("SystemElement", new CIMDataType(ObjectNames.VOLUME), volumePath(0), true,
                                false, null),
                        new CIMProperty<>("SyncedElement", new CIMDataType(ObjectNames.VOLUME),
                                names.volume("fileio/snap1"), true, false, null)});
        assertEquals(5, returned(made.invokeMethod(names.replicationService(), "ModifyReplicaSynchronization",
                List.of(uint16("Operation", 19), reference("Synchronization", copying)))));
        assertEquals(2, store.replicas().size() + store.jobs().size());
    }

    @Test
    void aTargetElementExportedThroughALunIsInUse() throws Exception {
        assertEquals(6, returned(cimom.invokeMethod(names.replicationService(), "CreateElementReplica",
                List.of(uint16("SyncType", 7), reference("SourceElement", volumePath(0)),
                        reference("TargetElement", volumePath(1))))));
        assertEquals(0, store.replicas().size());
    }
}
