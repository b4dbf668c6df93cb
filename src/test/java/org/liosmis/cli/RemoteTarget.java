package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.liosmis.testing.CimQueries;
import org.liosmis.testing.DemoClients;
import org.liosmis.testing.ReplicaClient;
import org.liosmis.testing.WbemUrl;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * A lio-smis demo served by the WBEM server at http://USER:PASSWORD@HOST:PORT. Every test
 * class shares it, so it is put back as found when opened and when closed: its jobs awaited
 * and deleted, every volume but the three demo ones returned to the pool.
 */
final class RemoteTarget implements DemoTarget {

    static final List<String> DEMO_VOLUMES = List.of("fileio/demo1", "fileio/demo2", "fileio/demo3");

    private final String url;
    private final WbemUrl address;
    private final String interopNamespace;
    private final Path stateDir;
    private final List<WBEMClient> clients = new ArrayList<>();

    private RemoteTarget(String url, WbemUrl address, String interopNamespace, Path stateDir) {
        this.url = url;
        this.address = address;
        this.interopNamespace = interopNamespace;
        this.stateDir = stateDir;
    }

    static RemoteTarget open(URI url, String interopNamespace, Path stateDir) throws Exception {
        RemoteTarget target = new RemoteTarget(url.toString().replaceAll("/+$", ""),
                WbemUrl.parse(url, "liosmis.target.url"), interopNamespace, stateDir);
        // a run stopped halfway may have left replicas behind
        target.reset();
        return target;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String user() {
        return address.user();
    }

    @Override
    public String password() {
        return address.password();
    }

    @Override
    public String interopNamespace() {
        return interopNamespace;
    }

    @Override
    public Path stateDir() {
        return stateDir;
    }

    @Override
    public WBEMClient client(String password) throws Exception {
        WBEMClient client = DemoClients.connect(address.server(), address.user(), password);
        clients.add(client);
        return client;
    }

    @Override
    public void close() throws Exception {
        try {
            reset();
        } finally {
            clients.forEach(WBEMClient::close);
        }
    }

    private void reset() throws Exception {
        WBEMClient client = client();
        ReplicaClient replicas = new ReplicaClient(client);
        for (CIMObjectPath job : CimQueries.all(client.enumerateInstanceNames(
                CimQueries.path(ReplicaClient.NAMESPACE, "LIO_ConcreteJob")))) {
            try {
                replicas.awaitEnd(job);
                client.deleteInstance(job);
            } catch (WBEMException e) {
                // an ended job also goes by itself after its TimeBeforeRemoval
                if (e.getID() != WBEMException.CIM_ERR_NOT_FOUND) {
                    throw e;
                }
            }
        }
        for (CIMObjectPath volume : replicas.volumes()) {
            if (!DEMO_VOLUMES.contains((String) volume.getKeyValue("DeviceID"))) {
                assertEquals(0, replicas.returnToStoragePool(volume), "ReturnToStoragePool of " + volume);
            }
        }
    }
}
