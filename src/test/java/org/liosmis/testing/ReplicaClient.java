package org.liosmis.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** CreateReplica, its jobs and what they leave, as an SMI-S client sees them through the SBLIM Java client. */
public final class ReplicaClient {

    public static final String NAMESPACE = "root/lio";
    /** CreateReplica's CopyType: a snapshot kept associated, an independent clone. */
    public static final int SNAPSHOT = 4;
    public static final int CLONE = 5;
    public static final int COMPLETED = 7;
    public static final int TERMINATED = 8;
    public static final int KILLED = 9;
    public static final int EXCEPTION = 10;

    private final WBEMClient client;
    private final Duration poll;
    // found once: a benchmark times the methods, not the service's lookup
    private CIMObjectPath service;

    public ReplicaClient(WBEMClient client) {
        this(client, Duration.ofMillis(20));
    }

    /** A client that polls jobs at the given interval. */
    public ReplicaClient(WBEMClient client, Duration poll) {
        this.client = client;
        this.poll = poll;
    }

    /** What CreateReplica answered: its return value and the out-parameters it set. */
    public record Outcome(int returnValue, CIMObjectPath targetElement, CIMObjectPath job) {
    }

    public Outcome createReplica(String sourceId, int copyType, String elementName, String poolId) throws Exception {
        return createReplica(volume(sourceId), copyType, elementName, poolId == null ? null : pool(poolId));
    }

    /** The same with the source's and the pool's paths (pool null: the source's pool), no lookup before the call. */
    public Outcome createReplica(CIMObjectPath source, int copyType, String elementName, CIMObjectPath pool)
            throws Exception {
        List<CIMArgument<?>> in = new ArrayList<>(List.of(
                new CIMArgument<>("SourceElement", new CIMDataType("CIM_LogicalElement"), source),
                new CIMArgument<>("CopyType", CIMDataType.UINT16_T, new UnsignedInteger16(copyType))));
        if (elementName != null) {
            in.add(new CIMArgument<>("ElementName", CIMDataType.STRING_T, elementName));
        }
        if (pool != null) {
            in.add(new CIMArgument<>("TargetPool", new CIMDataType("CIM_StoragePool"), pool));
        }
        CIMArgument<?>[] out = new CIMArgument<?>[4];
        Object result = client.invokeMethod(service(), "CreateReplica", in.toArray(CIMArgument<?>[]::new), out);
        return new Outcome(((Number) result).intValue(), (CIMObjectPath) outValue(out, "TargetElement"),
                (CIMObjectPath) outValue(out, "Job"));
    }

    /** ModifySynchronization of the configuration service (2 Detach, 3 Fracture, 4 Resync Replica, 5 Restore from Replica). */
    public Outcome modifySynchronization(int operation, CIMObjectPath synchronization) throws Exception {
        return modify(service(), "ModifySynchronization", operation, synchronization);
    }

    /** ModifyReplicaSynchronization of the replication service (8 Detach, 12 Fracture, 14 Resync, 19, 21 Split). */
    public Outcome modifyReplicaSynchronization(int operation, CIMObjectPath synchronization) throws Exception {
        return modify(CimQueries.all(client.enumerateInstanceNames(path("LIO_ReplicationService"))).getFirst(),
                "ModifyReplicaSynchronization", operation, synchronization);
    }

    private Outcome modify(CIMObjectPath service, String method, int operation, CIMObjectPath synchronization)
            throws Exception {
        CIMArgument<?>[] in = {
            new CIMArgument<>("Operation", CIMDataType.UINT16_T, new UnsignedInteger16(operation)),
            new CIMArgument<>("Synchronization", new CIMDataType("CIM_StorageSynchronized"), synchronization)};
        CIMArgument<?>[] out = new CIMArgument<?>[4];
        Object result = client.invokeMethod(service, method, in, out);
        return new Outcome(((Number) result).intValue(), null, (CIMObjectPath) outValue(out, "Job"));
    }

    /** Calls a method; its return value. */
    public int invoke(CIMObjectPath target, String method, CIMArgument<?>... in) throws Exception {
        return ((Number) client.invokeMethod(target, method, in, new CIMArgument<?>[4])).intValue();
    }

    public int returnToStoragePool(CIMObjectPath volume) throws Exception {
        return invoke(service(), "ReturnToStoragePool",
                new CIMArgument<>("TheElement", new CIMDataType("CIM_LogicalElement"), volume));
    }

    public int requestStateChange(CIMObjectPath job, int requestedState) throws Exception {
        return invoke(job, "RequestStateChange",
                new CIMArgument<>("RequestedState", CIMDataType.UINT16_T, new UnsignedInteger16(requestedState)));
    }

