package org.liosmis.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.liosmis.datapath.CancelToken;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.lvm.Lvm;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes and deletes replicas of fileio and block volumes. A replica is made at once where the
 * pool can (a reflink clone, an LVM thin snapshot), otherwise by a copy job on a bounded executor. Every
 * state a client may see is committed to the {@link StateStore} first; a half-written
 * replica never becomes a volume, and whatever a stopped process left is cleaned up at the
 * next start.
 */
public final class ReplicaEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaEngine.class);

    private final Inventory inventory;
    private final StateStore store;
    private final FileioReplicas fileio;
    private final BlockReplicas block;
    private final Clock clock;
    private final Duration timeBeforeRemoval;
    private final Duration asyncCyclePeriod;
    private final ExecutorService copies;
    private final ScheduledExecutorService sweeper;
    /** volumes being made, deleted, restored or resynced: no other operation may touch them meanwhile */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Map<String, CancelToken> running = new ConcurrentHashMap<>();
    /** space promised to copies not yet done, so two cannot be admitted into room for one */
    private final Map<String, Reservation> reservations = new ConcurrentHashMap<>();
    /** how each stopped job should end: Terminated or Killed */
    private final Map<String, Job.State> stopRequests = new ConcurrentHashMap<>();
    private final Object admission = new Object();
    /** whether each directory pool's filesystem clones files, found once */
    private final Map<String, Boolean> clonesFiles = new ConcurrentHashMap<>();
    private final RelationshipChanges relationships;
    private final ReplicaInPlace inPlace;
    private final SyncMirrors syncMirrors;
    private final AsyncMirrors asyncMirrors;
    private volatile boolean closing;

    public ReplicaEngine(LioRoot lio, Lvm lvm, Inventory inventory, StateStore store, FileReplicator files,
                         EngineSettings settings) {
        this.inventory = inventory;
        this.store = store;
        this.fileio = new FileioReplicas(lio, files, settings.clock());
        this.block = new BlockReplicas(lio, lvm, files);
        this.clock = settings.clock();
        this.timeBeforeRemoval = settings.timeBeforeRemoval();
        this.asyncCyclePeriod = settings.asyncCyclePeriod();
        this.copies = Executors.newFixedThreadPool(settings.copyThreads(), Thread.ofPlatform().name("copy-", 0).factory());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("job-sweeper").daemon().factory());
        this.relationships = new RelationshipChanges(this, inventory, store);
        this.inPlace = new ReplicaInPlace(this, inventory, store);
        this.syncMirrors = new SyncMirrors(this, lio, lvm, inventory, store);
        this.asyncMirrors = new AsyncMirrors(this, lio, lvm, inventory, store, files);
        List<String> goingOn = new java.util.ArrayList<>(syncMirrors.recover());
        goingOn.addAll(asyncMirrors.recover());
        new Recovery(lio, inventory, store, clock, fileio, block, goingOn).run();
        sweeper.scheduleWithFixedDelay(this::removeExpiredJobs, 1, 1, TimeUnit.SECONDS);
        sweeper.scheduleWithFixedDelay(() -> quietly("following sync mirrors", syncMirrors::follow), 1, 1,
                TimeUnit.SECONDS);
        sweeper.scheduleWithFixedDelay(() -> quietly("starting async mirror cycles", asyncMirrors::tick), 1, 1,
                TimeUnit.SECONDS);
    }

    // ---- replicas

    public CreateReplicaResult createReplica(CreateReplicaRequest request) throws RequestRefused {
        Resolved resolved;
        try {
            // the reads that may run LVM commands (and wait out another command's lock) hold up no one else
            resolved = resolve(request);
        } catch (EngineException e) {
            throw LvmRefusals.lockedOrRethrow(e);
        }
        Plan plan;
        synchronized (admission) {
            plan = plan(request, resolved);
            busy.add(plan.targetId());
            if (!store.claimElementName(plan.targetId(), plan.elementName())) {
                busy.remove(plan.targetId());
                throw RequestRefused.invalid("ElementName \"" + plan.elementName() + "\" is taken by another volume");
            }
        }
        try {
            if (request.kind().mirror() && !canMirror(plan.pool(), request.kind())) {
                throw new RequestRefused(RequestRefused.Reason.NOT_SUPPORTED, "pool " + plan.pool().id() + " ("
                        + plan.pool().backing().describe() + ") cannot hold " + noMirror(request.kind(), plan.pool()));
            }
            if (request.kind() == ReplicaKind.SYNC_MIRROR) {
                return syncMirrors.create(plan);
            }
            if (request.kind() == ReplicaKind.ASYNC_MIRROR) {
                return asyncMirrors.create(plan);
            }
            if (request.timing() != CreateReplicaRequest.Timing.BY_COPY && plan.backend().makeInstantly(plan)) {
                madeInstantly(plan);
                busy.remove(plan.targetId());
                return new CreateReplicaResult(plan.targetId(), null);
            }
            if (request.timing() == CreateReplicaRequest.Timing.AT_ONCE) {
                throw new RequestRefused(RequestRefused.Reason.NOT_SUPPORTED, "pool " + plan.pool().id()
                        + " cannot make a replica of " + plan.source().id() + " at once (no reflink, or not the"
                        + " source's thin pool); only a copy job can make it");
            }
            return new CreateReplicaResult(plan.targetId(), startCopy(plan));
        } catch (RequestRefused | RuntimeException e) {
            store.releaseElementName(plan.targetId());
            busy.remove(plan.targetId());
            throw e;
        }
    }

    /** The source, the target pool and the names taken in it, as read before admission. */
    private record Resolved(Volume source, Pool pool, Backend backend, Predicate<String> takenInPool) {
    }

    private Resolved resolve(CreateReplicaRequest request) throws RequestRefused {
        Volume source = inventory.volume(request.sourceId()).orElseThrow(() ->
                RequestRefused.invalid("SourceElement names no volume: " + request.sourceId() + " does not exist"));
        checkReplicable(source);
        String poolId = request.poolId() == null ? source.poolId() : request.poolId();
        Pool pool = inventory.pool(poolId).orElseThrow(() -> RequestRefused.invalid("TargetPool " + poolId + " does not exist"));
        if (pool.external()) {
            throw RequestRefused.invalid("pool " + pool.id() + " only lists volumes made outside lio-smis; name one of "
                    + "the configured pools as TargetPool");
        }
        Backend backend = backend(pool);
        if (!holds(backend, source.id())) {
            throw RequestRefused.invalid("TargetPool " + pool.id() + " holds " + pool.backing().describe() + "; "
                    + source.id() + " is a " + source.backstore() + " volume: name a pool of its kind as TargetPool");
        }
        backend.checkSource(source, pool);
        return new Resolved(source, pool, backend, backend.takenNames(pool));
    }

    /** Only fileio and block volumes have a backend to copy them; a mirror target kept in step is no one's to read. */
    static void checkReplicable(Volume source) throws RequestRefused {
        if (source.backstore() != Volume.Backstore.FILEIO && source.backstore() != Volume.Backstore.BLOCK) {
            throw new RequestRefused(RequestRefused.Reason.NOT_SUPPORTED,
                    "only fileio and block volumes can be replicated; " + source.id() + " is " + source.backstore());
        }
        if (source.access() == Volume.Access.NONE) {
            throw RequestRefused.inUse(source.id() + " is a mirror target kept in step with its source; fracture the"
                    + " mirror first, then replicate the target");
        }
    }

    /** Under the admission lock: the names, checked against everything being made or deleted now. */
    private Plan plan(CreateReplicaRequest request, Resolved resolved) throws RequestRefused {
        Volume source = resolved.source();
        Backend backend = resolved.backend();
        if (busy.contains(source.id())) {
            throw RequestRefused.inUse("the source " + source.id() + " is being made or deleted; try again when that is done");
        }
        String elementName = request.elementName() == null
                ? freeElementName(source.name() + "-" + request.kind().name().toLowerCase(java.util.Locale.ROOT))
                : checkedElementName(request.elementName());
        // in an LVM pool the LV is named as the client asked: another LV of that name is a clash, not a reason to rename
        boolean clashRefused = backend == block && request.elementName() != null;
        String name = StorageObjectNaming.derive(elementName, backend::safeName, candidate ->
                takenByVolume(backend, candidate) || !clashRefused && resolved.takenInPool().test(candidate));
        if (clashRefused && resolved.takenInPool().test(name)) {
            throw RequestRefused.invalid("a logical volume named " + name + " exists already in pool "
                    + resolved.pool().id() + "; choose another ElementName");
        }
        return new Plan(source, resolved.pool(), backend, request.kind(), elementName, name,
                backend.target(resolved.pool(), name));
    }

    private Backend backend(Pool pool) {
        return pool.backing() instanceof PoolBacking.Directory ? fileio : block;
    }

    /** A volume's id is "plugin/name": whether it is of the backstore the backend's pools hold. */
    private static boolean holds(Backend backend, String volumeId) {
        return volumeId.startsWith(backend.plugin().configfsName() + "/");
    }

    private String checkedElementName(String elementName) throws RequestRefused {
        if (elementName.isBlank() || elementName.length() > 256 || elementName.chars().anyMatch(Character::isISOControl)) {
            throw RequestRefused.invalid("ElementName must be 1 to 256 printable characters");
        }
        if (elementNameUsed(elementName)) {
            throw RequestRefused.invalid("ElementName \"" + elementName + "\" is taken by another volume");
        }
        return elementName;
    }

    /** The name the engine picks when the client gave none: the first free one of base, base-2, ... */
    private String freeElementName(String base) {
        String name = base;
        for (int n = 2; elementNameUsed(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /**
     * A volume without a stored ElementName is named after its storage object, so looking
     * the name up as a storage object of each plugin covers those, without listing every volume.
     */
    private boolean elementNameUsed(String elementName) {
        if (store.volumeNamed(elementName).isPresent()) {
            return true;
        }
        for (Plugin plugin : Plugin.values()) {
            String id = plugin.configfsName() + "/" + elementName;
            if (store.elementName(id).isEmpty() && !elementName.contains("/") && inventory.volume(id).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** A storage object of the name exists, is being made, or a stored relationship still names it. */
    private boolean takenByVolume(Backend backend, String name) {
        String id = backend.plugin().configfsName() + "/" + name;
        return busy.contains(id) || inventory.volume(id).isPresent() || store.volumeNamed(name).isPresent();
    }

    private void madeInstantly(Plan plan) {
        if (plan.kind() == ReplicaKind.SNAPSHOT) {
            CopyMethod method = plan.backend() == fileio ? CopyMethod.REFLINK : CopyMethod.THIN_SNAPSHOT;
            store.putReplica(new Replica(plan.source().id(), plan.targetId(), plan.kind(), method,
                    Replica.State.ESTABLISHED, 100, clock.instant(), null));
        }
        LOG.info("{} {} made from {} at once", plan.kind(), plan.targetId(), plan.source().id());
    }

    private String startCopy(Plan plan) throws RequestRefused {
        CopyTarget target = plan.backend().prepareCopy(plan);
        Job job;
        synchronized (admission) {
            long promised = promisedBytes(plan.pool().id());
            long needed = target.reserveBytes();
            if (needed > 0 && plan.pool().freeBytes() - promised < needed) {
                target.discard();
                throw RequestRefused.invalid("pool " + plan.pool().id() + " has " + plan.pool().freeBytes()
                        + " bytes free, " + promised + " of them promised to copies under way; a full copy of "
                        + plan.source().id() + " needs " + needed);
            }
            job = new Job(UUID.randomUUID().toString(), Job.State.NEW, 0, plan.elementName(), plan.source().id(),
                    plan.targetId(), plan.target().toString(), plan.kind(), clock.instant(), null, null, true,
                    timeBeforeRemoval, null, null);
            store.putJob(job);
            reservations.put(job.id(), new Reservation(plan.pool().id(), needed));
        }
        store.putReplica(new Replica(plan.source().id(), plan.targetId(), plan.kind(), CopyMethod.FULL_COPY,
                Replica.State.COPYING, 0, null, job.id()));
        CancelToken cancel = new CancelToken();
        running.put(job.id(), cancel);
        copies.execute(new CopyJob(job, plan, target, cancel, this));
        return job.id();
    }

    /** Space a copy will still take in its pool: what is not yet written of its source's data. */
    private long promisedBytes(String poolId) {
        long promised = 0;
        for (Map.Entry<String, Reservation> entry : reservations.entrySet()) {
            if (entry.getValue().poolId().equals(poolId)) {
                int percent = store.job(entry.getKey()).map(Job::percentComplete).orElse(100);
                promised += entry.getValue().bytes() * (100 - percent) / 100;
            }
        }
        return promised;
    }

    /** The data bytes a queued or running copy will write into a pool. */
    private record Reservation(String poolId, long bytes) {
    }

    /**
     * What a request will make, decided under the admission lock.
     *
     * @param target the replica's backing file or logical volume device
     */
    record Plan(Volume source, Pool pool, Backend backend, ReplicaKind kind, String elementName, String name,
                Path target) {
        String targetId() {
            return backend.plugin().configfsName() + "/" + name;
        }
    }

    /**
     * A replica made into an existing volume: the source's data written over the target's first
     * bytes in place (its storage object, identity, size and ElementName stay), then the
     * relationship recorded as {@link #createReplica} records it. At once where the pool can
     * clone files, else by a job.
     *
     * @throws RequestRefused INVALID_PARAMETER when the target is the source, not in a lio-smis
     *     pool, of another kind or smaller; IN_USE when it is exported, in a relationship, or
     *     either volume is being copied, made, deleted, restored or resynced; NOT_SUPPORTED for
     *     {@code AT_ONCE} where only a copy can write it
     */
    public CreateReplicaResult replicateInto(String sourceId, String targetId, ReplicaKind kind,
                                             CreateReplicaRequest.Timing timing) throws RequestRefused {
        return inPlace.replicate(sourceId, targetId, kind, timing);
    }

    // ---- changing a relationship

    /**
     * Ends a relationship: the replica stays, an independent volume with its data. Refused
     * IN_USE while it is being copied, restored or resynced; INVALID_PARAMETER when the volume
     * is no replica.
     */
    public void detach(String targetId) throws RequestRefused {
        Optional<Replica> mirror = mirrorRelationship(targetId);
        if (mirror.isPresent()) {
            keeper(mirror.get()).detach(mirror.get());
        } else {
            relationships.detach(targetId);
        }
    }

    /**
     * Fractures a mirror: its target becomes a volume of its own holding the source's data of
     * now, read-only, while the changes on either side are tracked for a resync. Refused IN_USE
     * while it is still synchronising; INVALID_PARAMETER when the volume is no mirror's target.
     *
     * @param split asked for as a Split: shown as Split rather than Fractured
     */
    public void fracture(String targetId, boolean split) throws RequestRefused {
        Replica mirror = mirrorRelationship(targetId).orElseThrow(() -> new RequestRefused(
                RequestRefused.Reason.NOT_SUPPORTED, targetId + " is no mirror's target: only mirrors (CopyType 2 and"
                + " 3) can be fractured; a snapshot or copy holds its point in time already"));
        keeper(mirror).fracture(mirror, split);
    }

    private MirrorKeeper keeper(Replica mirror) {
        return mirror.kind() == ReplicaKind.SYNC_MIRROR ? syncMirrors : asyncMirrors;
    }

    /** The mirror relationship of which the volume is the target. */
    private Optional<Replica> mirrorRelationship(String targetId) {
        return store.replicaOf(targetId).filter(r -> r.kind().mirror());
    }

    /**
     * Writes the replica's data over its source's (a snapshot's point in time), in place: the
     * source keeps its storage object, identity and LUNs, and the relationship stays. At once
     * where the pool can clone files, else by a job.
     *
     * @return the source, and the job restoring it, or no job when it is restored already
     * @throws RequestRefused IN_USE while the replica or its source is being copied, made, deleted,
     *     restored or resynced; INVALID_PARAMETER when the volume is no replica; NOT_SUPPORTED when
     *     the two volumes' sizes differ
     */
    public CreateReplicaResult restore(String targetId) throws RequestRefused {
        if (mirrorRelationship(targetId).isPresent()) {
            throw new RequestRefused(RequestRefused.Reason.NOT_SUPPORTED, "restoring a source from its mirror's"
                    + " target is not offered; fracture the mirror, then copy the target over the source with"
                    + " CreateElementReplica");
        }
        return relationships.overwrite(targetId, true);
    }

    /**
     * Writes the source's current data over its replica's, in place: the replica keeps its
     * storage object and identity and becomes a point-in-time copy of now. Refused as
     * {@link #restore} is.
     *
     * @return the replica, and the job resyncing it, or no job when it is resynced already
     */
    public CreateReplicaResult resync(String targetId) throws RequestRefused {
        Optional<Replica> mirror = mirrorRelationship(targetId);
        return mirror.isPresent() ? keeper(mirror.get()).resync(mirror.get()) : relationships.overwrite(targetId, false);
    }

    // ---- what jobs and relationship changes share with the engine

    Object admission() {
        return admission;
    }

    /** Volumes being made, deleted, restored or resynced: no other operation may touch them meanwhile. */
    Set<String> busy() {
        return busy;
    }

    Backend backendFor(Volume volume) {
        return volume.backstore() == Volume.Backstore.BLOCK ? block : fileio;
    }

    Duration timeBeforeRemoval() {
        return timeBeforeRemoval;
    }

    void submit(Runnable job) {
        copies.execute(job);
    }

    StateStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    /** The state a job stopped on request ends in. */
    Job.State stopState(String jobId) {
        return stopRequests.getOrDefault(jobId, Job.State.TERMINATED);
    }

    /**
     * Takes both volumes of a mirror for one change ({@code change}: "fracture", "resync"...);
     * refused while another change holds either, and, where the change takes the target's storage
     * object away ({@code unexported}), while the target is exported through a LUN.
     */
    void claim(Replica mirror, String change, boolean unexported) throws RequestRefused {
        if (unexported && inventory.volume(mirror.targetId()).filter(Volume::exported).isPresent()) {
            throw RequestRefused.inUse(mirror.targetId() + " is exported through a LUN; remove the LUN, then "
                    + change + " the mirror");
        }
        synchronized (admission) {
            for (String id : new String[] {mirror.sourceId(), mirror.targetId()}) {
                if (busy.contains(id)) {
                    throw RequestRefused.inUse(id + " is being changed by another request; try again when that is done");
                }
            }
            busy.add(mirror.sourceId());
            busy.add(mirror.targetId());
        }
    }

    void release(Replica mirror) {
        busy.remove(mirror.sourceId());
        busy.remove(mirror.targetId());
    }

    /** A cancel token lio-smis's stop cancels, for work that is no job of its own (an async mirror's cycle). */
    CancelToken track(String key) {
        CancelToken token = new CancelToken();
        running.put(key, token);
        return token;
    }

    void untrack(String key) {
        running.remove(key);
    }

    void finished(Job job, boolean success) {
        running.remove(job.id());
        reservations.remove(job.id());
        stopRequests.remove(job.id());
        if (!success) {
            store.releaseElementName(job.targetId());
        }
        busy.remove(job.targetId());
    }

    // ---- deleting volumes

    /** ReturnToStoragePool: deletes a volume of one of our pools, its relationships and its backing file or LV. */
    public void deleteVolume(String volumeId) throws RequestRefused {
        Volume volume;
        Backend backend;
        synchronized (admission) {
            volume = inventory.volume(volumeId).orElseThrow(() -> RequestRefused.invalid("no volume " + volumeId));
            Pool pool = managedPool(volume, "delete it where it was made");
            backend = backend(pool);
            if (!holds(backend, volumeId)) {
                throw RequestRefused.invalid(volumeId + " is not a volume of the kind pool " + volume.poolId()
                        + " holds; delete it where it was made");
            }
            if (volume.exported()) {
                throw RequestRefused.inUse(volumeId + " is exported through a LUN; remove the LUN first");
            }
            if (busy.contains(volumeId) || copySources().contains(volumeId)) {
                throw RequestRefused.inUse(volumeId + " is being copied, made or deleted; try again when that is done");
            }
            Optional<Replica> mirrored = store.replicas().stream()
                    .filter(r -> r.kind().mirror() && r.sourceId().equals(volumeId)).findFirst();
            if (mirrored.isPresent()) {
                throw RequestRefused.inUse(volumeId + " is the source of mirror " + mirrored.get().targetId()
                        + "; delete that target (ReturnToStoragePool) or detach it first");
            }
            busy.add(volumeId);
        }
        try {
            Optional<Replica> mirror = mirrorRelationship(volumeId);
            if (mirror.isPresent()) {
                keeper(mirror.get()).deleteTarget(mirror.get());
                return;
            }
            backend.delete(volume);
            store.deleteReplicasOf(volumeId);
            store.releaseElementName(volumeId);
            LOG.info("volume {} returned to pool {}", volumeId, volume.poolId());
        } finally {
            busy.remove(volumeId);
        }
    }

    /** The lio-smis pool holding a volume; refused, saying what to do {@code otherwise}, for any other. */
    Pool managedPool(Volume volume, String otherwise) throws RequestRefused {
        Optional<Pool> pool;
        try {
            pool = inventory.pool(volume.poolId());
        } catch (EngineException e) {
            throw LvmRefusals.lockedOrRethrow(e);
        }
        if (pool.isEmpty() || pool.get().external()) {
            throw RequestRefused.invalid(volume.id() + " is not in a lio-smis pool; " + otherwise);
        }
        return pool.get();
    }

    /** The sources of the copies not yet ended. */
    Set<String> copySources() {
        return Set.copyOf(store.jobs().stream().filter(j -> !j.state().finished()).map(Job::sourceId).toList());
    }

    // ---- jobs

    public List<Job> jobs() {
        return store.jobs();
    }

    public Optional<Job> job(String id) {
        return store.job(id);
    }

    public List<Replica> replicas() {
        return store.replicas();
    }

    /** What a mirror keeps beside its relationship; empty when the volume is no mirror's target. */
    public Optional<Mirror> mirror(String targetId) {
        return store.mirror(targetId);
    }

    /**
     * Whether a pool can hold the target of a mirror of this kind: a sync mirror's leg needs a
     * volume-group pool; an async mirror's cycles need thin snapshots, thick snapshots, or files
     * the pool's filesystem can clone.
     */
    public boolean canMirror(Pool pool, ReplicaKind kind) {
        return switch (pool.backing()) {
            case null -> false;
            case PoolBacking.VolumeGroup group -> true;
            case PoolBacking.ThinPool thin -> kind == ReplicaKind.ASYNC_MIRROR;
            case PoolBacking.Directory directory -> kind == ReplicaKind.ASYNC_MIRROR
                    && clonesFiles.computeIfAbsent(pool.id(), id -> fileio.clones(pool));
        };
    }

    private String noMirror(ReplicaKind kind, Pool pool) {
        String why = NoMirrorReasons.why(pool, kind);
        if (kind == ReplicaKind.SYNC_MIRROR) {
            // advise an async mirror only where the pool can hold one
            return "a sync mirror (CopyType 3): " + why + (canMirror(pool, ReplicaKind.ASYNC_MIRROR)
                    ? "; ask for an async mirror (CopyType 2)" : "");
        }
        return "an async mirror (CopyType 2): " + why;
    }

    /** Why a pool cannot hold the target of a mirror of this kind; empty where it can. */
    public Optional<String> whyNoMirror(Pool pool, ReplicaKind kind) {
        return canMirror(pool, kind) ? Optional.empty() : Optional.of(NoMirrorReasons.why(pool, kind));
    }

    /** The mirror kinds at least one pool can hold: what the capabilities advertise. */
    public Set<ReplicaKind> mirrorKinds() {
        List<Pool> pools = inventory.pools();
        Set<ReplicaKind> kinds = java.util.EnumSet.noneOf(ReplicaKind.class);
        for (ReplicaKind kind : List.of(ReplicaKind.SYNC_MIRROR, ReplicaKind.ASYNC_MIRROR)) {
            if (pools.stream().anyMatch(pool -> canMirror(pool, kind))) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** How often an async mirror's cycle runs. */
    public Duration asyncCyclePeriod() {
        return asyncCyclePeriod;
    }

    /** The engine's time, which a mirror's lag is measured against. */
    public java.time.Instant now() {
        return clock.instant();
    }

    public Optional<Replica> replicaOf(String targetId) {
        return store.replicaOf(targetId);
    }

    /**
     * Asks a running job to stop; it ends Terminated (or Killed) once its partial copy is
     * removed. False when the job is not running.
     */
    public boolean cancel(String jobId, boolean kill) {
        CancelToken token = running.get(jobId);
        if (token == null) {
            return false;
        }
        stopRequests.put(jobId, kill ? Job.State.KILLED : Job.State.TERMINATED);
        token.cancel();
        return true;
    }

    /** Deletes a finished job; false when it is still running. */
    public boolean deleteJob(String jobId) {
        Optional<Job> job = store.job(jobId);
        if (job.isEmpty() || !job.get().state().finished()) {
            return false;
        }
        store.deleteJob(jobId);
        return true;
    }

    /**
     * A client's ModifyInstance of a job: whether it is removed TimeBeforeRemoval after it ends,
     * or stays until deleted. False when there is no such job.
     */
    public boolean setJobRetention(String jobId, boolean deleteOnCompletion, Duration timeBeforeRemoval) {
        return store.setJobRetention(jobId, deleteOnCompletion, timeBeforeRemoval);
    }

    private static void quietly(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", what, e.getMessage());
        }
    }

    private void removeExpiredJobs() {
        try {
            for (Job job : store.jobs()) {
                if (job.state().finished() && job.deleteOnCompletion()
                        && job.finished().plus(job.timeBeforeRemoval()).isBefore(clock.instant())) {
                    store.deleteJob(job.id());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("removing expired jobs failed: {}", e.getMessage());
        }
    }

    /** True once close() began: running copies are being stopped because lio-smis stops. */
    boolean closing() {
        return closing;
    }

    /** Stops running copies (their jobs end as Exception: lio-smis stopped), then the executors. */
    @Override
    public void close() {
        closing = true;
        running.values().forEach(CancelToken::cancel);
        sweeper.shutdownNow();
        copies.shutdownNow();
        try {
            copies.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
