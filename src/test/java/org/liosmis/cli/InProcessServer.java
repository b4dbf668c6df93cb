package org.liosmis.cli;

import java.util.List;

/**
 * "lio-smis serve" with the given options, started in this JVM: for drivers outside this
 * package that need a real (non-demo) server they can stop and start again.
 */
public final class InProcessServer implements AutoCloseable {

    private final RunningService service;

    private InProcessServer(RunningService service) {
        this.service = service;
    }

    public static InProcessServer start(List<String> serveOptions) throws Exception {
        return new InProcessServer(ServeCommand.start(ServeOptions.parse(serveOptions)));
    }

    public int httpPort() {
        return service.server().httpPort();
    }

    @Override
    public void close() {
        service.close();
    }
}
