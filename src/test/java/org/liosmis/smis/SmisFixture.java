package org.liosmis.smis;

import java.nio.file.Path;
import java.util.Set;
import org.liosmis.cimom.Dispatcher;
import org.liosmis.cimom.Namespaces;
import org.liosmis.cimom.ProviderRegistry;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.engine.EngineSettings;
import org.liosmis.engine.Inventory;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.StateStore;
import org.liosmis.lio.LioRoot;
import org.liosmis.lvm.Lvm;
import org.liosmis.schema.ClassRepositories;

/** A real engine over an emulated LIO and a state store in a directory, and the SMI-S providers over it. */
final class SmisFixture implements AutoCloseable {

    static final ObjectNames NAMES = new ObjectNames("root/lio", "interop", "target.example");

    final StateStore store;
    final ReplicaEngine engine;
    final Dispatcher cimom;

    SmisFixture(Path dir, Inventory inventory, EngineSettings settings) {
        store = StateStore.open(dir.resolve("state.db"));
        engine = new ReplicaEngine(LioRoot.emulated(dir.resolve("configfs")), Lvm.system(), inventory, store,
                new FileReplicator(), settings);
        cimom = over(inventory);
    }

    /** The providers over another inventory, reading the same engine state. */
    Dispatcher over(Inventory inventory) {
        return new Dispatcher(ClassRepositories.builtIn(), SmisProviders.register(new ProviderRegistry(), inventory,
                engine, NAMES), new Namespaces(Set.of("root/lio", "interop")));
    }

    @Override
    public void close() {
        engine.close();
        store.close();
    }
}
