package org.liosmis.smis;

/** The CIM_ManagedSystemElement / CIM_EnabledLogicalElement status values lio-smis reports. */
final class Status {

    static final int OPERATIONAL_OK = 2;
    static final int OPERATIONAL_ERROR = 6;
    static final int OPERATIONAL_STOPPED = 10;
    static final int HEALTH_OK = 5;
    static final int HEALTH_MAJOR_FAILURE = 20;
    static final int ENABLED = 2;
    static final int DISABLED = 3;

    private Status() {
    }

    /** OperationalStatus and HealthState of something that simply works. */
    static InstanceBuilder ok(InstanceBuilder builder) {
        return builder.uint16s("OperationalStatus", OPERATIONAL_OK).uint16("HealthState", HEALTH_OK);
    }

    /** The same for a CIM_EnabledLogicalElement, which also has an EnabledState. */
    static InstanceBuilder enabled(InstanceBuilder builder) {
        return ok(builder).uint16("EnabledState", ENABLED);
    }
}
