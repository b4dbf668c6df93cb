package org.liosmis.smis;

import java.util.Set;
import org.liosmis.engine.CreateReplicaResult;
import org.liosmis.engine.RequestRefused;

/** Detach, Restore and Resync while the engine offers none of them: each refused as Not Supported. */
final class UnofferedSynchronizationOperations implements SynchronizationOperations {

    @Override
    public void detach(String targetId) throws RequestRefused {
        throw refusal("Detach");
    }

    @Override
    public CreateReplicaResult restore(String targetId) throws RequestRefused {
        throw refusal("Restore from Replica");
    }

    @Override
    public CreateReplicaResult resync(String targetId) throws RequestRefused {
        throw refusal("Resync Replica");
    }

    @Override
    public Set<ModifyOperation> offered() {
        return Set.of();
    }

    private static RequestRefused refusal(String operation) {
        return new RequestRefused(RequestRefused.Reason.NOT_SUPPORTED, operation + " is not offered yet");
    }
}
