package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.host.embedded.Credentials;
import org.liosmis.testing.LioSmisCommand;

/** "lio-smis passwd" run as an administrator runs it, the password on standard input. */
class PasswdCommandTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    @Test
    void makesTheMissingDirectoryOfTheCredentialsFileForItsOwnerOnly() throws Exception {
        Path file = dir.resolve("var/lib/lio-smis/credentials");
        LioSmisCommand.Result result = LioSmisCommand.run(PASSWORD + "\n", "passwd", "--file", file.toString(), "admin");
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(Credentials.load(file).verify("admin", PASSWORD.toCharArray()));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void aFileInTheWayOfTheDirectoryIsAnsweredWithASentence() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("lio-smis"), "a file\n");
        Path file = notADirectory.resolve("credentials");
        LioSmisCommand.Result result = LioSmisCommand.run(PASSWORD + "\n", "passwd", "--file", file.toString(), "admin");
        assertEquals(1, result.exitCode(), result.stderr());
        assertTrue(result.stderr().startsWith("lio-smis: cannot write the credentials file " + file + ": "),
                result.stderr());
        assertTrue(result.stderr().contains(notADirectory + " is not a directory"), result.stderr());
        assertFalse(result.stderr().contains("Exception"), result.stderr());
    }

    @Test
    void aDirectoryGivenAsTheFileIsAnsweredWithTheFileToGive() throws Exception {
        LioSmisCommand.Result result = LioSmisCommand.run(PASSWORD + "\n", "passwd", "--file", dir.toString(), "admin");
        assertEquals(2, result.exitCode(), result.stderr());
        assertTrue(result.stderr().startsWith("lio-smis: " + dir + " is a directory; give the credentials file in it,"
                + " for example --file " + dir.resolve("credentials")), result.stderr());
    }
}
