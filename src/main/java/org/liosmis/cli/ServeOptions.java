package org.liosmis.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.liosmis.engine.Pool;
import org.liosmis.engine.PoolBacking;
import org.liosmis.lvm.LvNames;

/** What "lio-smis serve" was told; defaults are those of a production target host. */
record ServeOptions(boolean demo, Path stateDir, String bindAddress, int httpPort, int httpsPort,
                    Path configfsRoot, Map<String, PoolBacking> pools, Path schema, Path credentials,
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
              --pool NAME=DIR          a pool of fileio backing files; repeatable (default: default=STATE/pool
                                       when no pool is given)
              --lvm-pool NAME=VG/THIN  a pool of block volumes: the thin volumes of LVM thin pool VG/THIN;
                                       repeatable
              --lvm-pool NAME=VG       a pool of block volumes: the linear volumes of LVM volume group VG
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
        Map<String, PoolBacking> pools = new LinkedHashMap<>();
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
                case "--pool" -> addPool(pools, option, in.value(option));
                case "--lvm-pool" -> addPool(pools, option, in.value(option));
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
            pools.put("default", new PoolBacking.Directory(stateDir.resolve("pool")));
        }
        if (demo && !(pools.get("default") instanceof PoolBacking.Directory)) {
            throw new UsageException("--demo makes its volumes in the fileio pool \"default\": give it as"
                    + " --pool default=DIR, or give no pools");
        }
        return new ServeOptions(demo, stateDir, bind, httpPort, httpsPort, configfs, Map.copyOf(pools), schema,
                credentials == null ? stateDir.resolve("credentials") : credentials, keystore, keystorePassword,
                systemName != null ? systemName : demo ? "lio-demo" : hostName(), namespace);
    }

    private static void addPool(Map<String, PoolBacking> pools, String option, String spec) throws UsageException {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? "" : spec.substring(0, eq);
        String where = spec.substring(eq + 1);
        if (!POOL_NAME.matcher(name).matches() || where.isEmpty()) {
            throw new UsageException(option + " takes NAME=" + (option.equals("--pool") ? "DIR" : "VG[/THINPOOL]")
                    + " with a name of letters, digits, '_', '.', '-', not \"" + spec + "\"");
        }
        if (name.equals(Pool.EXTERNAL_ID)) {
            throw new UsageException("pool name \"" + name + "\" is reserved for volumes outside every pool");
        }
        PoolBacking backing = option.equals("--pool") ? new PoolBacking.Directory(Path.of(where).toAbsolutePath().normalize())
                : lvmBacking(where);
        if (backing instanceof PoolBacking.Lvm lvm && pools.values().stream()
                .anyMatch(p -> p instanceof PoolBacking.Lvm other && other.volumeGroup().equals(lvm.volumeGroup()))) {
            throw new UsageException("volume group \"" + lvm.volumeGroup() + "\" backs two pools; give each volume"
                    + " group to one pool");
        }
        if (pools.put(name, backing) != null) {
            throw new UsageException("pool \"" + name + "\" is given twice");
        }
    }

    private static PoolBacking lvmBacking(String where) throws UsageException {
        String[] parts = where.split("/", -1);
        if (parts.length > 2 || !Arrays.stream(parts).allMatch(LvNames::valid)) {
            throw new UsageException("--lvm-pool takes a volume group or VG/THINPOOL of LVM names (letters, digits,"
                    + " '+', '_', '.', '-'), not \"" + where + "\"");
        }
        return parts.length == 1 ? new PoolBacking.VolumeGroup(parts[0]) : new PoolBacking.ThinPool(parts[0], parts[1]);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
