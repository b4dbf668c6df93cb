package org.liosmis.host.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @Test
    void verifiesOnlyTheRightPassword() {
        Credentials credentials = Credentials.empty().with("alice", "pw1".toCharArray(), 1_000);
        assertTrue(credentials.verify("alice", "pw1".toCharArray()));
        assertFalse(credentials.verify("alice", "pw2".toCharArray()));
        assertFalse(credentials.verify("bob", "pw1".toCharArray()));
    }

    @Test
    void roundTripsThroughAPrivateFile(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("users");
        Credentials.empty().with("alice", "pw1".toCharArray(), 1_000).with("bob", "pw2".toCharArray(), 2_000)
                .save(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(1).startsWith("bob:pbkdf2-sha256$2000$"), lines.get(1));
        assertFalse(String.join("\n", lines).contains("pw1"));
        Credentials loaded = Credentials.load(file);
        assertEquals(List.of("alice", "bob"), loaded.users());
        assertTrue(loaded.verify("bob", "pw2".toCharArray()));
        assertFalse(loaded.without("bob").verify("bob", "pw2".toCharArray()));
    }

    @Test
    void refusesAMalformedLine(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("users");
        Files.writeString(file, "alice:md5$abc\n");
        assertThrows(IOException.class, () -> Credentials.load(file));
    }

    @Test
    void aFileThatCannotBeReadIsAnsweredWithWhatToDo(@TempDir Path directory) throws IOException {
        IOException notAFile = assertThrows(IOException.class, () -> Credentials.load(directory));
        assertEquals("cannot read the credentials file " + directory + ": it is a directory; name the file in it"
                + " (written by lio-smis passwd)", notAFile.getMessage());
        Path binary = directory.resolve("users");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        IOException notText = assertThrows(IOException.class, () -> Credentials.load(binary));
        assertEquals("cannot read the credentials file " + binary + ": it is not UTF-8 text; write it with lio-smis"
                + " passwd", notText.getMessage());
    }

    @Test
    void refusesAUserNameWithAColon() {
        assertThrows(IllegalArgumentException.class, () -> Credentials.empty().with("a:b", new char[0]));
    }
}
