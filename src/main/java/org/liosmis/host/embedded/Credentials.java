package org.liosmis.host.embedded;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The users allowed to call the server, each with a salted PBKDF2-HMAC-SHA256 hash of
 * the password. The file holds one {@code user:pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * line per user (salt and hash in Base64); it is written with mode 0600. Immutable.
 */
public final class Credentials {

    public static final int DEFAULT_ITERATIONS = 210_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Hash(int iterations, byte[] salt, byte[] hash) {
        String encode() {
            Base64.Encoder b64 = Base64.getEncoder();
            return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        }
    }

    private final Map<String, Hash> users;
    // a user that does not exist still costs one hash, so timing does not tell which names exist
    private static final Hash DECOY = derive(new char[0], new byte[SALT_BYTES], DEFAULT_ITERATIONS);

    private Credentials(Map<String, Hash> users) {
        this.users = Collections.unmodifiableMap(users);
    }

    public static Credentials empty() {
        return new Credentials(new LinkedHashMap<>());
    }

    /** These credentials plus (or with a new password for) the user, hashed with a fresh salt. */
    public Credentials with(String user, char[] password) {
        return with(user, password, DEFAULT_ITERATIONS);
    }

    public Credentials with(String user, char[] password, int iterations) {
        if (user.isEmpty() || user.contains(":") || user.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a user name must be non-empty, without ':' or white space");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Map<String, Hash> copy = new LinkedHashMap<>(users);
        copy.put(user, derive(password, salt, iterations));
        return new Credentials(copy);
    }

    /** These credentials without the user. */
    public Credentials without(String user) {
        Map<String, Hash> copy = new LinkedHashMap<>(users);
        copy.remove(user);
        return new Credentials(copy);
    }

    public List<String> users() {
        return List.copyOf(users.keySet());
    }

    /** True when the user exists and the password is theirs; compared in constant time. */
    public boolean verify(String user, char[] password) {
        Hash stored = users.get(user);
        Hash reference = stored != null ? stored : DECOY;
        Hash offered = derive(password, reference.salt(), reference.iterations());
        return MessageDigest.isEqual(offered.hash(), reference.hash()) && stored != null;
    }

    public static Credentials load(Path file) throws IOException {
        Map<String, Hash> users = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : readLines(file)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException(file + " line " + lineNumber + ": expected user:hash");
            }
            users.put(line.substring(0, colon), parse(line.substring(colon + 1).trim(), file, lineNumber));
        }
        return new Credentials(users);
    }

    /** The file's lines; a file that cannot be read is answered with what to do, not a bare path. */
    private static List<String> readLines(Path file) throws IOException {
        String cannot = "cannot read the credentials file " + file + ": ";
        if (Files.isDirectory(file)) {
            throw new IOException(cannot + "it is a directory; name the file in it (written by lio-smis passwd)");
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw new IOException(cannot + "permission denied; run lio-smis as the user who owns it", e);
        } catch (MalformedInputException e) {
            throw new IOException(cannot + "it is not UTF-8 text; write it with lio-smis passwd", e);
        }
    }

    /** Writes the file atomically, readable by its owner only. */
    public void save(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        users.forEach((user, hash) -> lines.add(user + ":" + hash.encode()));
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, ".credentials", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Hash parse(String encoded, Path file, int lineNumber) throws IOException {
        String[] parts = encoded.split("\\$");
        try {
            if (parts.length != 4 || !parts[0].equals(SCHEME)) {
                throw new IllegalArgumentException("not a " + SCHEME + " hash");
            }
            Base64.Decoder b64 = Base64.getDecoder();
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be positive");
            }
            return new Hash(iterations, b64.decode(parts[2]), b64.decode(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private static Hash derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return new Hash(iterations, salt,
                    SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "Credentials" + users.keySet();
    }
}
