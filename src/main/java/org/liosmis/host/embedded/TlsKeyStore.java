package org.liosmis.host.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key and certificate of the HTTPS listener: a given PKCS12 key store, or a
 * self-signed one generated with keytool on first start into the state directory and
 * reused afterwards (its random password sits next to it, both mode 0600).
 */
final class TlsKeyStore {

    static final String GENERATED_NAME = "https-keystore.p12";
    private static final String PASSWORD_NAME = "https-keystore.password";
    private static final Logger LOG = LoggerFactory.getLogger(TlsKeyStore.class);

    private TlsKeyStore() {
    }

    static SSLContext sslContext(ServerConfig config) throws IOException {
        Path file = config.keyStore();
        String password = config.keyStorePassword();
        if (file == null) {
            file = config.stateDirectory().resolve(GENERATED_NAME);
            password = generatedPassword(config.stateDirectory(), file);
        }
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, secret);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the key store " + file + ": " + e.getMessage(), e);
        }
    }

    private static String generatedPassword(Path stateDirectory, Path file) throws IOException {
        Path passwordFile = stateDirectory.resolve(PASSWORD_NAME);
        if (Files.exists(file) && Files.exists(passwordFile)) {
            return Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
        }
        Files.createDirectories(stateDirectory);
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Files.deleteIfExists(file);
        runKeytool(file, password);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        LOG.info("generated a self-signed HTTPS certificate in {}", file);
        return password;
    }

    private static void runKeytool(Path file, String password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        ProcessBuilder builder = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", "lio-smis", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=localhost, O=lio-smis", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass:env", "LIO_SMIS_STOREPASS", "-keypass:env", "LIO_SMIS_STOREPASS"))
                .redirectErrorStream(true);
        // the password goes through the environment so it never shows in the process list
        builder.environment().put("LIO_SMIS_STOREPASS", password);
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool could not generate " + file + ": " + output.trim());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating " + file, e);
        }
    }
}
