package org.liosmis.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * What a replica's data carries about it, so a lost state database can be rebuilt: the
 * ElementName its client gave it and, for a snapshot, the relationship to its source.
 *
 * @param sourceId  the snapshot's source; null for an independent copy, whose relationship ended with its copy
 * @param sourceNaa the source's NAA identifier then: a source deleted and made again under its name is another volume
 */
record VolumeLabel(String elementName, String sourceId, String sourceNaa, CopyMethod method, Instant whenSynced) {

    /** The label of a replica whose data is complete now. */
    static VolumeLabel of(ReplicaEngine.Plan plan, CopyMethod method, Instant now) {
        boolean snapshot = plan.kind() == ReplicaKind.SNAPSHOT;
        return new VolumeLabel(plan.elementName(), snapshot ? plan.source().id() : null,
                snapshot ? plan.source().naaId() : null, method, now);
    }

    /** The relationship a snapshot keeps, as the engine records it once its data is complete. */
    Optional<Replica> relationship(String targetId) {
        return sourceId == null ? Optional.empty() : Optional.of(new Replica(sourceId, targetId, ReplicaKind.SNAPSHOT,
                method, Replica.State.ESTABLISHED, 100, whenSynced, null));
    }
}
