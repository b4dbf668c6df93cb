package org.liosmis.host.embedded;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic authentication against {@link Credentials}. Credentials sent up front
 * (wbemcli) and credentials sent after the 401 challenge (the SBLIM Java client) both
 * work. A password hash costs tens of milliseconds by design, so Authorization headers
 * that passed are remembered (as keyed digests, never in clear) for the server's life.
 */
final class BasicAuthentication extends Authenticator {

    private static final int REMEMBERED_MAX = 256;

    private final Credentials credentials;
    private final String realm;
    private final String challenge;
    private final byte[] digestKey = new byte[32];
    private final Set<String> passed = ConcurrentHashMap.newKeySet();

    BasicAuthentication(Credentials credentials, String realm) {
        this.credentials = credentials;
        this.realm = realm.replace("\"", "");
        this.challenge = "Basic realm=\"" + this.realm + "\"";
        new SecureRandom().nextBytes(digestKey);
    }

    @Override
    public Result authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return challenge(exchange);
        }
        char[] userAndPassword = decode(header.substring(6).trim());
        try {
            int colon = indexOf(userAndPassword, ':');
            if (colon < 0) {
                return challenge(exchange);
            }
            String user = new String(userAndPassword, 0, colon);
            String remembered = digest(header);
            if (passed.contains(remembered)) {
                return new Success(new HttpPrincipal(user, realm));
            }
            char[] password = Arrays.copyOfRange(userAndPassword, colon + 1, userAndPassword.length);
            boolean valid = credentials.verify(user, password);
            Arrays.fill(password, '\0');
            if (!valid) {
                return challenge(exchange);
            }
            if (passed.size() >= REMEMBERED_MAX) {
                passed.clear();
            }
            passed.add(remembered);
            return new Success(new HttpPrincipal(user, realm));
        } finally {
            Arrays.fill(userAndPassword, '\0');
        }
    }

    private Result challenge(HttpExchange exchange) {
        exchange.getResponseHeaders().set("WWW-Authenticate", challenge);
        return new Retry(401);
    }

    private static char[] decode(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            Arrays.fill(bytes, (byte) 0);
            return Arrays.copyOf(chars.array(), chars.limit());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return new char[0];
        }
    }

    private static int indexOf(char[] chars, char wanted) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private String digest(String header) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(digestKey);
            return HexFormat.of().formatHex(sha.digest(header.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
