package org.liosmis.smis;

/** The ModifyReplicaSynchronization operations lio-smis can perform, with their DMTF Operation values. */
enum ModifyOperation {
    DETACH(8), RESYNC(14), RESTORE(15), RETURN_TO_RESOURCE_POOL(19);

    final int value;

    ModifyOperation(int value) {
        this.value = value;
    }
}
