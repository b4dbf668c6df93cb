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

    /** OperationalStatus, HealthState and EnabledState of something that simply works. */
    static InstanceBuilder ok(InstanceBuilder builder) {
        return builder.uint16s("OperationalStatus", OPERATIONAL_OK).uint16("HealthState", HEALTH_OK)
                .uint16("EnabledState", ENABLED);
    }
}
