/*
 * The part of OpenPegasus' JMPI API (package org.pegasus.jmpi) that lio-smis calls, declared from
 * its published signatures so the JMPI host compiles and its tests run without the broker.
 * Compile-only: never packaged; at run time the broker's JMPIImpl.jar supplies the real class.
 */
package org.pegasus.jmpi;

/** The broker turns one thrown by a provider into a CIM error of {@link #getCode()} and the message. */
public class CIMException extends Exception {

    public static final String CIM_ERR_FAILED = "CIM_ERR_FAILED";
    private static final String[] IDS = {"CIM_ERR_SUCCESS", CIM_ERR_FAILED, "CIM_ERR_ACCESS_DENIED",
        "CIM_ERR_INVALID_NAMESPACE", "CIM_ERR_INVALID_PARAMETER", "CIM_ERR_INVALID_CLASS", "CIM_ERR_NOT_FOUND",
        "CIM_ERR_NOT_SUPPORTED", "CIM_ERR_CLASS_HAS_CHILDREN", "CIM_ERR_CLASS_HAS_INSTANCES",
        "CIM_ERR_INVALID_SUPERCLASS", "CIM_ERR_ALREADY_EXISTS", "CIM_ERR_NO_SUCH_PROPERTY", "CIM_ERR_TYPE_MISMATCH",
        "CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED", "CIM_ERR_INVALID_QUERY", "CIM_ERR_METHOD_NOT_AVAILABLE",
        "CIM_ERR_METHOD_NOT_FOUND"};

    protected String msg;
    protected String id;

    public CIMException() {
    }

    public CIMException(int code, String m) {
        id = code >= 0 && code <= 17 ? IDS[code] : CIM_ERR_FAILED;
        msg = m;
    }

    public CIMException(String strId, String m) {
        id = strId;
        msg = m;
    }

    public String getID() {
        return id;
    }

    /** As the broker's own: the codes up to 16 by their identifier, 1 for any other. */
    public int getCode() {
        for (int i = 0; i < 17; i++) {
            if (IDS[i].equals(id)) {
                return i;
            }
        }
        return 1;
    }

    @Override
    public String getMessage() {
        return msg;
    }
}
