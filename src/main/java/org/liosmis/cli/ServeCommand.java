package org.liosmis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.liosmis.cimom.Dispatcher;
import org.liosmis.cimom.Namespaces;
import org.liosmis.cimom.ProviderRegistry;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.engine.EngineSettings;
import org.liosmis.engine.LioInventory;
import org.liosmis.engine.PoolBacking;
import org.liosmis.engine.PoolCatalog;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.StateCheck;
import org.liosmis.engine.StateDirectory;
import org.liosmis.engine.StateStore;
import org.liosmis.host.embedded.Credentials;
import org.liosmis.host.embedded.EmbeddedServer;
import org.liosmis.host.embedded.ServerConfig;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.ConfigFsLock;
import org.liosmis.lio.configfs.KernelConfigFs;
import org.liosmis.lio.saveconfig.SavedConfigFile;
import org.liosmis.lvm.Lvm;
import org.liosmis.schema.ClassRepositories;
import org.liosmis.schema.ClassRepository;
import org.liosmis.smis.ObjectNames;
import org.liosmis.smis.SmisProviders;

/** "lio-smis serve": builds every layer and runs the embedded WBEM server until stopped. */
final class ServeCommand {

    static final String INTEROP_NAMESPACE = "interop";
    /** The state database's file in the state directory. */
    static final String DATABASE = "lio-smis.db";

    private ServeCommand() {
    }

    static void run(List<String> args) throws UsageException, IOException, ConfigFsException, InterruptedException {
        ServeOptions options = ServeOptions.parse(args);
        // SIGTERM is handled from before the first request can arrive: a stop during start waits for the
        // start to finish, then closes what it made
        AtomicReference<RunningService> service = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Object starting = new Object();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (starting) {
                if (service.get() != null) {
                    service.get().close();
                }
            }
            stopped.countDown();
        }, "lio-smis-shutdown"));
        synchronized (starting) {
            service.set(start(options));
        }
        stopped.await();
    }

    /** Starts serving, holding the state directory until the service is closed. */
    static RunningService start(ServeOptions options) throws UsageException, IOException, ConfigFsException {
        StateDirectory.Lock lock = StateDirectory.lock(StateDirectory.create(options.stateDir()));
        try {
            return start(options, lock);
        } catch (UsageException | IOException | ConfigFsException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static RunningService start(ServeOptions options, StateDirectory.Lock lock)
            throws UsageException, IOException, ConfigFsException {
        for (PoolBacking pool : options.pools().values()) {
            if (pool instanceof PoolBacking.Directory directory) {
                Files.createDirectories(directory.path());
            }
        }
        LioRoot lio = options.demo()
                ? DemoSetup.prepare(options.stateDir(), ((PoolBacking.Directory) options.pools().get("default")).path())
                : kernel(options);
        ObjectNames names = new ObjectNames(options.namespace(), INTEROP_NAMESPACE, options.systemName());
        ServerConfig serverConfig = serverConfig(options);
        lio.restoreMissingSavedConfig();
        Path database = options.stateDir().resolve(DATABASE);
        StateStore store = StateCheck.open(lio, database, "Restore " + database + " from a backup, or rebuild what"
                + " LIO and the volumes themselves record with: " + rebuildCommand(options));
        Lvm lvm = Lvm.system();
        LioInventory inventory = new LioInventory(lio, new PoolCatalog(options.pools(), lvm), options.systemName(), store);
        ReplicaEngine engine = new ReplicaEngine(lio, lvm, inventory, store, new FileReplicator(), EngineSettings.defaults());
        ProviderRegistry providers = SmisProviders.register(new ProviderRegistry(), inventory, engine, names);
        Dispatcher cimom = new Dispatcher(classes(options), providers,
                new Namespaces(Set.of(options.namespace(), INTEROP_NAMESPACE)));
        EmbeddedServer server;
        try {
            server = EmbeddedServer.start(serverConfig, cimom);
        } catch (IOException | RuntimeException e) {
            engine.close();
            store.close();
            throw e;
        }
        System.out.println("lio-smis serving " + options.namespace() + " and " + INTEROP_NAMESPACE
                + (server.httpPort() > 0 ? " on http://" + options.bindAddress() + ":" + server.httpPort() : "")
                + (server.httpsPort() > 0 ? " and https://" + options.bindAddress() + ":" + server.httpsPort() : "")
                + (options.demo() ? " (demo, emulated LIO in " + options.configfsRoot() + ")" : ""));
        return new RunningService(server, engine, store, lock);
    }

    /** The rebuild-state command for the same state directory and LIO. */
    private static String rebuildCommand(ServeOptions options) {
        return "lio-smis rebuild-state" + (options.demo() ? " --demo" : "") + " --state-dir " + options.stateDir()
                + (options.demo() || options.configfsRoot().equals(ServeOptions.KERNEL_CONFIGFS) ? ""
                : " --configfs " + options.configfsRoot());
    }

    static LioRoot kernel(ServeOptions options) throws UsageException {
        if (!Files.isDirectory(options.configfsRoot())) {
            throw new UsageException("no LIO configfs at " + options.configfsRoot() + ": load the target_core_mod"
                    + " module and mount configfs (modprobe target_core_mod), or try lio-smis with --demo");
        }
        return new LioRoot(new KernelConfigFs(options.configfsRoot()), ConfigFsLock.forFile(LioRoot.DEFAULT_LOCK_FILE),
                null, SavedConfigFile.atDefaultLocation());
    }

    private static ClassRepository classes(ServeOptions options) {
        return options.schema() == null ? ClassRepositories.builtIn() : ClassRepositories.withDmtfSchema(options.schema());
    }

    private static ServerConfig serverConfig(ServeOptions options) throws IOException, UsageException {
        ServerConfig config = ServerConfig.defaults()
                .withBindAddress(options.bindAddress())
                .withHttpPort(options.httpPort())
                .withHttpsPort(options.httpsPort())
                .withStateDirectory(options.stateDir())
                .withCredentials(credentials(options), "lio-smis");
        return options.keystore() == null ? config : config.withKeyStore(options.keystore(), options.keystorePassword());
    }

    private static Credentials credentials(ServeOptions options) throws IOException, UsageException {
        if (options.demo()) {
            return Credentials.empty().with(DemoSetup.USER, DemoSetup.password(options.stateDir()));
        }
        if (!Files.isRegularFile(options.credentials())) {
            throw new UsageException("no credentials file at " + options.credentials() + ": create one with"
                    + " \"lio-smis passwd --file " + options.credentials() + " admin\"");
        }
        return Credentials.load(options.credentials());
    }
}
