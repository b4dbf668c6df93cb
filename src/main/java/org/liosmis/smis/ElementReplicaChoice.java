package org.liosmis.smis;

import static org.liosmis.smis.MethodResults.argument;

import java.util.List;
import java.util.Optional;
import org.liosmis.engine.CreateReplicaRequest.Timing;
import org.liosmis.engine.Inventory;
import org.liosmis.engine.ReplicaKind;
import org.liosmis.engine.Volume;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;

/**
 * CreateElementReplica's own parameters (SyncType, Mode, WaitForCopyState, TargetElement and
 * the remote and settings parameters) read into the replica CreateReplica would make too, made
 * a new volume or into the existing one TargetElement names: SyncType 6 Mirror is CopyType 3
 * with Mode 2 Synchronous (or none), CopyType 2 with Mode 3 Asynchronous; 7 Snapshot is CopyType
 * 4, 8 Clone is CopyType 5, for which Mode 2 is a replica made at once (reflink, thin snapshot),
 * 3 one made by a copy job.
 */
final class ElementReplicaChoice {

    /** SyncType, Mode and CopyState values (DMTF CIM_ReplicationService, CIM_Synchronized). */
    private static final int MIRROR = 6;
    private static final int SNAPSHOT = 7;
    private static final int CLONE = 8;
    private static final int TOKENIZED_CLONE = 9;
    private static final int SYNCHRONOUS = 2;
    private static final int ASYNCHRONOUS = 3;
    private static final int ADAPTIVE = 4;
    private static final int COPY_STATE_SYNCHRONIZED = 4;
    private static final int COPY_STATE_INACTIVE = 8;

    private final ObjectNames names;
    private final Inventory inventory;

    ElementReplicaChoice(ObjectNames names, Inventory inventory) {
        this.names = names;
        this.inventory = inventory;
    }

    ReplicaCreation.Choice choose(List<CIMArgument<?>> args) throws MethodRefusal {
        ReplicaKind kind = kind(argument(args, "SyncType"), argument(args, "Mode"));
        Timing timing = kind.mirror() ? Timing.BY_COPY : timing(argument(args, "Mode"));
        notRemote(args);
        if (kind.mirror() && argument(args, "TargetElement") != null) {
            throw new MethodRefusal(MethodResults.NOT_SUPPORTED, "a mirror's target is made anew (a raid1 leg, or a"
                    + " volume the mirror's cycles fill); leave TargetElement out and name a TargetPool if needed");
        }
        if (argument(args, "ReplicationSettingData") != null) {
            throw new MethodRefusal(MethodResults.INVALID_PARAMETER,
                    "ReplicationSettingData cannot be honoured: lio-smis offers no replication settings; leave it out");
        }
        String targetId = argument(args, "TargetElement") == null ? null : target(args);
        return new ReplicaCreation.Choice(kind, waitFor(argument(args, "WaitForCopyState"), kind, timing), targetId);
    }

    private static ReplicaKind kind(Object syncType, Object mode) throws MethodRefusal {
        if (!(syncType instanceof UnsignedInteger16 type)) {
            throw new MethodRefusal(MethodResults.INVALID_PARAMETER,
                    "SyncType is required: 6 (Mirror), 7 (Snapshot) or 8 (Clone)");
        }
        return switch (type.intValue()) {
            case MIRROR -> mirror(mode);
            case SNAPSHOT -> ReplicaKind.SNAPSHOT;
            case CLONE -> ReplicaKind.CLONE;
            case TOKENIZED_CLONE -> throw new MethodRefusal(MethodResults.NOT_SUPPORTED,
                    "SyncType 9 (tokenized clones) is not offered; use 6 (Mirror), 7 (Snapshot) or 8 (Clone)");
            default -> throw new MethodRefusal(MethodResults.INVALID_PARAMETER,
                    "SyncType " + type + " is reserved or vendor specific; use 6 (Mirror), 7 (Snapshot) or 8 (Clone)");
        };
    }

    /** A mirror's Mode says whether every write reaches the target (2, also when left out) or cycles do (3). */
    private static ReplicaKind mirror(Object mode) throws MethodRefusal {
        int value = mode == null ? SYNCHRONOUS : ((UnsignedInteger16) mode).intValue();
        return switch (value) {
            case SYNCHRONOUS -> ReplicaKind.SYNC_MIRROR;
            case ASYNCHRONOUS -> ReplicaKind.ASYNC_MIRROR;
            case ADAPTIVE -> throw new MethodRefusal(MethodResults.NOT_SUPPORTED,
                    "Mode 4 (Adaptive) is not offered; use 2 (Synchronous) or 3 (Asynchronous)");
            default -> throw new MethodRefusal(MethodResults.INVALID_PARAMETER, "Mode " + value
                    + " is reserved or vendor specific; use 2 (Synchronous) or 3 (Asynchronous)");
        };
    }

