package org.liosmis.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.liosmis.cimom.CimOperations;
import org.liosmis.cimom.Dispatcher;
import org.liosmis.cimom.NamespaceAliases;
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
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.ConfigFsLock;
import org.liosmis.lio.configfs.KernelConfigFs;
import org.liosmis.lio.saveconfig.SavedConfigFile;
import org.liosmis.lvm.Lvm;
import org.liosmis.schema.ClassRepositories;
import org.liosmis.schema.ClassRepository;
import org.liosmis.smis.ObjectManager;
import org.liosmis.smis.ObjectNames;
import org.liosmis.smis.SmisProviders;

/**
 * Every layer below a host, started on one state directory: LIO, the state database, the
 * replica engine, the SMI-S providers and the dispatcher a host hands its operations to.
 * Closing it stops the engine, then its database, and last gives up the state directory.
 */
public final class LioSmisService implements AutoCloseable {

    /** The embedded server's interop namespace; a broker serves its own. */
    public static final String INTEROP_NAMESPACE = "interop";
    /** What clients try when interop is not there; answered as interop, in the namespace asked for. */
    public static final String INTEROP_ALIAS = "root/interop";
    /**
     * The interop namespace under a broker: SFCB's, where lio-smis registers its profiles
     * (OpenPegasus serves them itself, from its own).
     */
    public static final String BROKER_INTEROP_NAMESPACE = "root/interop";
    /** The state database's file in the state directory. */
    public static final String DATABASE = "lio-smis.db";

    private final ReplicaEngine engine;
    private final StateStore store;
    private final StateDirectory.Lock lock;
    private final CimOperations cimom;

    private LioSmisService(ReplicaEngine engine, StateStore store, StateDirectory.Lock lock, CimOperations cimom) {
        this.engine = engine;
        this.store = store;
        this.lock = lock;
        this.cimom = cimom;
    }

    /** Starts the layers for a broker, which describes itself in its own interop namespace. */
    public static LioSmisService start(ServiceOptions options) throws UsageException, IOException, ConfigFsException {
        return start(options, Optional.empty());
    }

    /**
     * Starts the layers, holding the state directory until closed; nothing is left held when it
     * fails. With an object manager (lio-smis' own WBEM server) interop describes it too.
     */
    public static LioSmisService start(ServiceOptions options, Optional<ObjectManager> objectManager)
            throws UsageException, IOException, ConfigFsException {
        StateDirectory.Lock lock = StateDirectory.lock(StateDirectory.create(options.stateDir()));
        try {
            return start(options, objectManager, lock);
        } catch (UsageException | IOException | ConfigFsException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static LioSmisService start(ServiceOptions options, Optional<ObjectManager> objectManager,
                                        StateDirectory.Lock lock)
            throws UsageException, IOException, ConfigFsException {
        for (PoolBacking pool : options.pools().values()) {
            if (pool instanceof PoolBacking.Directory directory) {
                Files.createDirectories(directory.path());
            }
        }
        LioRoot lio = options.demo()
                ? DemoSetup.prepare(options.stateDir(), ((PoolBacking.Directory) options.pools().get("default")).path())
                : kernel(options);
        String interop = objectManager.isPresent() ? INTEROP_NAMESPACE : BROKER_INTEROP_NAMESPACE;
        ObjectNames names = new ObjectNames(options.namespace(), interop, options.systemName());
        lio.restoreMissingSavedConfig();
        Path database = options.stateDir().resolve(DATABASE);
        StateStore store = StateCheck.open(lio, database, "Restore " + database + " from a backup, or rebuild what"
                + " LIO and the volumes themselves record with: " + rebuildCommand(options));
        Lvm lvm = Lvm.system();
        LioInventory inventory = new LioInventory(lio, new PoolCatalog(options.pools(), lvm), options.systemName(), store);
        ReplicaEngine engine = new ReplicaEngine(lio, lvm, inventory, store, new FileReplicator(),
                EngineSettings.defaults().withCyclePeriod(options.mirrorCycle()));
        ProviderRegistry providers = SmisProviders.register(new ProviderRegistry(), inventory, engine, names,
                objectManager);
        CimOperations cimom = new NamespaceAliases(new Dispatcher(classes(options), providers,
                new Namespaces(Set.copyOf(names.namespaces()))),
                objectManager.isPresent() ? Map.of(INTEROP_ALIAS, INTEROP_NAMESPACE) : Map.of());
        return new LioSmisService(engine, store, lock, cimom);
    }

    /** The operations a host hands on. */
    public CimOperations cimom() {
        return cimom;
    }

    /** The rebuild-state command for the same state directory and LIO. */
    private static String rebuildCommand(ServiceOptions options) {
        return "lio-smis rebuild-state" + (options.demo() ? " --demo" : "") + " --state-dir " + options.stateDir()
                + (options.demo() || options.configfsRoot().equals(ServiceOptions.KERNEL_CONFIGFS) ? ""
                : " --configfs " + options.configfsRoot());
    }

    /** Says what to do when the options name a kernel LIO that is not there. */
    public static void requireLio(ServiceOptions options) throws UsageException {
        if (!options.demo() && !Files.isDirectory(options.configfsRoot())) {
            throw new UsageException("no LIO configfs at " + options.configfsRoot() + ": load the target_core_mod"
                    + " module and mount configfs (modprobe target_core_mod), or try lio-smis with --demo");
        }
    }

    /** The kernel's LIO at the options' configfs root. */
    public static LioRoot kernel(ServiceOptions options) throws UsageException {
        requireLio(options);
        return new LioRoot(new KernelConfigFs(options.configfsRoot()), ConfigFsLock.forFile(LioRoot.DEFAULT_LOCK_FILE),
                null, SavedConfigFile.atDefaultLocation());
    }

    private static ClassRepository classes(ServiceOptions options) {
        return options.schema() == null ? ClassRepositories.builtIn() : ClassRepositories.withDmtfSchema(options.schema());
    }

    @Override
    public void close() {
        engine.close();
        store.close();
        lock.close();
    }
}
