package org.liosmis.cli;

import org.liosmis.service.Arguments;
import org.liosmis.service.UsageException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.liosmis.host.embedded.Credentials;
import org.liosmis.lio.configfs.ErrnoMapping;

/**
 * "lio-smis passwd --file FILE [--delete] USER": adds a user, changes a password or removes a
 * user. The password is read from the terminal (asked twice) or, in scripts, from the first
 * line of standard input.
 */
final class PasswdCommand {

    static final String USAGE = "lio-smis passwd --file FILE [--delete] USER   (password from the terminal or stdin)";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PasswdCommand() {
    }

    static void run(List<String> args) throws UsageException, IOException {
        Path file = null;
        boolean delete = false;
        String user = null;
        Arguments in = new Arguments(args);
        while (in.hasNext()) {
            String arg = in.next();
            switch (arg) {
                case "--file" -> file = Path.of(in.value(arg));
                case "--delete" -> delete = true;
                default -> {
                    if (arg.startsWith("--") || user != null) {
                        throw new UsageException("unexpected \"" + arg + "\"; usage: " + USAGE);
                    }
                    user = arg;
                }
            }
        }
        if (file == null || user == null) {
            throw new UsageException("usage: " + USAGE);
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(file + " is a directory; give the credentials file in it, for example --file "
                    + file.resolve("credentials"));
        }
        Credentials credentials = Files.exists(file) ? Credentials.load(file) : Credentials.empty();
        if (delete) {
            if (!credentials.users().contains(user)) {
                throw new UsageException("no user \"" + user + "\" in " + file);
            }
            save(credentials.without(user), file);
            return;
        }
        char[] password = readPassword();
        try {
            save(credentials.with(user, password), file);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Writes the file, first making its directory when missing: readable by its owner only, as
     * the state directory the file usually lives in holds the server's database and keys too.
     */
    private static void save(Credentials credentials, Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            credentials.save(file);
        } catch (IOException e) {
            throw new IOException("cannot write the credentials file " + file + ": " + reason(e, directory)
                    + "; give --file a path this user may write", e);
        }
    }

    /** Why a write failed, in words: the exception's own message is often a bare path. */
    private static String reason(IOException e, Path directory) {
        Path existing = directory;
        while (!Files.exists(existing)) {
            existing = existing.getParent(); // absolute, so it ends at the root at the latest
        }
        return Files.isDirectory(existing) ? ErrnoMapping.errnoOf(e).text() : existing + " is not a directory";
    }

    private static char[] readPassword() throws IOException, UsageException {
        Console console = System.console();
        char[] password;
        if (console != null && console.isTerminal()) {
            password = console.readPassword("password: ");
            char[] again = console.readPassword("again: ");
            if (password == null || !Arrays.equals(password, again)) {
                throw new UsageException("the two passwords differ");
            }
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password.length < 8) {
            throw new UsageException("a password needs at least 8 characters");
        }
        return password;
    }
}
