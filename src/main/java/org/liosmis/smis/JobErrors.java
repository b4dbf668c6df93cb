package org.liosmis.smis;

import org.liosmis.engine.Job;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/** The CIM_Error a failed job reports through GetError / GetErrors. */
final class JobErrors {

    /** CIM_Error values: ErrorType 4 Software Error, PerceivedSeverity 7 Fatal/NonRecoverable, CIMStatusCode 1 FAILED. */
    private static final int SOFTWARE_ERROR = 4;
    private static final int FATAL = 7;
    private static final int CIM_ERR_FAILED = 1;
    /** ProbableCause 0 Unknown; 50 Storage Capacity Problem for a full pool. */
    private static final int UNKNOWN_CAUSE = 0;
    private static final int STORAGE_CAPACITY_PROBLEM = 50;
    /** ErrorSourceFormat 2: ErrorSource is a CIM object path. */
    private static final int CIM_OBJECT_PATH = 2;

    private final ObjectNames names;

    JobErrors(ObjectNames names) {
        this.names = names;
    }

    /** The job's error, or null when it has none. */
    CIMInstance of(Job job) {
        if (job.failure() == null) {
            return null;
        }
        return new InstanceBuilder(new CIMObjectPath(null, null, null, null, "CIM_Error", null))
                .uint16("ErrorType", SOFTWARE_ERROR)
                .string("OwningEntity", ObjectNames.ORG)
                .string("MessageID", ObjectNames.ORG + "." + job.failure().name())
                .string("Message", job.errorDescription())
                .uint16("PerceivedSeverity", FATAL)
                .uint16("ProbableCause", job.failure() == Job.Failure.NO_SPACE ? STORAGE_CAPACITY_PROBLEM : UNKNOWN_CAUSE)
                .uint32("CIMStatusCode", CIM_ERR_FAILED)
                .string("ErrorSource", names.job(job.id()).toString())
                .uint16("ErrorSourceFormat", CIM_OBJECT_PATH)
                .build();
    }
}
