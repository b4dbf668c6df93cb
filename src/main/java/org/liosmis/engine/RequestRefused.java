package org.liosmis.engine;

/** The engine will not do what was asked; the reason says why and what to change. */
public final class RequestRefused extends Exception {

    /** The class of refusal, which the SMI-S layer turns into a method return code. */
    public enum Reason {
        INVALID_PARAMETER, IN_USE, NOT_SUPPORTED, FAILED
    }

    private final Reason reason;

    public RequestRefused(Reason reason, String description) {
        super(description);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static RequestRefused invalid(String description) {
        return new RequestRefused(Reason.INVALID_PARAMETER, description);
    }

    static RequestRefused inUse(String description) {
        return new RequestRefused(Reason.IN_USE, description);
    }
}
