package org.liosmis.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.liosmis.engine.Pool;

/** What "lio-smis serve" was told; defaults are those of a production target host. */
record ServeOptions(boolean demo, Path stateDir, String bindAddress, int httpPort, int httpsPort,
                    Path configfsRoot, Map<String, Path> pools, Path schema, Path credentials,
                    Path keystore, String keystorePassword, String systemName, String namespace) {

    static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/lio-smis");
    static final Path KERNEL_CONFIGFS = Path.of("/sys/kernel/config/target");
    private static final Pattern POOL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    static final String USAGE = """
            lio-smis serve [options]
              --demo                   run on an emulated LIO kept under the state directory, with demo volumes
              --state-dir DIR          where lio-smis keeps its state (default /var/lib/lio-smis)
              --bind ADDRESS           address to listen on (default 127.0.0.1)
              --http-port PORT|off     CIM-XML over HTTP (default 5988)
              --https-port PORT|off    CIM-XML over HTTPS (default 5989)
              --configfs DIR           LIO configfs root (default /sys/kernel/config/target)
              --pool NAME=DIR          a pool of fileio backing files; repeatable (default: default=STATE/pool)
              --schema DIR|ZIP         serve a full DMTF CIM schema instead of the built-in declarations
              --credentials FILE       users and password hashes (default STATE/credentials; see "passwd")
              --keystore FILE          PKCS12 keystore for HTTPS (default: self-signed, made in STATE)
              --keystore-password PW   its password
              --system-name NAME       Name of the LIO_StorageSystem (default: host name; demo: lio-demo)
              --namespace NS           the model namespace (default root/lio)
            """;

    static ServeOptions parse(List<String> args) throws UsageException {
        boolean demo = false;
        Path stateDir = DEFAULT_STATE_DIR;
        String bind = "127.0.0.1";
        int httpPort = 5988;
        int httpsPort = 5989;
        Path configfs = KERNEL_CONFIGFS;
        boolean configfsGiven = false;
        Map<String, Path> pools = new LinkedHashMap<>();
        Path schema = null;
        Path credentials = null;
        Path keystore = null;
        String keystorePassword = null;
        String systemName = null;
        String namespace = "root/lio";
        Arguments in = new Arguments(args);
        while (in.hasNext()) {
            String option = in.next();
            switch (option) {
                case "--demo" -> demo = true;
                case "--state-dir" -> stateDir = Path.of(in.value(option));
                case "--bind" -> bind = in.value(option);
                case "--http-port" -> httpPort = in.port(option);
                case "--https-port" -> httpsPort = in.port(option);
                case "--configfs" -> {
                    configfs = Path.of(in.value(option));
                    configfsGiven = true;
                }
                case "--pool" -> addPool(pools, in.value(option));
                case "--schema" -> schema = Path.of(in.value(option));
                case "--credentials" -> credentials = Path.of(in.value(option));
                case "--keystore" -> keystore = Path.of(in.value(option));
                case "--keystore-password" -> keystorePassword = in.value(option);
                case "--system-name" -> systemName = in.value(option);
                case "--namespace" -> namespace = in.value(option);
                default -> throw new UsageException("unknown option \"" + option + "\"");
            }
        }
        if (httpPort < 0 && httpsPort < 0) {
            throw new UsageException("both --http-port and --https-port are off: nothing would listen");
        }
        if (keystore != null && keystorePassword == null) {
            throw new UsageException("--keystore needs --keystore-password");
        }
        if (demo && configfsGiven) {
            throw new UsageException("--demo emulates LIO under the state directory; it takes no --configfs");
        }
        if (demo) {
            configfs = stateDir.resolve("configfs");
        }
        if (pools.isEmpty()) {
            pools.put("default", stateDir.resolve("pool"));
        }
        return new ServeOptions(demo, stateDir, bind, httpPort, httpsPort, configfs, Map.copyOf(pools), schema,
                credentials == null ? stateDir.resolve("credentials") : credentials, keystore, keystorePassword,
                systemName != null ? systemName : demo ? "lio-demo" : hostName(), namespace);
    }

    private static void addPool(Map<String, Path> pools, String spec) throws UsageException {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? "" : spec.substring(0, eq);
        if (!POOL_NAME.matcher(name).matches() || eq == spec.length() - 1) {
            throw new UsageException("--pool takes NAME=DIR with a name of letters, digits, '_', '.', '-', not \""
                    + spec + "\"");
        }
        if (name.equals(Pool.EXTERNAL_ID)) {
            throw new UsageException("pool name \"" + name + "\" is reserved for volumes outside every pool");
        }
        if (pools.put(name, Path.of(spec.substring(eq + 1)).toAbsolutePath().normalize()) != null) {
            throw new UsageException("pool \"" + name + "\" is given twice");
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
