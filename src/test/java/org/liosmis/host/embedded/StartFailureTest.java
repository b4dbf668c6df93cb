package org.liosmis.host.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server that cannot listen says which address and what to do, and leaves nothing running. */
@Timeout(30)
class StartFailureTest {

    @Test
    void aPortInUseIsNamedWithWhatToDo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerConfig config = TestServers.config().withHttpPort(taken.getLocalPort());
            IOException failure = assertThrows(IOException.class,
                    () -> EmbeddedServer.start(config, new FakeOperations()));
            assertEquals("Failed to bind to /127.0.0.1:" + taken.getLocalPort() + ": Address already in use; stop what"
                    + " holds the port or choose another one", failure.getMessage());
        }
        try (EmbeddedServer server = TestServers.start(new FakeOperations());
             RawHttp http = new RawHttp(server.httpPort())) {
            assertEquals(200, http.call("EnumerateInstanceNames", BadInputTest.call("EnumerateInstanceNames",
                    "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"LIO_StorageVolume\"/></IPARAMVALUE>")).status());
        }
    }
}
