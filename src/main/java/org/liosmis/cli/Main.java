package org.liosmis.cli;

import org.liosmis.service.UsageException;
import java.util.Arrays;
import java.util.List;

/**
 * The lio-smis command: "serve" runs the WBEM server, "passwd" manages its users,
 * "rebuild-state" makes a new state database after the old one was lost.
 */
public final class Main {

    private static final String USAGE = "usage:\n  " + ServeOptions.USAGE.strip() + "\n  " + PasswdCommand.USAGE
            + "\n  " + RebuildStateCommand.USAGE;

    private Main() {
    }

    public static void main(String[] args) {
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            switch (args.length == 0 ? "" : args[0]) {
                case "serve" -> ServeCommand.run(rest);
                case "passwd" -> PasswdCommand.run(rest);
                case "rebuild-state" -> RebuildStateCommand.run(rest, System.out);
                case "help", "--help", "-h" -> System.out.println(USAGE);
                default -> throw new UsageException(args.length == 0 ? "no command given" : "unknown command \"" + args[0] + "\"");
            }
        } catch (UsageException e) {
            System.err.println("lio-smis: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("lio-smis: " + e.getMessage());
            System.exit(1);
        }
    }
}
