package org.liosmis.engine;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica made into an existing volume the client names (CreateElementReplica's
 * TargetElement): the source's data is written over the first bytes of the target in place, as
 * a resync writes (a clone over the file, else a copy job), so the target keeps its storage
 * object, identity, size and ElementName; then the relationship is recorded as for a replica
 * made anew: a snapshot's kept, a clone's ended with its copy. A refusal changes nothing; a
 * failed copy leaves the target holding part of the source's data, and no relationship.
 */
final class ReplicaInPlace {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaInPlace.class);

    private final ReplicaEngine engine;
    private final Inventory inventory;
    private final StateStore store;

    ReplicaInPlace(ReplicaEngine engine, Inventory inventory, StateStore store) {
        this.engine = engine;
        this.inventory = inventory;
        this.store = store;
    }

    CreateReplicaResult replicate(String sourceId, String targetId, ReplicaKind kind, CreateReplicaRequest.Timing timing)
            throws RequestRefused {
        Volume source;
        Volume target;
        synchronized (engine.admission()) {
            source = inventory.volume(sourceId).orElseThrow(() ->
                    RequestRefused.invalid("SourceElement names no volume: " + sourceId + " does not exist"));
            target = inventory.volume(targetId).orElseThrow(() ->
                    RequestRefused.invalid("TargetElement names no volume: " + targetId + " does not exist"));
            check(source, target);
            engine.busy().add(sourceId);
            engine.busy().add(targetId);
        }
        Backend backend = engine.backendFor(target);
        Optional<InPlaceCopy> copy = Optional.empty();
        Job job = null;
        try {
            copy = backend.overwrite(source, target, timing != CreateReplicaRequest.Timing.BY_COPY);
            if (copy.isEmpty()) {
                // only a clone over the file is instant
                completed(source, target, kind, CopyMethod.REFLINK, null);
                LOG.info("{} of {} made in {} at once", kind, sourceId, targetId);
                return new CreateReplicaResult(targetId, null);
            }
            if (timing == CreateReplicaRequest.Timing.AT_ONCE) {
                throw new RequestRefused(RequestRefused.Reason.NOT_SUPPORTED, "pool " + target.poolId()
                        + " cannot write " + sourceId + " over " + targetId + " at once (no reflink, or LVM); only a"
                        + " copy job can");
            }
            job = InPlaceCopyJob.of(engine, source, target, kind);
            // as for a restore, this state tells Recovery the job writes over a volume it must keep:
            // set before the job is stored, settled only after the ended job is
            store.putReplica(new Replica(sourceId, targetId, kind, CopyMethod.FULL_COPY, Replica.State.OVERWRITING,
                    0, null, job.id()));
            store.putJob(job);
            engine.submit(new InPlaceCopyJob(job, copy.get(), engine, (endedJob, success) -> {
                store.putJob(endedJob);
                if (success) {
                    completed(source, target, kind, CopyMethod.FULL_COPY, endedJob.id());
                } else {
                    forget(source, target);
                }
            }));
            return new CreateReplicaResult(targetId, job.id());
        } catch (RequestRefused | RuntimeException e) {
            copy.ifPresent(InPlaceCopy::cleanUp);
            if (job != null) {
                store.deleteJob(job.id());
            }
            forget(source, target);
            throw e;
        }
    }

    /**
     * Under the admission lock: the source itself, then an exported target (as CreateElementReplica
     * always answered), then a target that cannot hold the copy, then one in use otherwise.
     */
    private void check(Volume source, Volume target) throws RequestRefused {
        ReplicaEngine.checkReplicable(source);
        if (source.id().equals(target.id())) {
            throw RequestRefused.invalid("TargetElement is the source itself; name another volume");
        }
        if (target.exported()) {
            throw RequestRefused.inUse(target.id() + " is exported through a LUN: remove the LUN before it receives a copy");
        }
        Pool pool = engine.managedPool(target, "name a volume of one as TargetElement");
        if (source.backstore() != target.backstore()) {
            throw RequestRefused.invalid(target.id() + " is a " + target.backstore() + " volume and " + source.id()
                    + " a " + source.backstore() + " one; name a volume of the source's kind as TargetElement");
        }
        engine.backendFor(target).checkSource(source, pool);
        if (target.sizeBytes() < source.sizeBytes()) {
            throw RequestRefused.invalid(target.id() + " holds " + target.sizeBytes() + " bytes, fewer than the"
                    + " source's " + source.sizeBytes());
        }
        Optional<Replica> related = store.replicas().stream()
                .filter(r -> r.targetId().equals(target.id()) || r.sourceId().equals(target.id())).findFirst();
        if (related.isPresent()) {
            throw RequestRefused.inUse(target.id() + " is in a relationship already (" + related.get().sourceId()
                    + " -> " + related.get().targetId() + "); delete or detach that replica first");
        }
        for (String id : new String[] {source.id(), target.id()}) {
            if (engine.busy().contains(id)) {
                throw RequestRefused.inUse(id + " is being made, deleted, restored or resynced; try again when that"
                        + " is done");
            }
        }
        if (engine.copySources().contains(target.id())) {
            throw RequestRefused.inUse(target.id() + " is being copied; try again when that is done");
        }
    }

    /** The relationship as a replica made anew has it once its data is complete; both volumes free again. */
    private void completed(Volume source, Volume target, ReplicaKind kind, CopyMethod method, String jobId) {
        if (kind == ReplicaKind.SNAPSHOT) {
            Replica relationship = new Replica(source.id(), target.id(), kind, method, Replica.State.ESTABLISHED,
                    100, engine.clock().instant(), jobId);
            store.putReplica(relationship);
            engine.backendFor(target).related(target, source, relationship);
            free(source, target);
        } else {
            forget(source, target);
        }
    }

    /** No relationship (a clone's ends with its copy, a failed copy makes none); both volumes free again. */
    private void forget(Volume source, Volume target) {
        store.deleteRelationship(target.id());
        free(source, target);
    }

    private void free(Volume source, Volume target) {
        engine.busy().remove(source.id());
        engine.busy().remove(target.id());
    }
}
