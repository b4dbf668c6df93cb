package org.liosmis.service;

/** A command line that cannot be run as given; the message says what to change. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
