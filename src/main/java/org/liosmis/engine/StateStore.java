package org.liosmis.engine;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/**
 * The engine's durable state in an SQLite database: jobs, source/replica relationships and
 * the ElementNames clients gave volumes. Every change is committed before it is reported,
 * so a crash loses nothing a client was told. One connection, used under this object's lock.
 */
public final class StateStore implements ElementNames, AutoCloseable {

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS jobs (
              id TEXT PRIMARY KEY, state TEXT NOT NULL, percent INTEGER NOT NULL, element_name TEXT,
              source_id TEXT NOT NULL, target_id TEXT NOT NULL, target_file TEXT NOT NULL, kind TEXT NOT NULL,
              submitted INTEGER NOT NULL, started INTEGER, finished INTEGER, delete_on_completion INTEGER NOT NULL,
              time_before_removal_ms INTEGER NOT NULL, failure TEXT, error_description TEXT);
            CREATE TABLE IF NOT EXISTS replicas (
              target_id TEXT PRIMARY KEY, source_id TEXT NOT NULL, kind TEXT NOT NULL, method TEXT NOT NULL,
              state TEXT NOT NULL, percent INTEGER NOT NULL, when_synced INTEGER, job_id TEXT);
            CREATE TABLE IF NOT EXISTS mirrors (
              target_id TEXT PRIMARY KEY, target_path TEXT NOT NULL, size_bytes INTEGER NOT NULL,
              unit_serial TEXT NOT NULL, cycle_image TEXT, full_compare INTEGER NOT NULL,
              shipped_bytes INTEGER NOT NULL, cycle_ms INTEGER NOT NULL, broken_reason TEXT);
            CREATE TABLE IF NOT EXISTS element_names (
              volume_id TEXT PRIMARY KEY, element_name TEXT NOT NULL UNIQUE);
            """;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Connection connection;
    // every read of a volume wants its ElementName: they are kept in memory too, and written through
    private final Map<String, String> elementNames = new ConcurrentHashMap<>();

    private StateStore(Connection connection) {
        this.connection = connection;
        query("SELECT volume_id, element_name FROM element_names",
                row -> elementNames.put(row.getString(1), row.getString(2)));
    }

    /** Opens (creating if new) the database file, readable by its owner only. */
    public static StateStore open(Path file) {
        try {
            StateDirectory.create(file.toAbsolutePath().getParent());
            ownerOnly(file.toAbsolutePath());
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                for (String table : SCHEMA.split(";")) {
                    if (!table.isBlank()) {
                        statement.executeUpdate(table);
                    }
                }
            }
            return new StateStore(connection);
        } catch (SQLException | java.io.IOException e) {
            throw new EngineException("cannot open the state database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the file 0600 if new and takes group and other access from an existing one and its
     * WAL files; SQLite gives the WAL files it creates the database file's mode.
     */
    private static void ownerOnly(Path file) throws java.io.IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Path existing = Path.of(file + suffix);
                if (Files.exists(existing)) {
                    Files.setPosixFilePermissions(existing, OWNER_ONLY);
                }
            }
        }
    }

    // ---- jobs

    /** Records a job's progress; its retention (DeleteOnCompletion, TimeBeforeRemoval) is set once, then only by {@link #setJobRetention}. */
    public synchronized void putJob(Job job) {
        update("""
                INSERT INTO jobs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET
                  state = excluded.state, percent = excluded.percent, started = excluded.started,
                  finished = excluded.finished, failure = excluded.failure, error_description = excluded.error_description
                """, job.id(), job.state().name(),
                job.percentComplete(), job.elementName(), job.sourceId(), job.targetId(), job.targetFile(),
                job.kind().name(), millis(job.submitted()), millis(job.started()), millis(job.finished()),
                job.deleteOnCompletion() ? 1 : 0, job.timeBeforeRemoval().toMillis(),
                job.failure() == null ? null : job.failure().name(), job.errorDescription());
    }

    public synchronized Optional<Job> job(String id) {
        return query("SELECT * FROM jobs WHERE id = ?", StateStore::job, id).stream().findFirst();
    }

    public synchronized List<Job> jobs() {
        return query("SELECT * FROM jobs ORDER BY submitted, id", StateStore::job);
    }

    /** False when there is no such job. */
    public synchronized boolean setJobRetention(String id, boolean deleteOnCompletion, Duration timeBeforeRemoval) {
        return update("UPDATE jobs SET delete_on_completion = ?, time_before_removal_ms = ? WHERE id = ?",
                deleteOnCompletion ? 1 : 0, timeBeforeRemoval.toMillis(), id) > 0;
    }

    public synchronized void deleteJob(String id) {
        update("DELETE FROM jobs WHERE id = ?", id);
    }

    private static Job job(ResultSet row) throws SQLException {
        String failure = row.getString("failure");
        return new Job(row.getString("id"), Job.State.valueOf(row.getString("state")), row.getInt("percent"),
                row.getString("element_name"), row.getString("source_id"), row.getString("target_id"),
                row.getString("target_file"), ReplicaKind.valueOf(row.getString("kind")),
                instant(row, "submitted"), instant(row, "started"), instant(row, "finished"),
                row.getInt("delete_on_completion") != 0, Duration.ofMillis(row.getLong("time_before_removal_ms")),
                failure == null ? null : Job.Failure.valueOf(failure), row.getString("error_description"));
    }

    // ---- replicas

    public synchronized void putReplica(Replica replica) {
        update("INSERT OR REPLACE INTO replicas VALUES (?,?,?,?,?,?,?,?)", replica.targetId(), replica.sourceId(),
                replica.kind().name(), replica.method().name(), replica.state().name(), replica.percentSynced(),
                millis(replica.whenSynced()), replica.jobId());
    }

    public synchronized List<Replica> replicas() {
        return query("SELECT * FROM replicas ORDER BY target_id", StateStore::replica);
    }

    /** The relationship that made the volume a replica, if it is one. */
    public synchronized Optional<Replica> replicaOf(String targetId) {
        return query("SELECT * FROM replicas WHERE target_id = ?", StateStore::replica, targetId).stream().findFirst();
    }

    /** Ends the relationship of one replica, leaving any it is the source of. */
    public synchronized void deleteRelationship(String targetId) {
        update("DELETE FROM replicas WHERE target_id = ?", targetId);
        update("DELETE FROM mirrors WHERE target_id = ?", targetId);
    }

    /** Forgets every relationship the volume takes part in, as source or as replica. */
    public synchronized void deleteReplicasOf(String volumeId) {
        update("DELETE FROM mirrors WHERE target_id = ? OR target_id IN (SELECT target_id FROM replicas WHERE"
                + " source_id = ?)", volumeId, volumeId);
        update("DELETE FROM replicas WHERE source_id = ? OR target_id = ?", volumeId, volumeId);
    }

    // ---- mirrors

    public synchronized void putMirror(Mirror mirror) {
        update("INSERT OR REPLACE INTO mirrors VALUES (?,?,?,?,?,?,?,?,?)", mirror.targetId(), mirror.targetPath(),
                mirror.sizeBytes(), mirror.unitSerial(), mirror.cycleImage(), mirror.fullCompare() ? 1 : 0,
                mirror.shippedBytes(), mirror.cycleMillis(), mirror.brokenReason());
    }

    public synchronized Optional<Mirror> mirror(String targetId) {
        return query("SELECT * FROM mirrors WHERE target_id = ?", StateStore::mirror, targetId).stream().findFirst();
    }

    @Override
    public synchronized List<Mirror> mirrors() {
        return query("SELECT * FROM mirrors ORDER BY target_id", StateStore::mirror);
    }

    private static Mirror mirror(ResultSet row) throws SQLException {
        return new Mirror(row.getString("target_id"), row.getString("target_path"), row.getLong("size_bytes"),
                row.getString("unit_serial"), row.getString("cycle_image"), row.getInt("full_compare") != 0,
                row.getLong("shipped_bytes"), row.getLong("cycle_ms"), row.getString("broken_reason"));
    }

    private static Replica replica(ResultSet row) throws SQLException {
        return new Replica(row.getString("source_id"), row.getString("target_id"),
                ReplicaKind.valueOf(row.getString("kind")), CopyMethod.valueOf(row.getString("method")),
                Replica.State.valueOf(row.getString("state")), row.getInt("percent"), instant(row, "when_synced"),
                row.getString("job_id"));
    }

    // ---- element names

    /** Records the ElementName a client gave a volume; false when another volume has it. */
    public synchronized boolean claimElementName(String volumeId, String elementName) {
        if (!query("SELECT volume_id FROM element_names WHERE element_name = ? AND volume_id <> ?",
                row -> row.getString(1), elementName, volumeId).isEmpty()) {
            return false;
        }
        update("INSERT OR REPLACE INTO element_names VALUES (?, ?)", volumeId, elementName);
        elementNames.put(volumeId, elementName);
        return true;
    }

    @Override
    public Map<String, String> elementNames() {
        return Map.copyOf(elementNames);
    }

    @Override
    public Optional<String> elementName(String volumeId) {
        return Optional.ofNullable(elementNames.get(volumeId));
    }

    public synchronized Optional<String> volumeNamed(String elementName) {
        return query("SELECT volume_id FROM element_names WHERE element_name = ?", row -> row.getString(1), elementName)
                .stream().findFirst();
    }

    public synchronized void releaseElementName(String volumeId) {
        update("DELETE FROM element_names WHERE volume_id = ?", volumeId);
        elementNames.remove(volumeId);
    }

    // ---- what it knows

    /** The volumes it holds an ElementName or a relationship of: every volume lio-smis made and still has. */
    public synchronized Set<String> knownVolumes() {
        Set<String> volumes = new HashSet<>();
        query("SELECT volume_id FROM element_names UNION SELECT target_id FROM replicas", row -> volumes.add(row.getString(1)));
        return volumes;
    }

    // ---- plumbing

    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> reader, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(reader.read(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new EngineException("state database query failed: " + e.getMessage(), e);
        }
    }

    /** The number of rows changed. */
    private int update(String sql, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new EngineException("state database update failed: " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
        return statement;
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new EngineException("cannot close the state database: " + e.getMessage(), e);
        }
    }
}
