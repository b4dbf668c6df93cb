package org.liosmis.engine;

import java.io.IOException;
import java.nio.file.Files;
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
import org.liosmis.datapath.CancelToken;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.lio.FileioSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.configfs.ConfigFsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes and deletes replicas of fileio volumes. A replica is made at once by a reflink
 * clone where the filesystem can, otherwise by a copy job on a bounded executor. Every
 * state a client may see is committed to the {@link StateStore} first; a half-written
 * replica never becomes a volume, and whatever a stopped process left is cleaned up at the
 * next start.
 */
public final class ReplicaEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaEngine.class);

    private final LioRoot lio;
    private final Inventory inventory;
    private final StateStore store;
    private final FileReplicator files;
    private final Clock clock;
    private final Duration timeBeforeRemoval;
    private final ExecutorService copies;
    private final ScheduledExecutorService sweeper;
    /** volumes being made or deleted: no other operation may touch them meanwhile */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Map<String, CancelToken> running = new ConcurrentHashMap<>();
    /** space promised to copies not yet done, so two cannot be admitted into room for one */
    private final Map<String, Reservation> reservations = new ConcurrentHashMap<>();
    /** how each stopped job should end: Terminated or Killed */
    private final Map<String, Job.State> stopRequests = new ConcurrentHashMap<>();
    private final Object admission = new Object();
    private volatile boolean closing;

    public ReplicaEngine(LioRoot lio, Inventory inventory, StateStore store, FileReplicator files,
                         EngineSettings settings) {
        this.lio = lio;
        this.inventory = inventory;
        this.store = store;
        this.files = files;
        this.clock = settings.clock();
        this.timeBeforeRemoval = settings.timeBeforeRemoval();
        this.copies = Executors.newFixedThreadPool(settings.copyThreads(), Thread.ofPlatform().name("copy-", 0).factory());
        this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("job-sweeper").daemon().factory());
        new Recovery(lio, inventory, store, clock).run();
        sweeper.scheduleWithFixedDelay(this::removeExpiredJobs, 1, 1, TimeUnit.SECONDS);
    }

    // ---- replicas

    public CreateReplicaResult createReplica(CreateReplicaRequest request) throws RequestRefused {
        Plan plan;
        synchronized (admission) {
            plan = plan(request);
            busy.add(plan.targetId());
            if (!store.claimElementName(plan.targetId(), plan.elementName())) {
                busy.remove(plan.targetId());
                throw RequestRefused.invalid("ElementName \"" + plan.elementName() + "\" is taken by another volume");
            }
        }
        try {
            if (reflink(plan)) {
                busy.remove(plan.targetId());
                return new CreateReplicaResult(plan.targetId(), null);
            }
            return new CreateReplicaResult(plan.targetId(), startCopy(plan));
        } catch (RequestRefused | RuntimeException e) {
            store.releaseElementName(plan.targetId());
            busy.remove(plan.targetId());
            throw e;
        }
    }

    private Plan plan(CreateReplicaRequest request) throws RequestRefused {
        Volume source = inventory.volume(request.sourceId()).orElseThrow(() ->
                RequestRefused.invalid("SourceElement names no volume: " + request.sourceId() + " does not exist"));
        if (source.backstore() != Volume.Backstore.FILEIO) {
            throw new RequestRefused(RequestRefused.Reason.NOT_SUPPORTED,
                    "only fileio volumes can be replicated; " + source.id() + " is " + source.backstore());
        }
        if (busy.contains(source.id())) {
            throw RequestRefused.inUse("the source " + source.id() + " is being made or deleted; try again when that is done");
        }
        String poolId = request.poolId() == null ? source.poolId() : request.poolId();
        Pool pool = inventory.pool(poolId).orElseThrow(() -> RequestRefused.invalid("TargetPool " + poolId + " does not exist"));
        if (pool.external()) {
            throw RequestRefused.invalid("pool " + pool.id() + " only lists volumes made outside lio-smis; name a "
                    + "pool with a directory as TargetPool");
        }
        String elementName = request.elementName() == null
                ? freeElementName(source.name() + "-" + request.kind().name().toLowerCase(java.util.Locale.ROOT))
                : checkedElementName(request.elementName());
        String name = StorageObjectNaming.derive(elementName, candidate -> taken(pool, candidate));
        return new Plan(source, pool, request.kind(), elementName, name, pool.directory().resolve(name + ".img"));
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

    private boolean taken(Pool pool, String name) {
        String id = Plugin.FILEIO.configfsName() + "/" + name;
        return busy.contains(id) || inventory.volume(id).isPresent() || Files.exists(pool.directory().resolve(name + ".img"))
                || store.volumeNamed(name).isPresent();
    }

    private boolean reflink(Plan plan) throws RequestRefused {
        try {
            if (!files.reflink(Path.of(plan.source().backingPath()), plan.file())) {
                return false;
            }
        } catch (IOException e) {
            throw new RequestRefused(RequestRefused.Reason.FAILED, "cannot clone " + plan.source().backingPath()
                    + ": " + e.getMessage());
        }
        try {
            lio.createFileio(FileioSpec.of(plan.name(), plan.file(), plan.source().sizeBytes()));
        } catch (ConfigFsException e) {
            deleteQuietly(plan.file());
            throw new RequestRefused(RequestRefused.Reason.FAILED, "LIO refused the replica's storage object: " + e.getMessage());
        }
        if (plan.kind() == ReplicaKind.SNAPSHOT) {
            store.putReplica(new Replica(plan.source().id(), plan.targetId(), plan.kind(), CopyMethod.REFLINK,
                    Replica.State.ESTABLISHED, 100, clock.instant(), null));
        }
        LOG.info("{} {} made from {} by reflink", plan.kind(), plan.targetId(), plan.source().id());
        return true;
    }

    private String startCopy(Plan plan) throws RequestRefused {
        long needed;
        try {
            needed = FileReplicator.allocatedBytes(Path.of(plan.source().backingPath()));
        } catch (IOException e) {
            throw new RequestRefused(RequestRefused.Reason.FAILED, "cannot read " + plan.source().backingPath()
                    + ": " + e.getMessage());
        }
        Job job;
        synchronized (admission) {
            long promised = promisedBytes(plan.pool().id());
            if (plan.pool().freeBytes() - promised < needed) {
                throw RequestRefused.invalid("pool " + plan.pool().id() + " has " + plan.pool().freeBytes()
                        + " bytes free, " + promised + " of them promised to copies under way; a full copy of "
                        + plan.source().id() + " needs " + needed);
            }
            job = new Job(UUID.randomUUID().toString(), Job.State.NEW, 0, plan.elementName(), plan.source().id(),
                    plan.targetId(), plan.file().toString(), plan.kind(), clock.instant(), null, null, true,
                    timeBeforeRemoval, null, null);
            store.putJob(job);
            reservations.put(job.id(), new Reservation(plan.pool().id(), needed));
        }
        store.putReplica(new Replica(plan.source().id(), plan.targetId(), plan.kind(), CopyMethod.FULL_COPY,
                Replica.State.COPYING, 0, null, job.id()));
        CancelToken cancel = new CancelToken();
        running.put(job.id(), cancel);
        copies.execute(new CopyJob(job, plan, cancel, this));
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

    /** What a request will make, decided under the admission lock. */
    record Plan(Volume source, Pool pool, ReplicaKind kind, String elementName, String name, Path file) {
        String targetId() {
            return Plugin.FILEIO.configfsName() + "/" + name;
        }
    }

    // ---- what CopyJob reports back

    LioRoot lio() {
        return lio;
    }

    StateStore store() {
        return store;
    }

    FileReplicator files() {
        return files;
    }

    Clock clock() {
        return clock;
    }

    /** The state a job stopped on request ends in. */
    Job.State stopState(String jobId) {
        return stopRequests.getOrDefault(jobId, Job.State.TERMINATED);
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

    /** ReturnToStoragePool: deletes a volume made in one of our pools, its relationships and its backing file. */
    public void deleteVolume(String volumeId) throws RequestRefused {
        Volume volume;
        synchronized (admission) {
            volume = inventory.volume(volumeId).orElseThrow(() -> RequestRefused.invalid("no volume " + volumeId));
            Optional<Pool> pool = inventory.pool(volume.poolId());
            if (volume.backstore() != Volume.Backstore.FILEIO || pool.isEmpty() || pool.get().external()) {
                throw RequestRefused.invalid(volumeId + " is not in a lio-smis pool; delete it where it was made");
            }
            if (volume.exported()) {
                throw RequestRefused.inUse(volumeId + " is exported through a LUN; remove the LUN first");
            }
            if (busy.contains(volumeId) || copySources().contains(volumeId)) {
                throw RequestRefused.inUse(volumeId + " is being copied, made or deleted; try again when that is done");
            }
            busy.add(volumeId);
        }
        try {
            lio.delete(Plugin.FILEIO, volume.name());
            deleteQuietly(Path.of(volume.backingPath()));
            store.deleteReplicasOf(volumeId);
            store.releaseElementName(volumeId);
            LOG.info("volume {} returned to pool {}", volumeId, volume.poolId());
        } catch (ConfigFsException e) {
            throw new RequestRefused(RequestRefused.Reason.FAILED, "LIO refused to delete " + volumeId + ": " + e.getMessage());
        } finally {
            busy.remove(volumeId);
        }
    }

    private Set<String> copySources() {
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

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", file, e.getMessage());
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
