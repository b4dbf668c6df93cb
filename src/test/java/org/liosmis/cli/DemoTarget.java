package org.liosmis.cli;

import java.net.URI;
import java.nio.file.Path;
import org.liosmis.service.LioSmisService;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The lio-smis demo the end-to-end suites tagged {@value #ANY_HOST} run against: the embedded
 * "serve --demo" by default, or the WBEM server at the system property liosmis.target.url
 * (a CIMOM hosting lio-smis in demo mode), so the same tests prove every host (docs/testing.md).
 */
interface DemoTarget extends AutoCloseable {

    /** The JUnit tag of the suites that run unchanged against any target. */
    String ANY_HOST = "any-host";
    /** Suites that need the host to offer LIO_ReplicationService, whose DMTF parents CIM 2.41 Final lacks. */
    String REPLICATION_SERVICES = "replication-services";

    /** The base URL wbemcli takes, credentials included. */
    String url() throws Exception;

    String user();

    String password() throws Exception;

    /** Where the registered profiles are: interop on the embedded server, root/PG_InterOp on OpenPegasus. */
    String interopNamespace();

    /** The demo's state directory, whose pool/ holds the volumes' backing files. */
    Path stateDir();

    /** An SBLIM client as the target's user; the target closes it. */
    WBEMClient client(String password) throws Exception;

    default WBEMClient client() throws Exception {
        return client(password());
    }

    /** Stops an embedded server; puts a shared remote demo back as it was found. */
    @Override
    void close() throws Exception;

    /**
     * The target the system properties name, or the embedded server on the given empty state
     * directory when they name none.
     */
    static DemoTarget open(Path emptyStateDir) throws Exception {
        String url = property("liosmis.target.url");
        if (url.isEmpty()) {
            return DemoServer.start(emptyStateDir);
        }
        String stateDir = property("liosmis.target.state-dir");
        if (stateDir.isEmpty()) {
            throw new IllegalStateException("liosmis.target.url is set without liosmis.target.state-dir,"
                    + " the state directory of the lio-smis demo that server hosts");
        }
        String interop = property("liosmis.target.interop");
        return RemoteTarget.open(URI.create(url), interop.isEmpty() ? LioSmisService.INTEROP_NAMESPACE : interop,
                Path.of(stateDir));
    }

    /** A system property, empty when not given: Maven passes a property it was not given as empty. */
    private static String property(String name) {
        return System.getProperty(name, "").strip();
    }
}
