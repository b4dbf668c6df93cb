package org.liosmis.cli;

import org.liosmis.host.embedded.EmbeddedServer;
import org.liosmis.service.LioSmisService;

/** A started lio-smis: closing it stops the server first, then the layers below it. */
record RunningService(EmbeddedServer server, LioSmisService service) implements AutoCloseable {

    @Override
    public void close() {
        server.close();
        service.close();
    }
}
