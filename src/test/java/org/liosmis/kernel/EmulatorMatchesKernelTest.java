package org.liosmis.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;
import org.liosmis.lio.configfs.emulator.EmulatedConfigFs;

/**
 * The differential check of the emulator: {@link KernelRulesScenario} on the emulator and on
 * Debian's kernel in a QEMU guest must give the same outcome and observations at every step.
 */
@Tag("kernel")
class EmulatorMatchesKernelTest {

    /** Boot ~5 s, JVM start and scenario well under a minute on TCG; the rest is slack. */
    private static final Duration GUEST_TIMEOUT = Duration.ofMinutes(5);
    /** On the guest's tmpfs, so the backing file is not written through 9p. */
    private static final String GUEST_WORK = "/tmp/lio-smis-rules";

    /** On tmpfs like {@link #GUEST_WORK}, so the loop devices of both runs have the same queue limits. */
    @TempDir(factory = OnTmpfs.class)
    Path temp;

    static final class OnTmpfs implements TempDirFactory {
        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension)
                throws IOException {
            return Files.createTempDirectory(Path.of("/dev/shm"), "lio-smis-rules-");
        }
    }

    @Test
    void everyStepOfTheRulesScenarioMatchesTheKernel() throws Exception {
        Path work = Files.createDirectories(temp.resolve("work"));
        List<StepOutcome> emulator = new KernelRulesScenario(new EmulatedConfigFs(temp.resolve("state")), work).run();
        List<StepOutcome> kernel;
        try (KernelGuest guest = new KernelGuest()) {
            guest.run(KernelRulesMain.class, List.of(GUEST_WORK, "/tmp/out/results.txt"), GUEST_TIMEOUT);
            kernel = StepOutcome.fromLines(Files.readAllLines(guest.out().resolve("results.txt")));
        }
        // the kernel's answers, for the build log: what the emulator is held to
        kernel.forEach(step -> System.out.println("kernel: " + step.toLine()));
        List<String> differences = differences(emulator, kernel);
        if (!differences.isEmpty()) {
            fail("the emulator differs from the kernel in " + differences.size() + " step(s):\n"
                    + String.join("\n", differences));
        }
        assertTrue(kernel.size() > 20, "the kernel ran the whole scenario");
    }

    private static List<String> differences(List<StepOutcome> emulator, List<StepOutcome> kernel) {
        List<String> differences = new ArrayList<>();
        if (emulator.size() != kernel.size()) {
            differences.add("steps: emulator " + emulator.size() + ", kernel " + kernel.size());
        }
        for (int i = 0; i < Math.min(emulator.size(), kernel.size()); i++) {
            StepOutcome e = emulator.get(i);
            StepOutcome k = kernel.get(i);
            if (!e.equals(k)) {
                differences.add("step " + (i + 1) + " '" + k.step() + "':\n  emulator " + e.outcome() + " | "
                        + linesOnlyIn(e.observed(), k.observed()) + "\n  kernel   " + k.outcome() + " | "
                        + linesOnlyIn(k.observed(), e.observed()));
            }
        }
        return differences;
    }

    /** The lines of an observation the other side lacks: long observations differ in a few lines. */
    private static String linesOnlyIn(String observed, String other) {
        List<String> otherLines = other.lines().toList();
        return String.join("\n    ", observed.lines().filter(line -> !otherLines.contains(line)).toList());
    }
}
