package org.liosmis.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.liosmis.testing.DemoClients;
import org.liosmis.testing.ServerProcess;
import org.liosmis.testing.WbemUrl;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The server a benchmark measures. By default "serve --demo" in a JVM of its own
 * ({@code -Xmx512m}). Given the system property bench.url (http://USER:PASSWORD@HOST:PORT),
 * any WBEM server hosting the lio-smis demo, a CIM broker say: its CPU time is that of the
 * processes bench.pids lists (comma-separated; none, not measured), and bench.label is what
 * the results call it (by default its address).
 */
final class BenchTarget implements AutoCloseable {

    private final String label;
    private final WbemUrl address;
    private final List<Long> pids;
    private final ServerProcess embedded;
    private final List<WBEMClient> clients = new ArrayList<>();

    private BenchTarget(String label, WbemUrl address, List<Long> pids, ServerProcess embedded) {
        this.label = label;
        this.address = address;
        this.pids = pids;
        this.embedded = embedded;
    }

    /** The server the system properties name, or the embedded one on the given empty state directory. */
    static BenchTarget open(Path emptyStateDir) throws Exception {
        String url = property("bench.url");
        if (!url.isEmpty()) {
            WbemUrl address = WbemUrl.parse(URI.create(url), "bench.url");
            String label = property("bench.label");
            return new BenchTarget(label.isEmpty() ? address.server().toString() : label, address,
                    Arrays.stream(property("bench.pids").split(",")).map(String::strip).filter(p -> !p.isEmpty())
                            .map(Long::valueOf).toList(), null);
        }
        ServerProcess server = ServerProcess.start(emptyStateDir, List.of("-Xmx512m"));
        try {
            return new BenchTarget("lio-smis serve --demo (started by the benchmark)", new WbemUrl(
                    URI.create("http://127.0.0.1:" + server.httpPort()), DemoClients.USER, server.password()),
                    List.of(server.pid()), server);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    /** What the results call the server. */
    String label() {
        return label;
    }

    WbemUrl address() {
        return address;
    }

    /** The processes whose CPU time is the server's; empty when not known. */
    List<Long> pids() {
        return pids;
    }

    /** A CIM-XML client of the server; the target closes it. */
    WBEMClient client() throws Exception {
        WBEMClient client = address.connect();
        clients.add(client);
        return client;
    }

    /** Closes the clients and stops the server the benchmark started; a server given by URL runs on. */
    @Override
    public void close() throws InterruptedException {
        clients.forEach(WBEMClient::close);
        if (embedded != null) {
            embedded.close();
        }
    }

    /** A system property, empty when not given. */
    private static String property(String name) {
        return System.getProperty(name, "").strip();
    }
}
