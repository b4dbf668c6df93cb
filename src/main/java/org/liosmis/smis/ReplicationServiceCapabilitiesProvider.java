package org.liosmis.smis;

import static org.liosmis.smis.MethodResults.argument;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.ReplicaKind;
import org.liosmis.spi.MethodProvider;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;

/**
 * LIO_ReplicationServiceCapabilities: what the replication service does, and only that. Local
 * mirrors where a configured pool can hold one; local snapshots and clones, Synchronous when
 * made at once (reflink, thin snapshot) and Asynchronous when a copy job makes them; the
 * operations, copy states and WaitForCopyStates of each type.
 */
final class ReplicationServiceCapabilitiesProvider extends FewInstancesProvider implements MethodProvider {

    /** SupportedReplicationTypes (DMTF CIM_ReplicationServiceCapabilities). */
    private static final int SYNC_MIRROR_LOCAL = 2;
    private static final int ASYNC_MIRROR_LOCAL = 3;
    private static final int SYNC_SNAPSHOT_LOCAL = 6;
    private static final int ASYNC_SNAPSHOT_LOCAL = 7;
    private static final int SYNC_CLONE_LOCAL = 10;
    private static final int ASYNC_CLONE_LOCAL = 11;
    /** The ReplicationType ValueMap's defined range. */
    private static final int FIRST_TYPE = 2;
    private static final int LAST_TYPE = 27;
    /** SupportedStorageObjects 2: StorageVolume. */
    private static final int STORAGE_VOLUME = 2;
    /** Supported(A)SynchronousActions. */
    private static final int CREATE_ELEMENT_REPLICA = 2;
    private static final int MODIFY_REPLICA_SYNCHRONIZATION = 5;
    /** GetSupportedWaitForCopyStates' MethodName values: 2 CreateElementReplica .. 11. */
    private static final int FIRST_METHOD_NAME = 2;
    private static final int LAST_METHOD_NAME = 11;
    /** CopyState values. */
    private static final int UNSYNCHRONIZED = 3;
    private static final int SYNCHRONIZED = 4;
    private static final int BROKEN = 5;
    private static final int FRACTURED = 6;
    private static final int SPLIT = 7;
    private static final int INACTIVE = 8;
    private static final int[] MIRROR_COPY_STATES = {UNSYNCHRONIZED, SYNCHRONIZED, BROKEN, FRACTURED, SPLIT};
    /** A mirror's target is out of the initiators' reach until it is fractured or split. */
    private static final int[] MIRROR_TARGET_READABLE = {0, 0, 0, 1, 1};

    /**
     * The CopyState each type's relationship is shown in: a snapshot made at once is Inactive, one
     * copied Synchronized; a clone's relationship ends as its data is complete, so it has none.
     */
    private static final Map<Integer, int[]> COPY_STATES = Map.of(SYNC_SNAPSHOT_LOCAL, new int[] {INACTIVE},
            ASYNC_SNAPSHOT_LOCAL, new int[] {SYNCHRONIZED}, SYNC_CLONE_LOCAL, new int[0], ASYNC_CLONE_LOCAL, new int[0]);
    /** What CreateElementReplica can wait for: the state a replica made at once has on return. */
    private static final Map<Integer, int[]> WAIT_FOR_COPY_STATES = Map.of(SYNC_SNAPSHOT_LOCAL, new int[] {INACTIVE},
            ASYNC_SNAPSHOT_LOCAL, new int[0], SYNC_CLONE_LOCAL, new int[] {SYNCHRONIZED}, ASYNC_CLONE_LOCAL, new int[0]);

    private final ObjectNames names;
    private final int[] mirrorTypes;

    ReplicationServiceCapabilitiesProvider(ObjectNames names, ReplicaEngine engine) {
        this.names = names;
        Set<ReplicaKind> mirrors = engine.mirrorKinds();
        this.mirrorTypes = IntStream.of(mirrors.contains(ReplicaKind.SYNC_MIRROR) ? SYNC_MIRROR_LOCAL : 0,
                mirrors.contains(ReplicaKind.ASYNC_MIRROR) ? ASYNC_MIRROR_LOCAL : 0).filter(t -> t != 0).toArray();
    }

    private boolean mirror(int type) {
        return IntStream.of(mirrorTypes).anyMatch(t -> t == type);
    }

