package org.liosmis.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.liosmis.engine.EngineSettings;
import org.liosmis.engine.Pool;
import org.liosmis.engine.PoolBacking;
import org.liosmis.lvm.LvNames;
import org.liosmis.spi.ObjectPaths;

/**
 * What the providers run on, whichever host serves them: the state directory, LIO, the
 * pools, the schema and the names clients see. "serve" takes these as options, a broker's
 * provider from its configuration file; defaults are those of a production target host.
 */
public record ServiceOptions(boolean demo, Path stateDir, Path configfsRoot, Map<String, PoolBacking> pools,
                             Path schema, String systemName, String namespace, Duration mirrorCycle) {

    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/lio-smis");
    public static final Path KERNEL_CONFIGFS = Path.of("/sys/kernel/config/target");
    private static final Pattern POOL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** The options' usage lines, as "serve" lists them. */
    public static final String USAGE = """
              --demo                   run on an emulated LIO kept under the state directory, with demo volumes
              --state-dir DIR          where lio-smis keeps its state (default /var/lib/lio-smis)
              --configfs DIR           LIO configfs root (default /sys/kernel/config/target)
              --pool NAME=DIR          a pool of fileio backing files; repeatable (default: default=STATE/pool
                                       when no pool is given)
              --lvm-pool NAME=VG/THIN  a pool of block volumes: the thin volumes of LVM thin pool VG/THIN;
                                       repeatable
              --lvm-pool NAME=VG       a pool of block volumes: the linear volumes of LVM volume group VG
              --schema DIR|ZIP         serve a full DMTF CIM schema instead of the built-in declarations
              --system-name NAME       Name of the LIO_StorageSystem (default: host name; demo: lio-demo)
              --namespace NS           the model namespace (default root/lio)
              --mirror-cycle SECONDS   how often an async mirror's cycle brings its target in step (default 60)
            """;

    /** Collects the service's options from a longer list; what it does not know it leaves to the caller. */
    public static final class Parser {

        private boolean demo;
        private Path stateDir = DEFAULT_STATE_DIR;
        private Path configfs = KERNEL_CONFIGFS;
        private boolean configfsGiven;
        private final Map<String, PoolBacking> pools = new LinkedHashMap<>();
        private Path schema;
        private String systemName;
        private String namespace = "root/lio";
        private Duration mirrorCycle = EngineSettings.DEFAULT_CYCLE_PERIOD;

        /** Takes the option (and its value from in) when it is one of the service's; false otherwise. */
        public boolean take(String option, Arguments in) throws UsageException {
            switch (option) {
                case "--demo" -> demo = true;
                case "--state-dir" -> stateDir = Path.of(in.value(option));
                case "--configfs" -> {
                    configfs = Path.of(in.value(option));
                    configfsGiven = true;
                }
                case "--pool", "--lvm-pool" -> addPool(option, in.value(option));
                case "--schema" -> schema = Path.of(in.value(option));
                case "--system-name" -> systemName = in.value(option);
                case "--namespace" -> namespace = in.value(option);
                case "--mirror-cycle" -> mirrorCycle = cyclePeriod(in.value(option));
                default -> {
                    return false;
                }
            }
            return true;
        }

        public ServiceOptions build() throws UsageException {
            if (List.of(LioSmisService.INTEROP_NAMESPACE, LioSmisService.INTEROP_ALIAS)
                    .contains(ObjectPaths.normalisedNamespace(namespace))) {
                throw new UsageException("--namespace names the model namespace, and \"" + namespace + "\" is the"
                        + " interop namespace (" + LioSmisService.INTEROP_ALIAS + " is another name for "
                        + LioSmisService.INTEROP_NAMESPACE + "): choose another, root/lio say");
            }
            if (demo && configfsGiven) {
                throw new UsageException("--demo emulates LIO under the state directory; it takes no --configfs");
            }
            Map<String, PoolBacking> all = new LinkedHashMap<>(pools);
            if (all.isEmpty()) {
                all.put("default", new PoolBacking.Directory(stateDir.resolve("pool")));
            }
            if (demo && !(all.get("default") instanceof PoolBacking.Directory)) {
                throw new UsageException("--demo makes its volumes in the fileio pool \"default\": give it as"
                        + " --pool default=DIR, or give no pools");
            }
            return new ServiceOptions(demo, stateDir, demo ? stateDir.resolve("configfs") : configfs, Map.copyOf(all),
                    schema, systemName != null ? systemName : demo ? "lio-demo" : hostName(), namespace, mirrorCycle);
        }

        private static Duration cyclePeriod(String seconds) throws UsageException {
            if (seconds.matches("[0-9]{1,6}") && Integer.parseInt(seconds) > 0) {
                return Duration.ofSeconds(Integer.parseInt(seconds));
            }
            throw new UsageException("--mirror-cycle takes a number of seconds from 1 to 999999, not \"" + seconds + "\"");
        }

        private void addPool(String option, String spec) throws UsageException {
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
            PoolBacking backing = option.equals("--pool")
                    ? new PoolBacking.Directory(Path.of(where).toAbsolutePath().normalize()) : lvmBacking(where);
            if (backing instanceof PoolBacking.Lvm lvm && pools.values().stream()
                    .anyMatch(p -> p instanceof PoolBacking.Lvm other && other.volumeGroup().equals(lvm.volumeGroup()))) {
                throw new UsageException("volume group \"" + lvm.volumeGroup() + "\" backs two pools; give each volume"
                        + " group to one pool");
            }
            if (pools.put(name, backing) != null) {
                throw new UsageException("pool \"" + name + "\" is given twice");
            }
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
