package org.liosmis.smis;

import static org.liosmis.smis.MethodResults.argument;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.liosmis.engine.Replica;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.RequestRefused;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * ModifyReplicaSynchronization of LIO_ReplicationService on one shown relationship: 19 Return
 * To ResourcePool deletes its replica volume; 8 Detach, 12 Fracture, 21 Split, 14 Resync and 15 Restore are
 * ModifySynchronization's {@link SynchronizationChanges}. Every other operation of the ValueMap (2..27) answers 1,
 * anything else 5.
 */
final class SynchronizationModification {

    private static final String METHOD = "ModifyReplicaSynchronization";
    /** The Operation ValueMap's defined range (DMTF CIM_ReplicationService). */
    private static final int FIRST_OPERATION = 2;
    private static final int LAST_OPERATION = 27;

    private final ReplicaEngine engine;
    private final ObjectNames names;
    private final StorageSynchronizedProvider relationships;
    private final SynchronizationChanges changes;

    SynchronizationModification(ReplicaEngine engine, ObjectNames names, StorageSynchronizedProvider relationships) {
        this.engine = engine;
        this.names = names;
        this.relationships = relationships;
        this.changes = new SynchronizationChanges(engine, names);
    }

    MethodResult modify(List<CIMArgument<?>> args) {
        try {
            ModifyOperation operation = operation(argument(args, "Operation"));
            checkOptions(args);
            Object synchronization = argument(args, "Synchronization");
            Optional<Replica> replica = synchronization instanceof CIMObjectPath path
                    ? relationships.relationship(path) : Optional.empty();
            if (replica.isEmpty()) {
                throw new MethodRefusal(MethodResults.INVALID_PARAMETER, "Synchronization must name a "
                        + "LIO_StorageSynchronized that exists" + References.inModelNamespace(names) + ", not "
                        + References.given(synchronization));
            }
            return perform(operation, replica.get().targetId());
        } catch (MethodRefusal refusal) {
            return MethodResults.refused(METHOD, refusal.returnValue(), refusal.getMessage());
        } catch (RequestRefused refusal) {
            return MethodResults.refused(METHOD, refusal);
        }
    }

    private static ModifyOperation operation(Object value) throws MethodRefusal {
        if (!(value instanceof UnsignedInteger16 number)) {
            throw new MethodRefusal(MethodResults.INVALID_PARAMETER, "Operation is required, for example 19 "
                    + "(Return To ResourcePool)");
        }
        int operation = number.intValue();
        Optional<ModifyOperation> known = Arrays.stream(ModifyOperation.values()).filter(o -> o.value == operation)
                .findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        if (operation >= FIRST_OPERATION && operation <= LAST_OPERATION) {
            throw new MethodRefusal(MethodResults.NOT_SUPPORTED, "Operation " + operation + " is not offered; "
                    + "the capabilities' GetSupportedOperations lists those that are");
        }
        throw new MethodRefusal(MethodResults.INVALID_PARAMETER,
                "Operation " + operation + " is reserved or vendor specific");
    }

    private static void checkOptions(List<CIMArgument<?>> args) throws MethodRefusal {
        if (argument(args, "ReplicationSettingData") != null) {
            throw new MethodRefusal(MethodResults.INVALID_PARAMETER,
                    "ReplicationSettingData cannot be honoured: lio-smis offers no replication settings; leave it out");
        }
        if (argument(args, "SyncPair") != null) {
            throw new MethodRefusal(MethodResults.INVALID_PARAMETER,
                    "SyncPair belongs to AddSyncPair and RemoveSyncPair, which lio-smis does not offer; leave it out");
        }
        if (argument(args, "WaitForCopyState") != null) {
            throw new MethodRefusal(MethodResults.NOT_SUPPORTED,
                    "WaitForCopyState is not honoured here; leave it out and read the relationship or follow the Job");
        }
    }

    private MethodResult perform(ModifyOperation operation, String targetId) throws RequestRefused {
        return switch (operation) {
            case RETURN_TO_RESOURCE_POOL -> {
                engine.deleteVolume(targetId);
                yield MethodResults.of(MethodResults.COMPLETED);
            }
            case DETACH -> changes.perform(SynchronizationChanges.Change.DETACH, targetId);
            case FRACTURE -> changes.perform(SynchronizationChanges.Change.FRACTURE, targetId);
            case SPLIT -> changes.perform(SynchronizationChanges.Change.SPLIT, targetId);
            case RESTORE -> changes.perform(SynchronizationChanges.Change.RESTORE, targetId);
            case RESYNC -> changes.perform(SynchronizationChanges.Change.RESYNC, targetId);
        };
    }
}
