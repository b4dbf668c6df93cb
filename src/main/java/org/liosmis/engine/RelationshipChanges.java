package org.liosmis.engine;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client may do with an existing relationship: detach the replica, restore the source
 * from it, or resync it from the source. The overwritten volume keeps its storage object, its
 * identity and its LUNs; a refusal changes nothing.
 */
final class RelationshipChanges {

    private static final Logger LOG = LoggerFactory.getLogger(RelationshipChanges.class);

    private final ReplicaEngine engine;
    private final Inventory inventory;
    private final StateStore store;

    RelationshipChanges(ReplicaEngine engine, Inventory inventory, StateStore store) {
        this.engine = engine;
        this.inventory = inventory;
        this.store = store;
    }

    void detach(String targetId) throws RequestRefused {
        synchronized (engine.admission()) {
            Replica relationship = established(targetId);
            if (engine.busy().contains(targetId)) {
                throw RequestRefused.inUse(targetId + " is being made, deleted, restored or resynced; try again when"
                        + " that is done");
            }
            store.deleteRelationship(relationship.targetId());
        }
        inventory.volume(targetId).ifPresent(replica -> engine.backendFor(replica).relabel(replica, null));
        LOG.info("replica {} detached: an independent volume now", targetId);
    }

    /** Restore (the replica's data over the source's) or resync (the source's over the replica's). */
    CreateReplicaResult overwrite(String targetId, boolean restore) throws RequestRefused {
        Replica relationship;
        Volume source;
        Volume replica;
        synchronized (engine.admission()) {
            relationship = established(targetId);
            String sourceId = relationship.sourceId();
            for (String id : new String[] {sourceId, targetId}) {
                if (engine.busy().contains(id) || engine.copySources().contains(id)) {
                    throw RequestRefused.inUse(id + " is being copied, made, deleted, restored or resynced; try"
                            + " again when that is done");
                }
            }
            source = inventory.volume(sourceId).orElseThrow(() -> RequestRefused.invalid("the source " + sourceId
                    + " of " + targetId + " is gone"));
            replica = inventory.volume(targetId).orElseThrow(() -> RequestRefused.invalid(targetId + " is gone"));
            if (source.sizeBytes() != replica.sizeBytes()) {
                throw new RequestRefused(RequestRefused.Reason.NOT_SUPPORTED, sourceId + " has " + source.sizeBytes()
                        + " bytes and its replica " + targetId + " " + replica.sizeBytes() + "; only volumes of one"
                        + " size can be written over each other");
            }
            engine.busy().add(sourceId);
            engine.busy().add(targetId);
        }
        Volume from = restore ? replica : source;
        Volume onto = restore ? source : replica;
        Optional<InPlaceCopy> copy = Optional.empty();
        Job job = null;
        try {
            copy = engine.backendFor(onto).overwrite(from, onto, true);
            if (copy.isEmpty()) {
                // only a reflink is instant
                ended(relationship, restore, CopyMethod.REFLINK);
                LOG.info("{} {} at once from {}", restore ? "restored" : "resynced", onto.id(), from.id());
                return new CreateReplicaResult(onto.id(), null);
            }
            job = InPlaceCopyJob.of(engine, from, onto, relationship.kind());
            // the relationship's state is what tells Recovery this job writes over a volume it must keep:
            // it is set before the job is stored and put back only after the ended job is
            store.putReplica(relationship.in(restore ? Replica.State.RESTORING : Replica.State.RESYNCING));
            store.putJob(job);
            engine.submit(new InPlaceCopyJob(job, copy.get(), engine, (endedJob, success) -> {
                store.putJob(endedJob);
                if (success) {
                    ended(relationship, restore, CopyMethod.FULL_COPY);
                } else {
                    settle(relationship);
                }
            }));
            return new CreateReplicaResult(onto.id(), job.id());
        } catch (RequestRefused | RuntimeException e) {
            copy.ifPresent(InPlaceCopy::cleanUp);
            if (job != null) {
                store.deleteJob(job.id());
            }
            settle(relationship);
            throw e;
        }
    }

    /** A restore leaves the relationship as it was; a resync makes the replica the source's data of now. */
    private void ended(Replica relationship, boolean restore, CopyMethod method) {
        Replica after = restore ? relationship : relationship.syncedAt(engine.clock().instant(), method);
        settle(after);
        if (!restore) {
            inventory.volume(after.targetId()).ifPresent(replica -> engine.backendFor(replica).relabel(replica, after));
        }
    }

    /** The relationship as it now stands, and both volumes free for other requests. */
    private void settle(Replica relationship) {
        store.putReplica(relationship);
        engine.busy().remove(relationship.sourceId());
        engine.busy().remove(relationship.targetId());
    }

    private Replica established(String targetId) throws RequestRefused {
        Replica relationship = store.replicaOf(targetId).orElseThrow(() ->
                RequestRefused.invalid(targetId + " is no replica: no relationship has it as its target"));
        return switch (relationship.state()) {
            case ESTABLISHED -> relationship;
            case COPYING, OVERWRITING -> throw RequestRefused.inUse(targetId + " is still being copied by job "
                    + relationship.jobId() + "; wait for it to end");
            case RESTORING, RESYNCING -> throw RequestRefused.inUse(targetId + " or its source is being "
                    + relationship.state().name().toLowerCase(java.util.Locale.ROOT) + "; wait for that job to end");
            // a mirror's relationship is changed by the mirrors' own classes, never here
            case SYNCHRONIZING, SYNCHRONIZED, FRACTURED, SPLIT, BROKEN -> throw new IllegalStateException(
                    targetId + " is a mirror's target");
        };
    }
}
