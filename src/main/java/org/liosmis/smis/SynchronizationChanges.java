package org.liosmis.smis;

import org.liosmis.engine.Replica;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.RequestRefused;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * Detach, fracture, restore and resync of a LIO_StorageSynchronized, whichever method's Operation value
 * asked for them: the return value, and Job when a job was started.
 */
final class SynchronizationChanges {

    enum Change {
        DETACH, FRACTURE, SPLIT, RESTORE, RESYNC
    }

    private final ReplicaEngine engine;
    private final ObjectNames names;

    SynchronizationChanges(ReplicaEngine engine, ObjectNames names) {
        this.engine = engine;
        this.names = names;
    }

    MethodResult apply(String method, Change change, Object synchronization) {
        ObjectNames.Synchronization named = synchronization instanceof CIMObjectPath path
                ? names.synchronization(path) : null;
        if (named == null) {
            return MethodResults.refused(method, MethodResults.INVALID_PARAMETER, "Synchronization must name a "
                    + ObjectNames.SYNCHRONIZED + " between two volumes of system " + names.systemName()
                    + " in namespace " + names.modelNamespace() + " (or in none), not " + synchronization);
        }
        boolean related = engine.replicaOf(named.replicaId()).map(Replica::sourceId)
                .filter(named.sourceId()::equals).isPresent();
        if (!related) {
            return MethodResults.refused(method, MethodResults.INVALID_PARAMETER, named.replicaId()
                    + " is no replica of " + named.sourceId() + ": that Synchronization does not exist");
        }
        try {
            return perform(change, named.replicaId());
        } catch (RequestRefused refusal) {
            return MethodResults.refused(method, refusal);
        }
    }

    /** The change on the relationship of replica replicaId, already found to exist: 0, or 4096 with its Job. */
    MethodResult perform(Change change, String replicaId) throws RequestRefused {
        return switch (change) {
            case DETACH -> {
                engine.detach(replicaId);
                yield MethodResults.of(MethodResults.COMPLETED);
            }
            case FRACTURE, SPLIT -> {
                engine.fracture(replicaId, change == Change.SPLIT);
                yield MethodResults.of(MethodResults.COMPLETED);
            }
            case RESTORE -> MethodResults.completedOrJob(engine.restore(replicaId), names);
            case RESYNC -> MethodResults.completedOrJob(engine.resync(replicaId), names);
        };
    }
}
