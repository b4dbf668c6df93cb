package org.liosmis.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.NaaIdentifier;
import org.liosmis.lio.Plugin;

/**
 * A new state database from what outlives a lost one: the volumes LIO holds whose unit serial
 * says lio-smis made them, each with the ElementName and snapshot relationship its data's
 * label records. Written beside the database and moved into place when complete; the old
 * database, if any, is kept under another name.
 */
public final class StateRebuild {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final List<String> WAL_SUFFIXES = List.of("", "-wal", "-shm");

    /**
     * @param restored    one line per volume: what of it was restored
     * @param notRestored one line per thing lost
     * @param previous    where the old database was moved, or null when there was none
     */
    public record Report(List<String> restored, List<String> notRestored, Path previous) {
    }

    private final Map<String, LioVolumes.LioVolume> volumes;
    private final List<String> restored = new ArrayList<>();
    private final List<String> notRestored = new ArrayList<>();

    private StateRebuild(List<LioVolumes.LioVolume> volumes) {
        this.volumes = volumes.stream().collect(Collectors.toMap(LioVolumes.LioVolume::id, Function.identity()));
    }

    public static Report run(LioRoot lio, Path database, Clock clock) throws IOException {
        List<LioVolumes.LioVolume> all = LioVolumes.all(lio);
        StateRebuild rebuild = new StateRebuild(all);
        rebuild.notRestored.add("jobs: LIO keeps no record of them; a client following one gets CIM_ERR_NOT_FOUND");
        Path fresh = database.resolveSibling(database.getFileName() + ".rebuilding");
        deleteWithWal(fresh);
        try (StateStore store = StateStore.open(fresh)) {
            all.stream().filter(LioVolumes.LioVolume::madeByLioSmis).forEach(volume -> rebuild.restore(volume, store));
        }
        Path previous = setAside(database, clock);
        Files.move(fresh, database);
        return new Report(List.copyOf(rebuild.restored), List.copyOf(rebuild.notRestored), previous);
    }

    private void restore(LioVolumes.LioVolume volume, StateStore store) {
        Optional<VolumeLabel> label;
        try {
            label = label(volume);
        } catch (IOException e) {
            label = Optional.empty();
            notRestored.add(volume.id() + ": its label cannot be read (" + e.getMessage() + ")");
        }
        String name = volume.id().substring(volume.id().indexOf('/') + 1);
        if (label.isEmpty()) {
            // recorded under its own name, the volume is known again, and shown as before a client named it
            store.claimElementName(volume.id(), name);
            notRestored.add(volume.id() + ": nothing beside its data records its ElementName or a snapshot"
                    + " relationship (" + (fileio(volume) ? "its backing file has no lio-smis label" : "block volumes"
                    + " carry no label") + "); it is named \"" + name + "\"");
            return;
        }
        String elementName = label.get().elementName();
        if (!store.claimElementName(volume.id(), elementName)) {
            store.claimElementName(volume.id(), volume.id());
            notRestored.add(volume.id() + ": ElementName \"" + elementName + "\", which another volume's label"
                    + " claims too; it is named \"" + volume.id() + "\"");
            return;
        }
        restored.add(volume.id() + ": ElementName \"" + elementName + "\"" + relationship(volume, label.get(), store));
    }

    /** Restores the snapshot relationship if its source is still the volume it was; says what was restored. */
    private String relationship(LioVolumes.LioVolume volume, VolumeLabel label, StateStore store) {
        if (label.sourceId() == null) {
            return "";
        }
        LioVolumes.LioVolume source = volumes.get(label.sourceId());
        if (source == null || !Objects.equals(NaaIdentifier.fromUnitSerial(source.unitSerial()).orElse(null),
                label.sourceNaa())) {
            notRestored.add(volume.id() + ": its snapshot relationship to " + label.sourceId() + ", which "
                    + (source == null ? "is gone" : "is another volume now"));
            return "";
        }
        store.putReplica(label.relationship(volume.id()).orElseThrow());
        return ", snapshot of " + label.sourceId();
    }

    /** Fileio replicas carry their label; block volumes carry none. */
    private static Optional<VolumeLabel> label(LioVolumes.LioVolume volume) throws IOException {
        return fileio(volume) && volume.backingPath() != null ? FileLabels.read(Path.of(volume.backingPath()))
                : Optional.empty();
    }

    private static boolean fileio(LioVolumes.LioVolume volume) {
        return volume.id().startsWith(Plugin.FILEIO.configfsName() + "/");
    }

    private static Path setAside(Path database, Clock clock) throws IOException {
        Path previous = database.resolveSibling(database.getFileName() + ".before-rebuild-" + STAMP.format(clock.instant()));
        boolean existed = Files.exists(database);
        for (String suffix : WAL_SUFFIXES) {
            Path file = Path.of(database + suffix);
            if (Files.exists(file)) {
                Files.move(file, Path.of(previous + suffix));
            }
        }
        return existed ? previous : null;
    }

    private static void deleteWithWal(Path database) throws IOException {
        for (String suffix : WAL_SUFFIXES) {
            Files.deleteIfExists(Path.of(database + suffix));
        }
    }
}
