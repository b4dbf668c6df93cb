package org.liosmis.host.embedded;

import java.io.IOException;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * What HTTPS speaks: TLS 1.3, and TLS 1.2 only with forward-secret key exchange and AEAD
 * ciphers (GCM, ChaCha20-Poly1305); no CBC suites, no SHA-1 MACs, no renegotiation.
 * Every client of this century (wbemcli's OpenSSL, Java 8 and later, pywbem) has these.
 */
final class TlsPolicy {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final String[] CIPHER_SUITES = {
        "^TLS_AES_.*$", "^TLS_CHACHA20_POLY1305_.*$",
        "^TLS_ECDHE_(RSA|ECDSA)_WITH_AES_(128|256)_GCM_SHA(256|384)$",
        "^TLS_ECDHE_(RSA|ECDSA)_WITH_CHACHA20_POLY1305_SHA256$",
    };

    private TlsPolicy() {
    }

    static SslContextFactory.Server serverContext(ServerConfig config) throws IOException {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(TlsKeyStore.sslContext(config));
        tls.setIncludeProtocols(PROTOCOLS);
        tls.setIncludeCipherSuites(CIPHER_SUITES);
        tls.setRenegotiationAllowed(false);
        return tls;
    }
}
