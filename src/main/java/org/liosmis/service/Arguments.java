package org.liosmis.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Walks "--name value" and "--flag" command-line arguments, with precise complaints. */
public final class Arguments {

    private final Deque<String> remaining;

    public Arguments(List<String> args) {
        this.remaining = new ArrayDeque<>(args);
    }

    public boolean hasNext() {
        return !remaining.isEmpty();
    }

    public String next() {
        return remaining.removeFirst();
    }

    public String value(String option) throws UsageException {
        if (remaining.isEmpty() || remaining.peekFirst().startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return remaining.removeFirst();
    }

    /** A TCP port, or -1 for "off". */
    public int port(String option) throws UsageException {
        String text = value(option);
        if (text.equals("off")) {
            return -1;
        }
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a port number from 0 to 65535 or \"off\", not \"" + text + "\"");
        }
    }
}