    @Override
    Stream<CIMInstance> instances() {
        return Stream.of(new InstanceBuilder(names.replicationServiceCapabilities())
                .string("ElementName", "LIO replication service capabilities")
                .uint16s("SupportedReplicationTypes", IntStream.concat(IntStream.of(mirrorTypes), IntStream.of(
                        SYNC_SNAPSHOT_LOCAL, ASYNC_SNAPSHOT_LOCAL, SYNC_CLONE_LOCAL, ASYNC_CLONE_LOCAL)).toArray())
                .uint16s("SupportedStorageObjects", STORAGE_VOLUME)
                .uint16s("SupportedSynchronousActions", CREATE_ELEMENT_REPLICA, MODIFY_REPLICA_SYNCHRONIZATION)
                // a restore or resync may be copied by a job
                .uint16s("SupportedAsynchronousActions", CREATE_ELEMENT_REPLICA, MODIFY_REPLICA_SYNCHRONIZATION)
                .build());
    }

    @Override
    public MethodResult invokeMethod(CIMObjectPath objectName, String methodName, List<CIMArgument<?>> inArgs) {
        try {
            return switch (methodName) {
                case "GetSupportedOperations" -> states("SupportedOperations", supportedOperations(type(inArgs)));
                case "GetSupportedCopyStates" -> copyStates(type(inArgs));
                case "GetSupportedWaitForCopyStates" -> waitForCopyStates(type(inArgs), argument(inArgs, "MethodName"));
                default -> MethodResults.refused(methodName, MethodResults.NOT_SUPPORTED, methodName + " is not offered");
            };
        } catch (MethodRefusal refusal) {
            return MethodResults.refused(methodName, refusal.returnValue(), refusal.getMessage());
        }
    }

    /** The ReplicationType argument, one of the advertised types. */
    private int type(List<CIMArgument<?>> args) throws MethodRefusal {
        if (!(argument(args, "ReplicationType") instanceof UnsignedInteger16 value)) {
            throw new MethodRefusal(MethodResults.INVALID_PARAMETER, "ReplicationType is required, one of "
                    + "SupportedReplicationTypes");
        }
        int type = value.intValue();
        if (COPY_STATES.containsKey(type) || mirror(type)) {
            return type;
        }
        throw new MethodRefusal(type >= FIRST_TYPE && type <= LAST_TYPE ? MethodResults.NOT_SUPPORTED
                : MethodResults.INVALID_PARAMETER, "ReplicationType " + type + " is not one of SupportedReplicationTypes");
    }

    /** A mirror's operations, or every one on a snapshot's relationship; a clone keeps none to modify. */
    private int[] supportedOperations(int type) {
        if (type == SYNC_CLONE_LOCAL || type == ASYNC_CLONE_LOCAL) {
            return new int[0];
        }
        return Arrays.stream(ModifyOperation.values()).filter(operation -> mirror(type) ? operation.onMirrors
                : operation.onSnapshots).mapToInt(operation -> operation.value).sorted().toArray();
    }

    private MethodResult copyStates(int type) {
        int[] states = mirror(type) ? MIRROR_COPY_STATES : COPY_STATES.get(type);
        Boolean[] hostAccessible = new Boolean[states.length];
        for (int i = 0; i < states.length; i++) {
            hostAccessible[i] = !mirror(type) || MIRROR_TARGET_READABLE[i] == 1;
        }
        return MethodResults.of(MethodResults.COMPLETED, uint16s("SupportedCopyStates", states),
                new CIMArgument<>("HostAccessible", CIMDataType.BOOLEAN_ARRAY_T, hostAccessible));
    }

    private MethodResult waitForCopyStates(int type, Object methodName) throws MethodRefusal {
        int method = methodName instanceof UnsignedInteger16 value ? value.intValue() : -1;
        if (method < FIRST_METHOD_NAME || method > LAST_METHOD_NAME) {
            throw new MethodRefusal(MethodResults.INVALID_PARAMETER, "MethodName is required: 2 (CreateElementReplica)"
                    + " to 11, not " + methodName);
        }
        return states("SupportedCopyStates", method == CREATE_ELEMENT_REPLICA && !mirror(type)
                ? WAIT_FOR_COPY_STATES.get(type) : new int[0]);
    }

    private static MethodResult states(String name, int[] values) {
        return MethodResults.of(MethodResults.COMPLETED, uint16s(name, values));
    }

    private static CIMArgument<UnsignedInteger16[]> uint16s(String name, int[] values) {
        return new CIMArgument<>(name, CIMDataType.UINT16_ARRAY_T, InstanceBuilder.uint16Array(values));
    }
}
