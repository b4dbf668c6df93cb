package org.liosmis.smis;

import java.util.Set;
import org.liosmis.engine.CreateReplicaResult;
import org.liosmis.engine.RequestRefused;

/**
 * The engine operations on a relationship that ModifyReplicaSynchronization hands on:
 * Detach (8), Resync (14) and Restore (15), each given the relationship's replica volume.
 * Restore and Resync answer with a job, or done.
 */
interface SynchronizationOperations {

    void detach(String targetId) throws RequestRefused;

    CreateReplicaResult restore(String targetId) throws RequestRefused;

    CreateReplicaResult resync(String targetId) throws RequestRefused;

    /** Those of DETACH, RESYNC and RESTORE that work: what the capabilities advertise. */
    Set<ModifyOperation> offered();
}
