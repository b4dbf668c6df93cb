package org.liosmis.engine;

/** LIO or a pool could not be read or changed; the message says what and why. */
public final class EngineException extends RuntimeException {

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
