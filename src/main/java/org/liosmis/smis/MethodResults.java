package org.liosmis.smis;

import java.util.ArrayList;
import java.util.List;
import org.liosmis.engine.CreateReplicaResult;
import org.liosmis.engine.RequestRefused;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The uint32 return values the storage methods share (DMTF's ValueMap) and how refusals map to them. */
final class MethodResults {

    static final int COMPLETED = 0;
    static final int NOT_SUPPORTED = 1;
    static final int FAILED = 4;
    static final int INVALID_PARAMETER = 5;
    static final int IN_USE = 6;
    static final int JOB_STARTED = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(MethodResults.class);

    private MethodResults() {
    }

    static MethodResult of(int returnValue, CIMArgument<?>... outArgs) {
        return new MethodResult(CIMDataType.UINT32_T, new UnsignedInteger32(returnValue), List.of(outArgs));
    }

    /**
     * A method refused with a return value: a return value carries no text, so the reason
     * goes to the log, where an admin finds it next to the request.
     */
    static MethodResult refused(String method, int returnValue, String description) {
        LOG.warn("{} returned {}: {}", method, returnValue, description);
        return of(returnValue);
    }

    static MethodResult refused(String method, RequestRefused refusal) {
        int code = switch (refusal.reason()) {
            case INVALID_PARAMETER -> INVALID_PARAMETER;
            case IN_USE -> IN_USE;
            case NOT_SUPPORTED -> NOT_SUPPORTED;
            case FAILED -> FAILED;
        };
        return refused(method, code, refusal.getMessage());
    }

    /** 0 for a change made at once, else 4096 with the Job doing it. */
    static MethodResult completedOrJob(CreateReplicaResult result, ObjectNames names) {
        return result.done() ? of(COMPLETED) : of(JOB_STARTED, reference("Job", names.job(result.jobId())));
    }

    static CIMArgument<CIMObjectPath> reference(String name, CIMObjectPath path) {
        return new CIMArgument<>(name, new CIMDataType(path.getObjectName()), path);
    }

    /** The argument's value, or null when it was not passed. */
    static Object argument(List<CIMArgument<?>> args, String name) {
        List<Object> values = new ArrayList<>();
        for (CIMArgument<?> arg : args) {
            if (arg.getName().equalsIgnoreCase(name)) {
                values.add(arg.getValue());
            }
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
