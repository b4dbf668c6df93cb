package org.liosmis.smis;

import static org.liosmis.smis.MethodResults.argument;

import java.util.ArrayList;
import java.util.List;
import org.liosmis.engine.CreateReplicaRequest;
import org.liosmis.engine.CreateReplicaResult;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.ReplicaKind;
import org.liosmis.engine.RequestRefused;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * What CreateReplica and CreateElementReplica share: SourceElement, TargetSettingGoal,
 * TargetPool and ElementName checked the same way, one engine request (a new volume, or the
 * existing one CreateElementReplica's TargetElement names), and its answer (TargetElement at
 * once, or a Job to follow).
 */
final class ReplicaCreation {

    /**
     * The replica the calling method's own parameters ask for.
     *
     * @param targetId the existing volume to make the replica, or null for a new volume
     */
    record Choice(ReplicaKind kind, CreateReplicaRequest.Timing timing, String targetId) {
        Choice(ReplicaKind kind, CreateReplicaRequest.Timing timing) {
            this(kind, timing, null);
        }
    }

    /** Reads the calling method's own parameters (CopyType; SyncType, Mode...), or refuses them. */
    @FunctionalInterface
    interface Chooser {
        Choice choose() throws MethodRefusal;
    }

    private final ReplicaEngine engine;
    private final ObjectNames names;
    private final StorageSynchronizedProvider relationships;

    ReplicaCreation(ReplicaEngine engine, ObjectNames names, StorageSynchronizedProvider relationships) {
        this.engine = engine;
        this.names = names;
        this.relationships = relationships;
    }

    /**
     * @param withSynchronization whether the method has a Synchronization output, given when
     *                            the relationship exists on return
     */
    MethodResult create(String method, List<CIMArgument<?>> args, Chooser chooser, boolean withSynchronization) {
        Object source = argument(args, "SourceElement");
        String sourceId = source instanceof CIMObjectPath path ? names.volumeId(path) : null;
        if (sourceId == null) {
            return MethodResults.refused(method, MethodResults.INVALID_PARAMETER, "SourceElement must name a "
                    + "LIO_StorageVolume of system " + names.systemName() + References.inModelNamespace(names)
                    + ", not " + References.given(source));
        }
        try {
            Choice choice = chooser.choose();
            String poolId = targetPool(args);
            CreateReplicaResult result = choice.targetId() == null
                    ? engine.createReplica(new CreateReplicaRequest(sourceId, choice.kind(), poolId,
                            (String) argument(args, "ElementName"), choice.timing()))
                    : engine.replicateInto(sourceId, choice.targetId(), choice.kind(), choice.timing());
            if (result.done()) {
                return done(sourceId, result.targetId(), withSynchronization);
            }
            CIMArgument<?> job = MethodResults.reference("Job", names.job(result.jobId()));
            // a target the client named, or a mirror's, exists while the job writes it; a new one only once it completes
            return choice.targetId() == null && !result.targetShown() ? MethodResults.of(MethodResults.JOB_STARTED, job)
                    : MethodResults.of(MethodResults.JOB_STARTED, job,
                            MethodResults.reference("TargetElement", names.volume(result.targetId())));
        } catch (MethodRefusal refusal) {
            return MethodResults.refused(method, refusal.returnValue(), refusal.getMessage());
        } catch (RequestRefused refusal) {
            return MethodResults.refused(method, refusal);
        }
    }

    /** The pool named by TargetPool, or null for the source's; TargetSettingGoal is checked on the way. */
    private String targetPool(List<CIMArgument<?>> args) throws MethodRefusal {
        if (argument(args, "TargetSettingGoal") != null) {
            throw new MethodRefusal(MethodResults.INVALID_PARAMETER,
                    "TargetSettingGoal cannot be honoured: lio-smis offers no storage settings; leave it out");
        }
        if (!(argument(args, "TargetPool") instanceof CIMObjectPath pool)) {
            return null;
        }
        String poolId = names.poolId(pool);
        if (poolId == null) {
            throw new MethodRefusal(MethodResults.INVALID_PARAMETER, "TargetPool must name a LIO_StoragePool"
                    + References.inModelNamespace(names) + ", not " + References.given(pool));
        }
        return poolId;
    }

    private MethodResult done(String sourceId, String targetId, boolean withSynchronization) {
        List<CIMArgument<?>> out = new ArrayList<>();
        out.add(MethodResults.reference("TargetElement", names.volume(targetId)));
        if (withSynchronization) {
            relationships.synchronization(sourceId, targetId)
                    .ifPresent(path -> out.add(MethodResults.reference("Synchronization", path)));
        }
        return MethodResults.of(MethodResults.COMPLETED, out.toArray(CIMArgument<?>[]::new));
    }
}
