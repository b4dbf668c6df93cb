package org.liosmis.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.liosmis.lio.configfs.KernelConfigFs;

/**
 * Runs {@link KernelRulesScenario} on the real configfs inside the test guest.
 * Usage: {@code KernelRulesMain <work dir> <results file>}; the results file appears only once
 * the whole scenario ran.
 */
public final class KernelRulesMain {

    private KernelRulesMain() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args[0]));
        Path results = Path.of(args[1]);
        List<String> lines = new KernelRulesScenario(new KernelConfigFs(), work).run().stream()
                .map(StepOutcome::toLine).toList();
        Path partial = results.resolveSibling(results.getFileName() + ".part");
        Files.write(partial, lines);
        Files.move(partial, results, StandardCopyOption.REPLACE_EXISTING);
    }
}
