package org.liosmis.host.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.TrustingTls;

/** HTTPS speaks TLS 1.3, and TLS 1.2 only with forward-secret AEAD suites: no CBC, no SHA-1 MACs. */
@Timeout(60)
class TlsSuitesTest {

    @TempDir
    static Path state;
    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws IOException {
        server = TestServers.startWithHttps(new FakeOperations(), state);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String handshake(String protocol, String suite) throws IOException, GeneralSecurityException {
        try (SSLSocket socket = (SSLSocket) TrustingTls.socketFactory().createSocket(InetAddress.getLoopbackAddress(),
                server.httpsPort())) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            if (suite != null) {
                socket.setEnabledCipherSuites(new String[] {suite});
            }
            socket.startHandshake();
            return socket.getSession().getCipherSuite();
        }
    }

    @Test
    void tls13IsSpoken() throws Exception {
        assertEquals("TLS_AES_256_GCM_SHA384", handshake("TLSv1.3", "TLS_AES_256_GCM_SHA384"));
    }

    @Test
    void tls12WithForwardSecretAeadIsSpoken() throws Exception {
        assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        assertEquals("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
                handshake("TLSv1.2", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"));
    }

    @Test
    void cbcAndSha1SuitesAreRefused() {
        for (String suite : new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
            "TLS_DHE_RSA_WITH_AES_128_CBC_SHA"}) {
            assertThrows(SSLHandshakeException.class, () -> handshake("TLSv1.2", suite), suite);
        }
    }
}
