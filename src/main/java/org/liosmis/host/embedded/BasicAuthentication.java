package org.liosmis.host.embedded;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic authentication against {@link Credentials}. Credentials sent up front
 * (wbemcli) and credentials sent after the 401 challenge (the SBLIM Java client) both
 * work. A password hash costs tens of milliseconds by design, so Authorization headers
 * that passed are remembered (as keyed digests, never in clear) for the server's life, and
 * failed logins are slowed per client address ({@link LoginThrottle}).
 */
final class BasicAuthentication {

    private static final int REMEMBERED_MAX = 256;

    /** What a request's Authorization header earned it. */
    sealed interface Outcome {
    }

    record Authenticated(String user) implements Outcome {
    }

    /** No or wrong credentials: answer 401 with the challenge. */
    record Challenge(String header) implements Outcome {
    }

    /** Too many failed logins from the client's address: answer 429 and let it retry after the pause. */
    record Paused(Duration left) implements Outcome {
    }

    private final Credentials credentials;
    private final Challenge challenge;
    private final LoginThrottle throttle = new LoginThrottle();
    private final byte[] digestKey = new byte[32];
    private final Set<String> passed = ConcurrentHashMap.newKeySet();

    BasicAuthentication(Credentials credentials, String realm) {
        this.credentials = credentials;
        this.challenge = new Challenge("Basic realm=\"" + realm.replace("\"", "") + "\"");
        new SecureRandom().nextBytes(digestKey);
    }

    Outcome authenticate(String header, InetAddress client) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return challenge;
        }
        char[] userAndPassword = decode(header.substring(6).trim());
        try {
            int colon = indexOf(userAndPassword, ':');
            String user = new String(userAndPassword, 0, Math.max(colon, 0));
            String remembered = digest(header);
            // a remembered header proves the password already, so it passes even while its address pauses
            if (colon >= 0 && passed.contains(remembered)) {
                return new Authenticated(user);
            }
            Duration pause = throttle.pauseLeft(client);
            if (!pause.isZero()) {
                return new Paused(pause);
            }
            if (colon < 0) {
                throttle.failed(client);
                return challenge;
            }
            char[] password = Arrays.copyOfRange(userAndPassword, colon + 1, userAndPassword.length);
            boolean valid = credentials.verify(user, password);
            Arrays.fill(password, '\0');
            if (!valid) {
                throttle.failed(client);
                return challenge;
            }
            throttle.succeeded(client);
            if (passed.size() >= REMEMBERED_MAX) {
                passed.clear();
            }
            passed.add(remembered);
            return new Authenticated(user);
        } finally {
            Arrays.fill(userAndPassword, '\0');
        }
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
