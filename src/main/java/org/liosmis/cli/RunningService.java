package org.liosmis.cli;

import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.StateDirectory;
import org.liosmis.engine.StateStore;
import org.liosmis.host.embedded.EmbeddedServer;

/**
 * A started lio-smis: closing it stops the server first, then the engine, then its database,
 * and last gives up the state directory.
 */
record RunningService(EmbeddedServer server, ReplicaEngine engine, StateStore store, StateDirectory.Lock lock)
        implements AutoCloseable {

    @Override
    public void close() {
        server.close();
        engine.close();
        store.close();
        lock.close();
    }
}
