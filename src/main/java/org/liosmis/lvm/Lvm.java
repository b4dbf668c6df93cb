package org.liosmis.lvm;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The LVM commands lio-smis runs. Reads use fixed-format reports (bytes, no headings, '|'
 * between fields); changes name every volume as VG/LV. A command that finds the volume group
 * locked by another LVM command is retried until {@code lockWait} has passed. Beside lvm,
 * dmsetup and thin_delta read the chunks in which two thin volumes differ.
 */
public final class Lvm {

    private static final String LVM = "lvm";
    private static final String LV_FIELDS = "vg_name,lv_name,lv_size,lv_attr,pool_lv,origin,data_percent";
    private static final String VG_FIELDS = "vg_name,vg_size,vg_free";
    private static final String SYNC_FIELDS = "segtype,sync_percent,raid_sync_action";
    private static final String THIN_FIELDS = "lv_attr,pool_lv,thin_id,lv_size";
    /** A pool has one metadata snapshot: callers of {@link #thinDifferences} on one pool take turns. */
    private static final Map<String, Object> SNAPSHOT_TURNS = new ConcurrentHashMap<>();
    private static final Duration RETRY = Duration.ofMillis(200);

    private final CommandRunner runner;
    private final Duration lockWait;

    public Lvm(CommandRunner runner, Duration lockWait) {
        this.runner = runner;
        this.lockWait = lockWait;
    }

    /** The host's LVM, waiting up to 10 s for a volume group another LVM command holds. */
    public static Lvm system() {
        return new Lvm(CommandRunner.system(), Duration.ofSeconds(10));
    }

