package org.liosmis.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.liosmis.host.embedded.Credentials;

/**
 * "lio-smis passwd --file FILE [--delete] USER": adds a user, changes a password or removes a
 * user. The password is read from the terminal (asked twice) or, in scripts, from the first
 * line of standard input.
 */
final class PasswdCommand {

    static final String USAGE = "lio-smis passwd --file FILE [--delete] USER   (password from the terminal or stdin)";

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
        Credentials credentials = Files.exists(file) ? Credentials.load(file) : Credentials.empty();
        if (delete) {
            if (!credentials.users().contains(user)) {
                throw new UsageException("no user \"" + user + "\" in " + file);
            }
            credentials.without(user).save(file);
            return;
        }
        char[] password = readPassword();
        try {
            credentials.with(user, password).save(file);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
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