    private static Timing timing(Object mode) throws MethodRefusal {
        if (mode == null) {
            return Timing.AS_POOL_CAN;
        }
        int value = ((UnsignedInteger16) mode).intValue();
        return switch (value) {
            case SYNCHRONOUS -> Timing.AT_ONCE;
            case ASYNCHRONOUS -> Timing.BY_COPY;
            case ADAPTIVE -> throw new MethodRefusal(MethodResults.NOT_SUPPORTED,
                    "Mode 4 (Adaptive) is for mirrors; use 2 (Synchronous), 3 (Asynchronous) or leave Mode out");
            default -> throw new MethodRefusal(MethodResults.INVALID_PARAMETER, "Mode " + value
                    + " is reserved or vendor specific; use 2 (Synchronous), 3 (Asynchronous) or leave Mode out");
        };
    }

    /** Every replica is local and stays out of collections. */
    private static void notRemote(List<CIMArgument<?>> args) throws MethodRefusal {
        for (String parameter : List.of("SourceAccessPoint", "TargetAccessPoint", "ConnectivityCollection", "Collections")) {
            if (argument(args, parameter) != null) {
                throw new MethodRefusal(MethodResults.NOT_SUPPORTED, parameter
                        + " is not offered: replicas are made on this system and join no collection; leave it out");
            }
        }
    }

    /**
     * The existing volume the client names to be the replica; the engine decides whether it can
     * be (size, kind, use). It keeps its ElementName and is in no pool the client could choose.
     */
    private String target(List<CIMArgument<?>> args) throws MethodRefusal {
        Object target = argument(args, "TargetElement");
        String targetId = target instanceof CIMObjectPath path ? names.volumeId(path) : null;
        if (targetId == null) {
            throw new MethodRefusal(MethodResults.INVALID_PARAMETER, "TargetElement must name an existing "
                    + "LIO_StorageVolume of system " + names.systemName() + References.inModelNamespace(names)
                    + ", not " + References.given(target));
        }
        if (argument(args, "TargetPool") != null) {
            throw new MethodRefusal(MethodResults.INVALID_PARAMETER,
                    "TargetPool must be left out when a TargetElement is given");
        }
        Object elementName = argument(args, "ElementName");
        Optional<String> kept = inventory.volume(targetId).map(Volume::elementName);
        if (elementName != null && kept.isPresent() && !kept.get().equals(elementName)) {
            throw new MethodRefusal(MethodResults.INVALID_PARAMETER, "ElementName \"" + elementName + "\" is not "
                    + targetId + "'s: a TargetElement keeps its ElementName (\"" + kept.get() + "\"); leave ElementName"
                    + " out or give that one");
        }
        return targetId;
    }

    /**
     * WaitForCopyState is honoured for replicas made at once, whose state is reached on return:
     * 8 Inactive for a snapshot, 4 Synchronized for a clone. lio-smis does not hold a request
     * open for a copy job (follow the Job instead).
     */
    private static Timing waitFor(Object copyState, ReplicaKind kind, Timing timing) throws MethodRefusal {
        if (copyState == null) {
            return timing;
        }
        if (kind.mirror()) {
            throw new MethodRefusal(MethodResults.NOT_SUPPORTED, "a mirror is brought in step by a job, which is not"
                    + " waited for; leave WaitForCopyState out and follow the Job");
        }
        if (timing == Timing.BY_COPY) {
            throw new MethodRefusal(MethodResults.NOT_SUPPORTED, "a copy job (Mode 3) is not waited for; leave "
                    + "WaitForCopyState out and follow the Job");
        }
        int reached = kind == ReplicaKind.SNAPSHOT ? COPY_STATE_INACTIVE : COPY_STATE_SYNCHRONIZED;
        if (((UnsignedInteger16) copyState).intValue() != reached) {
            throw new MethodRefusal(MethodResults.INVALID_PARAMETER, "WaitForCopyState " + copyState + " is never "
                    + "reached: a " + kind.name().toLowerCase() + " made at once is in CopyState " + reached);
        }
        return Timing.AT_ONCE;
    }
}