    public Optional<VolumeGroup> volumeGroup(String name) throws LvmException {
        try {
            List<String[]> rows = report("vgs", VG_FIELDS, name);
            return rows.stream().map(r -> new VolumeGroup(r[0], bytes(r[1]), bytes(r[2]))).findFirst();
        } catch (LvmException e) {
            if (e.kind() == LvmException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The visible logical volumes of a volume group (not the hidden _tdata/_tmeta ones). */
    public List<LogicalVolume> logicalVolumes(String volumeGroup) throws LvmException {
        return report("lvs", LV_FIELDS, volumeGroup).stream().map(Lvm::logicalVolume).toList();
    }

    public Optional<LogicalVolume> logicalVolume(String volumeGroup, String name) throws LvmException {
        try {
            return report("lvs", LV_FIELDS, volumeGroup + "/" + name).stream().map(Lvm::logicalVolume).findFirst();
        } catch (LvmException e) {
            if (e.kind() == LvmException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * A thin snapshot of a thin volume, activated: thin snapshots are made with the
     * activation-skip flag, and an inactive LV has no device for LIO to open.
     */
    public LogicalVolume createThinSnapshot(String volumeGroup, String origin, String name) throws LvmException {
        change("lvcreate", "--snapshot", "--name", name, volumeGroup + "/" + origin);
        try {
            change("lvchange", "--activate", "y", "--ignoreactivationskip", volumeGroup + "/" + name);
        } catch (LvmException e) {
            removeAfterFailure(volumeGroup, name, e);
            throw e;
        }
        return created(volumeGroup, name);
    }

    /** A thin volume of a thin pool; it reads as zeros until written. */
    public LogicalVolume createThin(String volumeGroup, String thinPool, String name, long sizeBytes)
            throws LvmException {
        change("lvcreate", "--yes", "--virtualsize", sizeBytes + "b", "--thinpool", volumeGroup + "/" + thinPool,
                "--name", name);
        return created(volumeGroup, name);
    }

    /** A linear (thick) volume; its content is undefined until written. */
    public LogicalVolume createLinear(String volumeGroup, String name, long sizeBytes) throws LvmException {
        // no zeroing or signature wiping: a copy overwrites every byte
        change("lvcreate", "--yes", "--wipesignatures", "n", "--zero", "n", "--size", sizeBytes + "b",
                "--name", name, volumeGroup);
        return created(volumeGroup, name);
    }

    /** A copy-on-write snapshot of a thick volume, with room for {@code cowBytes} of changes to its origin. */
    public LogicalVolume createSnapshot(String volumeGroup, String origin, String name, long cowBytes)
            throws LvmException {
        change("lvcreate", "--snapshot", "--size", cowBytes + "b", "--name", name, volumeGroup + "/" + origin);
        return created(volumeGroup, name);
    }

    public void rename(String volumeGroup, String name, String newName) throws LvmException {
        change("lvrename", volumeGroup, name, newName);
    }

    public void remove(String volumeGroup, String name) throws LvmException {
        change("lvremove", "--yes", volumeGroup + "/" + name);
    }

    /**
     * Makes a linear volume raid1 in place, its new leg on another physical volume of the group;
     * LVM then copies the volume onto the leg while it stays open and written ({@link #mirrorSync}).
     * A thin volume cannot be raid1 ({@link LvmException.Kind#UNSUPPORTED}).
     */
    public void addMirrorLeg(String volumeGroup, String name) throws LvmException {
        change("lvconvert", "--yes", "--type", "raid1", "--mirrors", "1", volumeGroup + "/" + name);
    }

    /** How far the legs of a raid1 volume are in sync; empty when the volume is not raid1. */
    public Optional<MirrorSync> mirrorSync(String volumeGroup, String name) throws LvmException {
        return report("lvs", SYNC_FIELDS, volumeGroup + "/" + name).stream().filter(r -> r[0].equals("raid1"))
                .map(r -> new MirrorSync(Double.parseDouble(r[1]), r[2])).findFirst();
    }

    /**
     * Splits the leg off read-only while LVM tracks which regions of the volume change, so that
     * {@link #mergeMirrorLeg} resynchronises only those; the leg shows as {@link LvNames#mirrorLeg}.
     */
    public LogicalVolume splitMirrorLegTracked(String volumeGroup, String name) throws LvmException {
        change("lvconvert", "--yes", "--splitmirrors", "1", "--trackchanges", volumeGroup + "/" + name);
        return created(volumeGroup, LvNames.mirrorLeg(name));
    }

    /** Takes a leg split with change tracking back into its volume; LVM resynchronises the changed regions. */
    public void mergeMirrorLeg(String volumeGroup, String name) throws LvmException {
        change("lvconvert", "--yes", "--mergemirrors", volumeGroup + "/" + LvNames.mirrorLeg(name));
    }

    /**
     * Splits the leg off for good as a linear volume of its own; the volume is linear again. Not
     * while a leg is split off with change tracking: LVM refuses every conversion of the volume
     * then but the merge (FAILED), this one and {@link #removeMirrorLeg} included.
     */
    public LogicalVolume splitMirrorLeg(String volumeGroup, String name, String newName) throws LvmException {
        change("lvconvert", "--yes", "--splitmirrors", "1", "--name", newName, volumeGroup + "/" + name);
        return created(volumeGroup, newName);
    }

    /** Drops the leg, freeing its extents; the volume is linear again. Not while the leg is split off tracked. */
    public void removeMirrorLeg(String volumeGroup, String name) throws LvmException {
        change("lvconvert", "--yes", "--mirrors", "0", volumeGroup + "/" + name);
    }

    /**
     * Where thin volume {@code newer} differs from {@code older}, both of {@code thinPool}: typically
     * the thin snapshots of a volume at the last shipping and now. Copying these bytes of newer onto a
     * copy of older makes it equal to newer (within newer's size). Whole chunks, in order, merged where
     * they touch. {@code thin_delta} reads them from a metadata snapshot of the pool, released again
     * whatever happens. Without dmsetup or thin_delta on the host: UNSUPPORTED.
     */
    public List<ThinRange> thinDifferences(String volumeGroup, String thinPool, String older, String newer)
            throws LvmException {
        long left = Long.parseLong(thinVolumeOf(volumeGroup, thinPool, older)[2]);
        String[] newerVolume = thinVolumeOf(volumeGroup, thinPool, newer);
        long right = Long.parseLong(newerVolume[2]);
        String tpool = LvNames.mapperName(volumeGroup, thinPool) + "-tpool";
        String metadata = LvNames.mapped(volumeGroup, thinPool + "_tmeta").toString();
        List<ThinRange> changed;
        synchronized (SNAPSHOT_TURNS.computeIfAbsent(tpool, key -> new Object())) {
            try (PoolMetadataSnapshot held = PoolMetadataSnapshot.reserve(this::tool, tpool)) {
                changed = ThinDeltaXml.changed(tool("thin_delta", "--metadata-snap", "--snap1", Long.toString(left),
                        "--snap2", Long.toString(right), metadata), left, right);
            }
        }
        return within(changed, bytes(newerVolume[3]));
    }

    /** A thin volume's THIN_FIELDS, checked to be of {@code thinPool}: ids are only unique within a pool. */
    private String[] thinVolumeOf(String volumeGroup, String thinPool, String name) throws LvmException {
        String[] volume = thinVolume(volumeGroup, name);
        if (!volume[1].equals(thinPool)) {
            throw new LvmException(LvmException.Kind.UNSUPPORTED, volumeGroup + "/" + name
                    + " is a thin volume of pool " + volume[1] + ", not of " + thinPool);
        }
        return volume;
    }

    private String[] thinVolume(String volumeGroup, String name) throws LvmException {
        String[] volume = single(volumeGroup, name, THIN_FIELDS);
        if (!volume[0].startsWith("V") || volume[2].isEmpty()) {
            throw new LvmException(LvmException.Kind.UNSUPPORTED, volumeGroup + "/" + name + " is not a thin volume");
        }
        return volume;
    }

    private String[] single(String volumeGroup, String name, String fields) throws LvmException {
        return report("lvs", fields, volumeGroup + "/" + name).stream().findFirst().orElseThrow(() ->
                new LvmException(LvmException.Kind.NOT_FOUND, "lvs does not show " + volumeGroup + "/" + name));
    }

    /** A chunk may reach past the end of a volume whose size is not a multiple of it. */
    private static List<ThinRange> within(List<ThinRange> ranges, long size) {
        return ranges.stream().filter(r -> r.offset() < size)
                .map(r -> r.end() <= size ? r : new ThinRange(r.offset(), size - r.offset())).toList();
    }

    private LogicalVolume created(String volumeGroup, String name) throws LvmException {
        return logicalVolume(volumeGroup, name).orElseThrow(() -> new LvmException(LvmException.Kind.FAILED,
                "LVM reported success, but lvs does not show " + volumeGroup + "/" + name));
    }

    private void removeAfterFailure(String volumeGroup, String name, LvmException cause) {
        try {
            remove(volumeGroup, name);
        } catch (LvmException e) {
            cause.addSuppressed(e);
        }
    }

    private List<String[]> report(String command, String fields, String what) throws LvmException {
        String out = run(List.of(LVM, command, "--noheadings", "--nosuffix", "--units", "b", "--separator", "|",
                "--options", fields, what));
        List<String[]> rows = new ArrayList<>();
        out.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> rows.add(l.split("\\|", -1)));
        return rows;
    }

    private void change(String... args) throws LvmException {
        List<String> command = new ArrayList<>(List.of(LVM));
        command.addAll(List.of(args));
        run(command);
    }

    /** Runs a command, retrying while another LVM command holds the volume group. */
    private String run(List<String> command) throws LvmException {
        List<String> noWait = new ArrayList<>(command.subList(0, 2));
        noWait.addAll(List.of("--config", "global { wait_for_locks = 0 }"));
        noWait.addAll(command.subList(2, command.size()));
        long deadline = System.nanoTime() + lockWait.toNanos();
        while (true) {
            CommandRunner.Result result = execute(noWait, command.get(0) + " " + command.get(1),
                    LvmException.Kind.FAILED, "is lvm2 installed?");
            if (result.exitCode() == 0) {
                return result.stdout();
            }
            LvmException failure = LvmException.of(command, result.exitCode(), result.stderr());
            if (failure.kind() != LvmException.Kind.LOCKED || System.nanoTime() > deadline) {
                throw failure;
            }
            pause();
        }
    }

    /**
     * Runs a device-mapper or thin-provisioning tool as it is: unlike lvm it takes no --config and
     * waits on no LVM lock. A missing tool leaves thin volume changes unreadable: UNSUPPORTED.
     */
    private String tool(String... command) throws LvmException {
        List<String> line = List.of(command);
        CommandRunner.Result result = execute(line, command[0], LvmException.Kind.UNSUPPORTED,
                "install dmsetup and thin-provisioning-tools");
        if (result.exitCode() != 0) {
            throw LvmException.of(line, result.exitCode(), result.stderr());
        }
        return result.stdout();
    }

    /** Runs {@code command}; {@code name} is how errors call it, {@code missing} the kind when it cannot start. */
    private CommandRunner.Result execute(List<String> command, String name, LvmException.Kind missing, String hint)
            throws LvmException {
        try {
            return runner.run(command);
        } catch (IOException e) {
            throw new LvmException(missing, "cannot run " + name + ": " + e.getMessage() + " (" + hint + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LvmException(LvmException.Kind.FAILED, "interrupted while running " + name);
        }
    }

    private static void pause() throws LvmException {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LvmException(LvmException.Kind.LOCKED, "interrupted while waiting for an LVM lock");
        }
    }

    private static LogicalVolume logicalVolume(String[] r) {
        return new LogicalVolume(r[0], r[1], bytes(r[2]), r[3], r[4], r[5], r[6].isEmpty() ? 0 : Double.parseDouble(r[6]));
    }

    private static long bytes(String field) {
        return Long.parseLong(field);
    }
}
