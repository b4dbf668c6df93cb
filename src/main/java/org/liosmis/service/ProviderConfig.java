package org.liosmis.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration file of lio-smis under a CIM broker: "serve"'s service options as
 * "name = value" lines ("demo = true" for the flag, pool and lvm-pool repeatable, '#'
 * comments). The broker does the listening, so the options of serve's HTTP server are
 * refused by name.
 */
public final class ProviderConfig {

    /** The environment variable naming the file, for brokers whose environment can carry it. */
    public static final String ENVIRONMENT_VARIABLE = "LIO_SMIS_CONFIG";
    /** The JVM system property naming the file, ahead of the environment: the CMPI bridge's config= parameter. */
    public static final String SYSTEM_PROPERTY = "lio-smis.config";
    public static final Path DEFAULT_LOCATION = Path.of("/etc/lio-smis/provider.conf");
    private static final Set<String> SERVER_OPTIONS = Set.of("bind", "http-port", "https-port", "credentials",
            "keystore", "keystore-password");

    private ProviderConfig() {
    }

    /** The file the environment names, or the default location. */
    public static Path location(Map<String, String> environment) {
        String named = environment.get(ENVIRONMENT_VARIABLE);
        return named == null || named.isBlank() ? DEFAULT_LOCATION : Path.of(named);
    }

    /** The options of the file; a UsageException names the file, the line and what to change. */
    public static ServiceOptions read(Path file) throws UsageException, IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("no lio-smis configuration at " + file + ": create it (at least \"state-dir = DIR\""
                    + " and the pools), or point " + ENVIRONMENT_VARIABLE + " in the broker's environment at one");
        }
        ServiceOptions.Parser parser = new ServiceOptions.Parser();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + " line " + (i + 1) + ": ";
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new UsageException(where + "expected \"name = value\", not \"" + line + "\"");
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            try {
                take(parser, name, value);
            } catch (UsageException e) {
                throw new UsageException(where + settingNames(e));
            }
        }
        try {
            return parser.build();
        } catch (UsageException e) {
            throw new UsageException(file + ": " + settingNames(e));
        }
    }

    /** The parser's message, with its options named as the file names its settings. */
    private static String settingNames(UsageException e) {
        return e.getMessage().replaceAll("--(?=[a-z])", "");
    }

    private static void take(ServiceOptions.Parser parser, String name, String value) throws UsageException {
        if (SERVER_OPTIONS.contains(name)) {
            throw new UsageException("\"" + name + "\" is an option of lio-smis serve's own server; under a broker the"
                    + " broker listens, authenticates and encrypts");
        }
        if (name.equals("demo")) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new UsageException("demo takes true or false, not \"" + value + "\"");
            }
            if (value.equals("true")) {
                parser.take("--demo", new Arguments(List.of()));
            }
            return;
        }
        if (value.isEmpty()) {
            throw new UsageException(name + " needs a value");
        }
        if (!parser.take("--" + name, new Arguments(List.of(value)))) {
            throw new UsageException("unknown setting \"" + name + "\"; the settings are demo, state-dir, configfs,"
                    + " pool, lvm-pool, schema, system-name, namespace and mirror-cycle");
        }
    }
}
