package org.liosmis.host.cimxml;

/**
 * A request refused at the HTTP level, before it became a CIM operation (DSP0200 §7.3):
 * the status code and the value of the CIMError header to send back.
 */
public class RequestRejected extends Exception {

    private final int status;
    private final String cimError;

    public RequestRejected(int status, String cimError, String message) {
        super(message);
        this.status = status;
        this.cimError = cimError;
    }

    public static RequestRejected notWellFormed(String message) {
        return new RequestRejected(400, "request-not-well-formed", message);
    }

    public static RequestRejected notValid(String message) {
        return new RequestRejected(400, "request-not-valid", message);
    }

    public static RequestRejected headerMismatch(String message) {
        return new RequestRejected(400, "header-mismatch", message);
    }

    public int status() {
        return status;
    }

    /** The CIMError header value, or null when the failure is not a CIM one. */
    public String cimError() {
        return cimError;
    }
}
