package org.liosmis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.liosmis.host.embedded.EmbeddedServer;
import org.liosmis.service.LioSmisService;
import org.liosmis.testing.DemoClients;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** "lio-smis serve --demo" started in-process on ephemeral ports, as the tests' real server. */
final class DemoServer implements DemoTarget {

    private final RunningService service;
    private final EmbeddedServer server;
    private final Path stateDir;
    private final List<WBEMClient> clients = new ArrayList<>();

    private DemoServer(RunningService service, Path stateDir) {
        this.service = service;
        this.server = service.server();
        this.stateDir = stateDir;
    }

    static DemoServer start(Path stateDir, String... extraOptions) throws Exception {
        List<String> args = new ArrayList<>(List.of("--demo", "--state-dir", stateDir.toString(),
                "--http-port", "0", "--https-port", "0"));
        args.addAll(List.of(extraOptions));
        return new DemoServer(ServeCommand.start(ServeOptions.parse(args)), stateDir);
    }

    @Override
    public String user() {
        return DemoClients.USER;
    }

    @Override
    public String password() throws Exception {
        return DemoClients.password(stateDir);
    }

    @Override
    public String interopNamespace() {
        return LioSmisService.INTEROP_NAMESPACE;
    }

    @Override
    public Path stateDir() {
        return stateDir;
    }

    @Override
    public String url() throws Exception {
        return url("http");
    }

    /** The base URL wbemcli takes, credentials included. */
    String url(String scheme) throws Exception {
        return scheme + "://" + user() + ":" + password() + "@127.0.0.1:" + port(scheme);
    }

    /** The port the server bound for "http" or "https". */
    int port(String scheme) {
        return scheme.equals("https") ? server.httpsPort() : server.httpPort();
    }

    @Override
    public WBEMClient client(String password) throws Exception {
        WBEMClient client = DemoClients.connect(server.httpPort(), password);
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(WBEMClient::close);
        service.close();
    }
}
