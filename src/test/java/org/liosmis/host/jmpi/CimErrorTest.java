package org.liosmis.host.jmpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.pegasus.jmpi.CIMException;

/** Every DSP0200 status code reaches the broker as itself, with its description and no stack. */
class CimErrorTest {

    @Test
    void everyStatusCodeIsKeptWhereJmpisOwnExceptionKnowsOnlyUpTo16() {
        for (int code : new int[] {WBEMException.CIM_ERR_FAILED, WBEMException.CIM_ERR_ACCESS_DENIED,
            WBEMException.CIM_ERR_INVALID_NAMESPACE, WBEMException.CIM_ERR_INVALID_PARAMETER,
            WBEMException.CIM_ERR_INVALID_CLASS, WBEMException.CIM_ERR_NOT_FOUND, WBEMException.CIM_ERR_NOT_SUPPORTED,
            WBEMException.CIM_ERR_ALREADY_EXISTS, WBEMException.CIM_ERR_NO_SUCH_PROPERTY,
            WBEMException.CIM_ERR_METHOD_NOT_AVAILABLE, WBEMException.CIM_ERR_METHOD_NOT_FOUND,
            WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT, WBEMException.CIM_ERR_SERVER_LIMITS_EXCEEDED,
            WBEMException.CIM_ERR_SERVER_IS_SHUTTING_DOWN}) {
            CIMException error = new CimError(code, "what to do");
            assertEquals(code, error.getCode());
            assertEquals("what to do", error.getMessage());
            assertEquals(0, error.getStackTrace().length);
        }
        // what JMPI's own says of a code it does not know
        assertEquals(WBEMException.CIM_ERR_FAILED, new CIMException(WBEMException.CIM_ERR_METHOD_NOT_FOUND, "x").getCode());
    }
}
