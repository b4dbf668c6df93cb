package org.liosmis.host.jmpi;

import org.pegasus.jmpi.CIMException;

/**
 * A CIM error for the broker, with the exact DSP0200 status code: JMPI's own CIMException
 * knows codes 0 to 16 only (17, CIM_ERR_METHOD_NOT_FOUND, and every later one come out as
 * CIM_ERR_FAILED), and the broker asks the thrown exception for its code.
 */
final class CimError extends CIMException {

    private final int code;

    CimError(int code, String description) {
        super(code, description);
        this.code = code;
    }

    @Override
    public int getCode() {
        return code;
    }

    // the broker prints every provider exception it receives: a description, no stack
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