    /** GetErrors' embedded CIM_Error instances. */
    public List<CIMInstance> errors(CIMObjectPath job) throws Exception {
        CIMArgument<?>[] out = new CIMArgument<?>[1];
        assertEquals(0, ((Number) client.invokeMethod(job, "GetErrors", new CIMArgument<?>[0], out)).intValue());
        return Arrays.asList((CIMInstance[]) outValue(out, "Errors"));
    }

    private static Object outValue(CIMArgument<?>[] out, String name) {
        return Arrays.stream(out).filter(Objects::nonNull).filter(a -> a.getName().equalsIgnoreCase(name))
                .map(CIMArgument::getValue).findFirst().orElse(null);
    }

    // ---- jobs

    public CIMInstance job(CIMObjectPath job) throws Exception {
        return client.getInstance(job, false, false, null);
    }

    /** Polls the job (every 20 ms unless told otherwise) until it is as wanted; fails after the timeout. */
    public CIMInstance awaitJob(CIMObjectPath job, Predicate<CIMInstance> wanted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        CIMInstance instance = job(job);
        while (!wanted.test(instance)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job not as expected after " + timeout + ": " + instance);
            }
            Thread.sleep(poll);
            instance = job(job);
        }
        return instance;
    }

    /** Waits for the end the job contract defines: a final JobState and PercentComplete 100. */
    public CIMInstance awaitEnd(CIMObjectPath job) throws Exception {
        return awaitJob(job, j -> jobState(j) >= COMPLETED && percentComplete(j) == 100, Duration.ofMinutes(2));
    }

    /** The volume a CreateReplica job made. */
    public CIMObjectPath madeBy(CIMObjectPath job) throws Exception {
        return CimQueries.all(client.associatorNames(job, "CIM_AffectedJobElement", null, null, null)).getFirst();
    }

    public static int jobState(CIMInstance job) {
        return ((Number) job.getPropertyValue("JobState")).intValue();
    }

    public static int percentComplete(CIMInstance job) {
        return ((Number) job.getPropertyValue("PercentComplete")).intValue();
    }

    public static List<Integer> operationalStatus(CIMInstance job) {
        return Arrays.stream((UnsignedInteger16[]) job.getPropertyValue("OperationalStatus"))
                .map(UnsignedInteger16::intValue).toList();
    }

    // ---- the model

    public CIMObjectPath volume(String deviceId) throws Exception {
        return volumes().stream().filter(v -> deviceId.equals(v.getKeyValue("DeviceID"))).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + deviceId));
    }

    public List<CIMObjectPath> volumes() throws Exception {
        return CimQueries.all(client.enumerateInstanceNames(path("LIO_StorageVolume")));
    }

    /** The DeviceIDs of all volumes, sorted. */
    public List<String> volumeIds() throws Exception {
        return volumes().stream().map(v -> (String) v.getKeyValue("DeviceID")).sorted().toList();
    }

    /** Each volume's ElementName, by DeviceID. */
    public Map<String, String> elementNames() throws Exception {
        Map<String, String> names = new TreeMap<>();
        CimQueries.all(client.enumerateInstances(path("LIO_StorageVolume"), false, false, false, null))
                .forEach(v -> names.put((String) v.getPropertyValue("DeviceID"), (String) v.getPropertyValue("ElementName")));
        return names;
    }

    /** The volume's instance as a client reads it. */
    public CIMInstance volumeInstance(String deviceId) throws Exception {
        return client.getInstance(volume(deviceId), false, false, null);
    }

    /** The relationship whose replica (SyncedElement) the volume is, if any. */
    public Optional<CIMInstance> synchronizationOf(String targetId) throws Exception {
        return storageSynchronized().stream().filter(s -> targetId.equals(((CIMObjectPath) s.getPropertyValue(
                "SyncedElement")).getKeyValue("DeviceID"))).findFirst();
    }

    public CIMObjectPath pool(String poolId) throws Exception {
        return CimQueries.all(client.enumerateInstanceNames(path("LIO_StoragePool"))).stream()
                .filter(p -> ("LIO:pool:" + poolId).equals(p.getKeyValue("InstanceID"))).findFirst()
                .orElseThrow(() -> new AssertionError("no pool " + poolId));
    }

    public List<CIMInstance> storageSynchronized() throws Exception {
        return CimQueries.all(client.enumerateInstances(path("LIO_StorageSynchronized"), false, false, false, null));
    }

    private CIMObjectPath service() throws Exception {
        if (service == null) {
            service = CimQueries.all(client.enumerateInstanceNames(path("LIO_StorageConfigurationService"))).getFirst();
        }
        return service;
    }

    private static CIMObjectPath path(String className) {
        return CimQueries.path(NAMESPACE, className);
    }
}
