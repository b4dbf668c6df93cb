package org.liosmis.cli;

import org.liosmis.service.LioSmisService;
import org.liosmis.service.ServiceOptions;
import org.liosmis.service.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.liosmis.engine.StateDirectory;
import org.liosmis.engine.StateRebuild;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.configfs.ConfigFsException;

/**
 * "lio-smis rebuild-state": after the state database was lost, writes a new one from what LIO
 * and the volumes themselves record, and says plainly what it restored and what it could not.
 */
final class RebuildStateCommand {

    static final String USAGE = "lio-smis rebuild-state [--demo] [--state-dir DIR] [--configfs DIR]"
            + "   (serve stopped) a new state database from LIO, when the old one is lost";
    /** The options of serve that say where the state and LIO are. */
    private static final Set<String> OPTIONS = Set.of("--demo", "--state-dir", "--configfs");

    private RebuildStateCommand() {
    }

    static void run(List<String> args, PrintStream out) throws UsageException, IOException, ConfigFsException {
        for (String arg : args) {
            if (arg.startsWith("--") && !OPTIONS.contains(arg)) {
                throw new UsageException("rebuild-state takes --demo, --state-dir and --configfs, not \"" + arg + "\"");
            }
        }
        ServiceOptions options = ServeOptions.parse(args).service();
        if (options.demo() && !Files.isDirectory(options.configfsRoot())) {
            throw new UsageException("there is no demo in " + options.stateDir() + "; lio-smis serve --demo makes one");
        }
        LioRoot lio = options.demo() ? LioRoot.emulated(options.configfsRoot()) : LioSmisService.kernel(options);
        Path stateDir = StateDirectory.create(options.stateDir());
        try (StateDirectory.Lock lock = StateDirectory.lock(stateDir)) {
            lio.restoreMissingSavedConfig();
            Path database = options.stateDir().resolve(LioSmisService.DATABASE);
            StateRebuild.Report report = StateRebuild.run(lio, database, Clock.systemUTC());
            out.println("rebuilt the state database " + database + " from LIO");
            out.println("restored:");
            (report.restored().isEmpty() ? List.of("nothing") : report.restored()).forEach(line -> out.println("  " + line));
            out.println("not restored:");
            report.notRestored().forEach(line -> out.println("  " + line));
            if (report.previous() != null) {
                out.println("the previous database is kept as " + report.previous());
            }
        }
    }
}
