package org.liosmis.host.cimxml;

import java.io.IOException;

/**
 * The operation failed after part of its response had been sent. The document cannot be
 * completed honestly, so the transport must break the response off (the embedded server
 * closes the connection without ending the chunked body) rather than end it cleanly.
 */
public class ResponseAborted extends IOException {

    public ResponseAborted(String message, Throwable cause) {
        super(message, cause);
    }
}
