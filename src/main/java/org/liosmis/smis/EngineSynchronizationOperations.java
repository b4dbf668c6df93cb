package org.liosmis.smis;

import java.util.EnumSet;
import java.util.Set;
import org.liosmis.engine.CreateReplicaResult;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.RequestRefused;

/** Detach, Restore and Resync as the replica engine does them, on every kind of pool. */
final class EngineSynchronizationOperations implements SynchronizationOperations {

    private final ReplicaEngine engine;

    EngineSynchronizationOperations(ReplicaEngine engine) {
        this.engine = engine;
    }

    @Override
    public void detach(String targetId) throws RequestRefused {
        engine.detach(targetId);
    }

    @Override
    public CreateReplicaResult restore(String targetId) throws RequestRefused {
        return engine.restore(targetId);
    }

    @Override
    public CreateReplicaResult resync(String targetId) throws RequestRefused {
        return engine.resync(targetId);
    }

    @Override
    public Set<ModifyOperation> offered() {
        return EnumSet.of(ModifyOperation.DETACH, ModifyOperation.RESYNC, ModifyOperation.RESTORE);
    }
}
