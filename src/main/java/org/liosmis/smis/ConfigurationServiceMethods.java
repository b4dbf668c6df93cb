package org.liosmis.smis;

import static org.liosmis.smis.MethodResults.argument;

import java.util.List;
import org.liosmis.engine.CreateReplicaRequest;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.ReplicaKind;
import org.liosmis.engine.RequestRefused;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;

/**
 * The methods of LIO_StorageConfigurationService that work: CreateReplica (mirrors, snapshots
 * and copies), ReturnToStoragePool and ModifySynchronization. Every other declared method answers 1, Not Supported.
 */
final class ConfigurationServiceMethods {

    /** CreateReplica's CopyType values (DMTF). */
    private static final int ASYNC = 2;
    private static final int SYNC = 3;
    private static final int UNSYNC_ASSOC = 4;
    private static final int UNSYNC_UNASSOC = 5;
    /** ModifySynchronization's Operation values (DMTF): 2..13 are defined, the rest reserved or vendor's. */
    private static final int DETACH = 2;
    private static final int FRACTURE = 3;
    private static final int RESYNC_REPLICA = 4;
    private static final int RESTORE_FROM_REPLICA = 5;
    private static final int LAST_OPERATION = 13;

    private final ReplicaEngine engine;
    private final ObjectNames names;
    private final ReplicaCreation creation;
    private final SynchronizationChanges synchronizations;

    ConfigurationServiceMethods(ReplicaEngine engine, ObjectNames names, ReplicaCreation creation) {
        this.engine = engine;
        this.names = names;
        this.creation = creation;
        this.synchronizations = new SynchronizationChanges(engine, names);
    }

    MethodResult invoke(String methodName, List<CIMArgument<?>> args) {
        return switch (methodName) {
            case "CreateReplica" -> createReplica(args);
            case "ReturnToStoragePool" -> returnToStoragePool(args);
            case "ModifySynchronization" -> modifySynchronization(args);
            default -> MethodResults.refused(methodName, MethodResults.NOT_SUPPORTED, methodName + " is not offered");
        };
    }

    private MethodResult createReplica(List<CIMArgument<?>> args) {
        return creation.create("CreateReplica", args, () -> new ReplicaCreation.Choice(kind(args),
                CreateReplicaRequest.Timing.AS_POOL_CAN), false);
    }

    private static ReplicaKind kind(List<CIMArgument<?>> args) throws MethodRefusal {
        if (!(argument(args, "CopyType") instanceof UnsignedInteger16 copyType)) {
            throw new MethodRefusal(MethodResults.INVALID_PARAMETER, "CopyType is required: 2 (Async) or 3 (Sync)"
                    + " for a mirror, 4 (UnSyncAssoc) for a snapshot, 5 (UnSyncUnAssoc) for an independent copy");
        }
        return switch (copyType.intValue()) {
            case ASYNC -> ReplicaKind.ASYNC_MIRROR;
            case SYNC -> ReplicaKind.SYNC_MIRROR;
            case UNSYNC_ASSOC -> ReplicaKind.SNAPSHOT;
            case UNSYNC_UNASSOC -> ReplicaKind.CLONE;
            default -> throw new MethodRefusal(MethodResults.INVALID_PARAMETER, "CopyType " + copyType
                    + " is reserved or vendor specific; use 2 (Async), 3 (Sync), 4 (UnSyncAssoc) or 5 (UnSyncUnAssoc)");
        };
    }

    private MethodResult returnToStoragePool(List<CIMArgument<?>> args) {
        String method = "ReturnToStoragePool";
        Object element = argument(args, "TheElement");
        String volumeId = element instanceof CIMObjectPath path ? names.volumeId(path) : null;
        if (volumeId == null) {
            return MethodResults.refused(method, MethodResults.INVALID_PARAMETER, "TheElement must name a "
                    + "LIO_StorageVolume of system " + names.systemName() + References.inModelNamespace(names) + ", not "
                    + References.given(element));
        }
        try {
            engine.deleteVolume(volumeId);
            return MethodResults.of(MethodResults.COMPLETED);
        } catch (RequestRefused refusal) {
            return MethodResults.refused(method, refusal);
        }
    }

    private MethodResult modifySynchronization(List<CIMArgument<?>> args) {
        String method = "ModifySynchronization";
        Object synchronization = argument(args, "Synchronization");
        if (!(argument(args, "Operation") instanceof UnsignedInteger16 operation)) {
            return MethodResults.refused(method, MethodResults.INVALID_PARAMETER,
                    "Operation is required: 2 (Detach), 3 (Fracture), 4 (Resync Replica) or 5 (Restore from Replica)");
        }
        return switch (operation.intValue()) {
            case DETACH -> synchronizations.apply(method, SynchronizationChanges.Change.DETACH, synchronization);
            case FRACTURE -> synchronizations.apply(method, SynchronizationChanges.Change.FRACTURE, synchronization);
            case RESYNC_REPLICA -> synchronizations.apply(method, SynchronizationChanges.Change.RESYNC, synchronization);
            case RESTORE_FROM_REPLICA -> synchronizations.apply(method, SynchronizationChanges.Change.RESTORE,
                    synchronization);
            default -> operation.intValue() > DETACH && operation.intValue() <= LAST_OPERATION
                    ? MethodResults.refused(method, MethodResults.NOT_SUPPORTED, "Operation " + operation
                            + " is not offered; use 2, 3, 4 or 5")
                    : MethodResults.refused(method, MethodResults.INVALID_PARAMETER, "Operation " + operation
                            + " is reserved or vendor specific; use 2 (Detach), 3 (Fracture), 4 (Resync Replica) or 5"
                            + " (Restore from Replica)");
        };
    }
}
