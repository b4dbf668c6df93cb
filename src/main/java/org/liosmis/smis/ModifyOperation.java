package org.liosmis.smis;

/** The ModifyReplicaSynchronization operations lio-smis can perform, with their DMTF Operation values. */
enum ModifyOperation {
    DETACH(8, true, true), FRACTURE(12, false, true), RESYNC(14, true, true), RESTORE(15, true, false),
    RETURN_TO_RESOURCE_POOL(19, true, true), SPLIT(21, false, true);

    final int value;
    final boolean onSnapshots;
    final boolean onMirrors;

    ModifyOperation(int value, boolean onSnapshots, boolean onMirrors) {
        this.value = value;
        this.onSnapshots = onSnapshots;
        this.onMirrors = onMirrors;
    }
}
