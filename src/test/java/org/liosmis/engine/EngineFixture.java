package org.liosmis.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.lio.FileioSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lvm.Lvm;

/** A replica engine over an emulated LIO, one pool directory and a real state database. */
final class EngineFixture implements AutoCloseable {

    static final long MIB = 1024 * 1024;

    final Path dir;
    final Path pool;
    final LioRoot lio;
    final StateStore store;
    final LioInventory inventory;
    final ReplicaEngine engine;

    /** Pools of fileio backing files only: no LVM command ever runs. */
    static PoolCatalog directoryPools(Map<String, Path> directories) {
        Map<String, PoolBacking> backings = new HashMap<>();
        directories.forEach((id, directory) -> backings.put(id, new PoolBacking.Directory(directory)));
        return new PoolCatalog(backings, Lvm.system());
    }

    EngineFixture(Path dir) throws Exception {
        this(dir, EngineSettings.defaults());
    }

    EngineFixture(Path dir, EngineSettings settings) throws Exception {
        this.dir = dir;
        this.pool = Files.createDirectories(dir.resolve("pool"));
        this.lio = LioRoot.emulated(dir.resolve("configfs"));
        this.store = StateStore.open(dir.resolve("state.db"));
        this.inventory = new LioInventory(lio, directoryPools(Map.of("default", pool)), "target.example", store);
        this.engine = new ReplicaEngine(lio, Lvm.system(), inventory, store, new FileReplicator(), settings);
    }

    /** A fileio volume whose backing file has data in every other MiB and holes between. */
    String volume(String name, long sizeBytes) throws Exception {
        Path file = pool.resolve(name + ".img");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate((int) MIB);
            for (long offset = 0; offset < sizeBytes; offset += 2 * MIB) {
                block.clear();
                while (block.hasRemaining()) {
                    block.put((byte) (block.position() * 7 + offset / MIB));
                }
                block.flip();
                channel.write(block, offset);
            }
            channel.truncate(sizeBytes);
        }
        lio.createFileio(FileioSpec.of(name, file, sizeBytes));
        return "fileio/" + name;
    }

    /** A replica made by a completed copy job; its volume id. */
    String replica(String sourceId, ReplicaKind kind, String elementName) throws Exception {
        CreateReplicaResult result = engine.createReplica(new CreateReplicaRequest(sourceId, kind, null, elementName));
        Job job = awaitEnd(result.jobId());
        if (job.state() != Job.State.COMPLETED) {
            throw new AssertionError("the copy ended " + job.state() + ": " + job.errorDescription());
        }
        return result.targetId();
    }

    Job awaitEnd(String jobId) throws InterruptedException {
        return await(() -> store.job(jobId).filter(j -> j.state().finished()).orElse(null), Duration.ofSeconds(60));
    }

    static <T> T await(Supplier<T> condition, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            T value = condition.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not reached within " + limit);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        engine.close();
        store.close();
    }
}
