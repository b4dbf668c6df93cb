package org.liosmis.spi;

import java.util.List;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;

/** What an extrinsic method returned: its typed return value and its output parameters. */
public record MethodResult(CIMDataType returnType, Object returnValue, List<CIMArgument<?>> outArgs) {

    public MethodResult {
        outArgs = List.copyOf(outArgs);
    }
}
