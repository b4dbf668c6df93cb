package org.liosmis.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.lio.LioRoot;

/** A new state database from the marks and labels volumes carry, and a plain account of what they do not. */
class StateRebuildTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aSnapshotWhoseSourceWasMadeAgainOrIsGoneLosesOnlyItsRelationship() throws Exception {
        try (EngineFixture fx = new EngineFixture(dir)) {
            String source = fx.volume("src", EngineFixture.MIB);
            String other = fx.volume("other", EngineFixture.MIB);
            fx.replica(source, ReplicaKind.SNAPSHOT, "of src");
            fx.replica(other, ReplicaKind.SNAPSHOT, "of other");
            fx.engine.deleteVolume(source);
            fx.engine.deleteVolume(other);
            fx.volume("src", EngineFixture.MIB);
        }
        StateRebuild.Report report = rebuild();
        assertEquals(List.of("fileio/of_other: ElementName \"of other\"", "fileio/of_src: ElementName \"of src\""),
                report.restored());
        assertEquals(List.of("fileio/of_other: its snapshot relationship to fileio/other, which is gone",
                "fileio/of_src: its snapshot relationship to fileio/src, which is another volume now"),
                report.notRestored().subList(1, 3));
        try (StateStore store = StateCheck.open(lio(), dir.resolve("state.db"), "")) {
            assertEquals(List.of(), store.replicas());
        }
    }

    @Test
    void aReplicaWithoutItsLabelIsKnownAgainUnderItsOwnName() throws Exception {
        Path file;
        try (EngineFixture fx = new EngineFixture(dir)) {
            String source = fx.volume("src", EngineFixture.MIB);
            String target = fx.replica(source, ReplicaKind.SNAPSHOT, "nightly");
            file = Path.of(fx.inventory.volume(target).orElseThrow().backingPath());
        }
        UserDefinedFileAttributeView attributes = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        for (String name : attributes.list()) {
            attributes.delete(name);
        }
        StateRebuild.Report report = rebuild();
        assertEquals(List.of(), report.restored());
        assertEquals("fileio/nightly: nothing beside its data records its ElementName or a snapshot relationship"
                + " (its backing file has no lio-smis label); it is named \"nightly\"", report.notRestored().get(1));
        assertEquals(dir.resolve("state.db.before-rebuild-20260102T030405Z"), report.previous());
        try (StateStore store = StateCheck.open(lio(), dir.resolve("state.db"), "")) {
            assertEquals(Map.of("fileio/nightly", "nightly"), store.elementNames());
        }
    }

    @Test
    void aSnapshotKeepsItsRelationshipAsTheEngineRecordedIt() throws Exception {
        Replica recorded;
        try (EngineFixture fx = new EngineFixture(dir)) {
            fx.replica(fx.volume("src", EngineFixture.MIB), ReplicaKind.SNAPSHOT, "s");
            recorded = fx.store.replicas().getFirst();
        }
        Files.delete(dir.resolve("state.db"));
        StateRebuild.Report report = rebuild();
        assertNull(report.previous());
        try (StateStore store = StateCheck.open(lio(), dir.resolve("state.db"), "")) {
            Replica rebuilt = store.replicas().getFirst();
            assertEquals(List.of(recorded.sourceId(), recorded.targetId(), recorded.kind(), recorded.method(),
                    recorded.state(), recorded.percentSynced()), List.of(rebuilt.sourceId(), rebuilt.targetId(),
                    rebuilt.kind(), rebuilt.method(), rebuilt.state(), rebuilt.percentSynced()));
            assertEquals(List.of(), store.jobs());
        }
    }

    private StateRebuild.Report rebuild() throws Exception {
        return StateRebuild.run(lio(), dir.resolve("state.db"), CLOCK);
    }

    private LioRoot lio() {
        return LioRoot.emulated(dir.resolve("configfs"));
    }
}
