package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.liosmis.testing.CimQueries;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** CreateReplica, its job and ReturnToStoragePool through the SBLIM Java client against the demo target. */
@Tag(DemoTarget.ANY_HOST)
class DemoReplicaClientTest extends DemoTargetTest {

    static CIMObjectPath ref(String className, String... keyValues) {
        CIMProperty<?>[] keys = new CIMProperty<?>[keyValues.length / 2];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new CIMProperty<>(keyValues[2 * i], CIMDataType.STRING_T, keyValues[2 * i + 1], true, false, null);
        }
        return new CIMObjectPath(null, null, null, "root/lio", className, keys);
    }

    static CIMObjectPath volume(String deviceId) {
        return ref("LIO_StorageVolume", "CreationClassName", "LIO_StorageVolume", "DeviceID", deviceId,
                "SystemCreationClassName", "LIO_StorageSystem", "SystemName", "lio-demo");
    }

    static CIMObjectPath service() {
        return ref("LIO_StorageConfigurationService", "CreationClassName", "LIO_StorageConfigurationService",
                "Name", "StorageConfigurationService", "SystemCreationClassName", "LIO_StorageSystem",
                "SystemName", "lio-demo");
    }

    static CIMArgument<?> copyType(int value) {
        return new CIMArgument<>("CopyType", CIMDataType.UINT16_T, new UnsignedInteger16(value));
    }

    static CIMArgument<?> reference(String name, CIMObjectPath path) {
        return new CIMArgument<>(name, new CIMDataType(path.getObjectName()), path);
    }

    static CIMArgument<?> elementName(String name) {
        return new CIMArgument<>("ElementName", CIMDataType.STRING_T, name);
    }

    /** The return value and the out-parameters of one call. */
    record Call(int returnValue, CIMArgument<?>[] out) {
        Object out(String name) {
            for (CIMArgument<?> arg : out) {
                if (arg != null && arg.getName().equalsIgnoreCase(name)) {
                    return arg.getValue();
                }
            }
            return null;
        }
    }

    static Call call(WBEMClient client, String method, CIMArgument<?>... in) throws Exception {
        CIMArgument<?>[] out = new CIMArgument<?>[4];
        Object value = client.invokeMethod(service(), method, in, out);
        return new Call(((Number) value).intValue(), out);
    }

    static CIMInstance awaitJob(WBEMClient client, CIMObjectPath job) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            CIMInstance instance = client.getInstance(job, false, false, null);
            if (((Number) instance.getPropertyValue("PercentComplete")).intValue() == 100) {
                return instance;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job did not end: " + job);
    }

    @Test
    void snapshotJobLeadsToItsVolumeAndRelationship() throws Exception {
        Call call = call(client, "CreateReplica", elementName("nightly"), copyType(4), reference("SourceElement", volume("fileio/demo2")));
        assertEquals(4096, call.returnValue());
        CIMObjectPath job = (CIMObjectPath) call.out("Job");
        CIMInstance ended = awaitJob(client, job);
        assertEquals(7, ((Number) ended.getPropertyValue("JobState")).intValue());
        assertEquals(0, ((Number) ended.getPropertyValue("ErrorCode")).intValue());
        // CreateReplica's output as the job saw it end, an embedded instance
        CIMInstance output = (CIMInstance) ended.getPropertyValue("JobOutParameters");
        assertEquals(0, ((Number) output.getPropertyValue("__ReturnValue")).intValue());
        assertTrue(((String) output.getPropertyValue("TargetElement")).contains("fileio/"), output.toString());
        List<CIMObjectPath> made = CimQueries.all(client.associatorNames(job, "CIM_AffectedJobElement", null, null, null));
        assertEquals(1, made.size());
        CIMInstance replica = client.getInstance(made.get(0), false, false, null);
        assertEquals("nightly", replica.getPropertyValue("ElementName"));
        List<CIMInstance> sync = CimQueries.all(client.referenceInstances(volume("fileio/demo2"),
                "CIM_StorageSynchronized", "SystemElement", false, null));
        assertEquals(1, sync.size());
        assertEquals(14, ((Number) sync.get(0).getPropertyValue("SyncState")).intValue());
        assertEquals(1, CimQueries.all(client.associatorNames(service(), "CIM_OwningJobElement", null, null, null)).size());
        CIMArgument<?>[] out = new CIMArgument<?>[2];
        assertEquals(0, ((Number) client.invokeMethod(job, "GetErrors", new CIMArgument<?>[0], out)).intValue());
        assertEquals(0, call(client, "ReturnToStoragePool", reference("TheElement", made.get(0))).returnValue());
        assertTrue(CimQueries.all(client.referenceNames(volume("fileio/demo2"), "CIM_StorageSynchronized", null)).isEmpty());
    }

    @Test
    void badParametersGetTheirReturnCodes() throws Exception {
        CIMArgument<?> source = reference("SourceElement", volume("fileio/demo1"));
        assertEquals(5, call(client, "CreateReplica", copyType(4)).returnValue());
        assertEquals(5, call(client, "CreateReplica", source).returnValue());
        assertEquals(5, call(client, "CreateReplica", copyType(4), reference("SourceElement", volume("fileio/nope"))).returnValue());
        assertEquals(5, call(client, "CreateReplica", copyType(4), reference("SourceElement",
                ref("LIO_StoragePool", "InstanceID", "LIO:pool:default"))).returnValue());
        assertEquals(5, call(client, "CreateReplica", copyType(4), reference("SourceElement",
                ref("LIO_StorageVolume", "CreationClassName", "LIO_StorageVolume", "DeviceID", "fileio/demo1",
                        "SystemCreationClassName", "LIO_StorageSystem", "SystemName", "other-host"))).returnValue());
        for (int reserved : new int[] {0, 1, 6, 32767, 32768, 65535}) {
            assertEquals(5, call(client, "CreateReplica", copyType(reserved), source).returnValue(), "CopyType " + reserved);
        }
        assertEquals(1, call(client, "CreateReplica", copyType(2), source).returnValue());
        assertEquals(1, call(client, "CreateReplica", copyType(3), source).returnValue());
        assertEquals(5, call(client, "CreateReplica", copyType(4), source,
                reference("TargetPool", ref("LIO_StoragePool", "InstanceID", "LIO:pool:nope"))).returnValue());
        assertEquals(5, call(client, "CreateReplica", copyType(4), source,
                reference("TargetPool", volume("fileio/demo2"))).returnValue());
        assertEquals(5, call(client, "CreateReplica", copyType(4), source,
                reference("TargetSettingGoal", ref("CIM_StorageSetting", "InstanceID", "LIO:setting:x"))).returnValue());
        assertEquals(5, call(client, "CreateReplica", copyType(4), source, elementName("demo2")).returnValue());
        assertEquals(5, call(client, "ReturnToStoragePool", reference("TheElement", volume("fileio/nope"))).returnValue());
        assertEquals(1, call(client, "CreateReplicationBuffer").returnValue());
        assertEquals(3, CimQueries.all(client.enumerateInstanceNames(
                CimQueries.path("root/lio", "LIO_StorageVolume"))).size());
    }

    @Test
    void sixteenConcurrentCallsOnOneSourceStayConsistent() throws Exception {
        List<Callable<Call>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            WBEMClient own = target.client();
            String name = "par" + i;
            calls.add(() -> call(own, "CreateReplica", elementName(name), copyType(4),
                    reference("SourceElement", volume("fileio/demo1"))));
        }
        // the same ElementName sixteen times at once: exactly one may have it
        for (int i = 0; i < 16; i++) {
            WBEMClient own = target.client();
            calls.add(() -> call(own, "CreateReplica", elementName("same"), copyType(5),
                    reference("SourceElement", volume("fileio/demo1"))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Call> results = new ArrayList<>();
        try {
            for (Future<Call> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        int made = 0;
        for (int i = 0; i < 16; i++) {
            Call result = results.get(i);
            assertTrue(result.returnValue() == 4096 || result.returnValue() == 0 || result.returnValue() == 6,
                    "return " + result.returnValue());
            if (result.returnValue() == 4096) {
                assertEquals(7, ((Number) awaitJob(client, (CIMObjectPath) result.out("Job"))
                        .getPropertyValue("JobState")).intValue());
            }
            made += result.returnValue() == 6 ? 0 : 1;
        }
        List<Call> same = results.subList(16, 32);
        assertEquals(1, same.stream().filter(r -> r.returnValue() == 4096 || r.returnValue() == 0).count());
        assertEquals(15, same.stream().filter(r -> r.returnValue() == 5).count());
        same.stream().filter(r -> r.returnValue() == 4096).forEach(r -> {
            try {
                awaitJob(client, (CIMObjectPath) r.out("Job"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(3 + made + 1, CimQueries.all(client.enumerateInstanceNames(
                CimQueries.path("root/lio", "LIO_StorageVolume"))).size());
        assertEquals(made, CimQueries.all(client.referenceNames(volume("fileio/demo1"),
                "CIM_StorageSynchronized", null)).size());
        String sourceSum = sha256(target.stateDir().resolve("pool/demo1.img"));
        try (var files = Files.list(target.stateDir().resolve("pool"))) {
            List<Path> replicas = files.filter(p -> p.getFileName().toString().startsWith("par")
                    || p.getFileName().toString().startsWith("same")).toList();
            assertEquals(made + 1, replicas.size());
            for (Path replica : replicas) {
                assertEquals(sourceSum, sha256(replica), replica.toString());
            }
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        assertNotNull(digest);
        return HexFormat.of().formatHex(digest.digest());
    }
}
