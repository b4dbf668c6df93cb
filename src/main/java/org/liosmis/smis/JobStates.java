package org.liosmis.smis;

import org.liosmis.engine.Job;

/** How a job's state reads in CIM_ConcreteJob's JobState, OperationalStatus and JobStatus. */
final class JobStates {

    private static final int OK = 2;
    private static final int ERROR = 6;
    private static final int STOPPED = 10;
    private static final int ABORTED = 14;
    private static final int COMPLETED = 17;

    private JobStates() {
    }

    /** JobState: 2 New, 4 Running, 7 Completed, 8 Terminated, 9 Killed, 10 Exception. */
    static int jobState(Job.State state) {
        return switch (state) {
            case NEW -> 2;
            case RUNNING -> 4;
            case COMPLETED -> 7;
            case TERMINATED -> 8;
            case KILLED -> 9;
            case EXCEPTION -> 10;
        };
    }

    /** [OK, Completed] on success, [Error, Completed] on failure: what SMI-S clients test. */
    static int[] operationalStatus(Job.State state) {
        return switch (state) {
            case NEW, RUNNING -> new int[] {OK};
            case COMPLETED -> new int[] {OK, COMPLETED};
            case TERMINATED -> new int[] {STOPPED, COMPLETED};
            case KILLED -> new int[] {ABORTED, COMPLETED};
            case EXCEPTION -> new int[] {ERROR, COMPLETED};
        };
    }

    static String jobStatus(Job job) {
        return switch (job.state()) {
            case NEW -> "Queued";
            case RUNNING -> "Copying, " + job.percentComplete() + "% done";
            case COMPLETED -> "Completed";
            case TERMINATED -> "Terminated on request";
            case KILLED -> "Killed on request";
            case EXCEPTION -> "Failed: " + job.errorDescription();
        };
    }
}
