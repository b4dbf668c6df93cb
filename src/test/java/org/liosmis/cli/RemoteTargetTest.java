package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.CimQueries;
import org.liosmis.testing.ReplicaClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** A remote target, here the embedded server given by its URL, is left as found whatever the tests made. */
class RemoteTargetTest {

    @TempDir
    Path stateDir;

    @Test
    void closingReturnsWhatTheTestsMadeAndDeletesTheirJobs() throws Exception {
        try (DemoServer server = DemoServer.start(stateDir)) {
            try (DemoTarget target = RemoteTarget.open(URI.create(server.url()), server.interopNamespace(), stateDir)) {
                ReplicaClient replicas = new ReplicaClient(target.client());
                ReplicaClient.Outcome left = replicas.createReplica("fileio/demo1", ReplicaClient.SNAPSHOT, "left", null);
                if (left.job() != null) {
                    replicas.awaitEnd(left.job());
                }
                assertEquals(4, replicas.volumes().size());
                // closed at once: its copy job may still be running
                int running = replicas.createReplica("fileio/demo2", ReplicaClient.CLONE, "running", null).returnValue();
                assertTrue(running == 0 || running == 4096, "CreateReplica returned " + running);
            }
            WBEMClient client = server.client();
            assertEquals(RemoteTarget.DEMO_VOLUMES, new ReplicaClient(client).volumeIds());
            assertEquals(List.of(), CimQueries.all(client.enumerateInstanceNames(
                    CimQueries.path(ReplicaClient.NAMESPACE, "LIO_ConcreteJob"))));
            try (var files = Files.list(stateDir.resolve("pool"))) {
                assertEquals(List.of("demo1.img", "demo2.img", "demo3.img"),
                        files.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }
    }

    @Test
    void aUrlWithoutCredentialsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RemoteTarget.open(URI.create("http://127.0.0.1:15988"), "root/PG_InterOp", stateDir));
        assertEquals("liosmis.target.url must have the form http://USER:PASSWORD@HOST:PORT", e.getMessage());
    }
}
