package org.liosmis.smis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.liosmis.engine.Job;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.spi.InstanceProvider;
import org.liosmis.spi.MethodProvider;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * LIO_ConcreteJob: the copy jobs of CreateReplica, with the job contract SMI-S clients rely
 * on (JobState, PercentComplete 100 in every terminal state, ErrorCode 0 on success,
 * JobOutParameters), its methods (RequestStateChange, KillJob, GetError, GetErrors) and
 * ModifyInstance of how long an ended job is kept.
 */
final class ConcreteJobProvider implements InstanceProvider, MethodProvider {

    /** RequestStateChange's RequestedState values and return values (DMTF CIM_ConcreteJob). */
    private static final int TERMINATE = 4;
    private static final int KILL = 5;
    private static final int INVALID_STATE_TRANSITION = 4097;

    private final ReplicaEngine engine;
    private final ObjectNames names;
    private final JobErrors errors;

    ConcreteJobProvider(ReplicaEngine engine, ObjectNames names) {
        this.engine = engine;
        this.names = names;
        this.errors = new JobErrors(names);
    }

    @Override
    public Stream<CIMInstance> enumerateInstances(String namespace, String className) {
        return engine.jobs().stream().map(this::instance);
    }

    @Override
    public CIMInstance getInstance(CIMObjectPath instanceName) {
        String id = ObjectNames.jobId(instanceName);
        return id == null ? null : engine.job(id).map(this::instance).orElse(null);
    }

    @Override
    public void deleteInstance(CIMObjectPath instanceName) throws WBEMException {
        String id = ObjectNames.jobId(instanceName);
        if (!engine.deleteJob(id)) {
            throw new WBEMException(WBEMException.CIM_ERR_FAILED,
                    "job " + id + " is still running; stop it with RequestStateChange(4) or wait for it to end");
        }
    }

    /**
     * ModifyInstance of DeleteOnCompletion and TimeBeforeRemoval, the job's writable
     * properties: false keeps an ended job until DeleteInstance. Any other property may come
     * back as the job holds it (a client that gets the job, changes one property and sends it
     * all back; a broker that fills in the class's defaults, such as JobRunTimes 1), but not
     * changed.
     */
    @Override
    public void modifyInstance(CIMInstance changes) throws WBEMException {
        String id = ObjectNames.jobId(changes.getObjectPath());
        Job job = engine.job(id).orElseThrow(() -> new WBEMException(WBEMException.CIM_ERR_NOT_FOUND,
                "job " + id + " no longer exists"));
        boolean deleteOnCompletion = job.deleteOnCompletion();
        Duration timeBeforeRemoval = job.timeBeforeRemoval();
        CIMInstance current = instance(job);
        for (CIMProperty<?> property : changes.getProperties()) {
            switch (property.getName()) {
                case "DeleteOnCompletion" -> deleteOnCompletion = (Boolean) required(property);
                case "TimeBeforeRemoval" -> timeBeforeRemoval = duration(required(property));
                default -> {
                    if (!Objects.equals(property.getValue(), current.getPropertyValue(property.getName()))) {
                        throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED,
                                property.getName() + " of a job cannot be modified");
                    }
                }
            }
        }
        if (!engine.setJobRetention(id, deleteOnCompletion, timeBeforeRemoval)) {
            throw new WBEMException(WBEMException.CIM_ERR_NOT_FOUND, "job " + id + " no longer exists");
        }
    }

    private static Object required(CIMProperty<?> property) throws WBEMException {
        if (property.getValue() == null) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, property.getName() + " cannot be NULL");
        }
        return property.getValue();
    }

    private static Duration duration(Object value) throws WBEMException {
        if (!(value instanceof CIMDateTimeInterval interval) || interval.getDays() < 0 || interval.getHours() < 0
                || interval.getMinutes() < 0 || interval.getSeconds() < 0 || interval.getMicroseconds() < 0) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, "TimeBeforeRemoval must be an interval "
                    + "with every field given (ddddddddhhmmss.mmmmmm:000), not " + value);
        }
        return Duration.ofDays(interval.getDays()).plusHours(interval.getHours()).plusMinutes(interval.getMinutes())
                .plusSeconds(interval.getSeconds()).plusNanos(interval.getMicroseconds() * 1000L);
    }

    CIMInstance instance(Job job) {
        InstanceBuilder builder = new InstanceBuilder(names.job(job.id()))
                .string("Name", "CreateReplica")
                .string("ElementName", "copy of " + job.sourceId() + " to " + job.elementName())
                .string("Description", job.kind().name().toLowerCase() + " " + job.targetId() + " of " + job.sourceId())
                .uint16("JobState", JobStates.jobState(job.state()))
                .uint16s("OperationalStatus", JobStates.operationalStatus(job.state()))
                .string("JobStatus", JobStates.jobStatus(job))
                .uint16("PercentComplete", job.percentComplete())
                .uint32("JobRunTimes", 1)
                .uint16("ErrorCode", job.state() == Job.State.COMPLETED || !job.state().finished() ? 0 : MethodResults.FAILED)
                .bool("DeleteOnCompletion", job.deleteOnCompletion())
                .interval("TimeBeforeRemoval", job.timeBeforeRemoval())
                .datetime("TimeSubmitted", job.submitted())
                .datetime("TimeOfLastStateChange", lastChange(job));
        if (job.started() != null) {
            builder.datetime("StartTime", job.started())
                    .interval("ElapsedTime", Duration.between(job.started(),
                            job.finished() != null ? job.finished() : Instant.now()));
        }
        if (job.errorDescription() != null) {
            builder.string("ErrorDescription", job.errorDescription());
        }
        if (job.state() == Job.State.COMPLETED) {
            builder.embedded("JobOutParameters", jobOutParameters(job));
        }
        return builder.build();
    }

    /** CreateReplica's output as the job saw it end: __ReturnValue and TargetElement (a WBEM URI). */
    private CIMInstance jobOutParameters(Job job) {
        return new InstanceBuilder(new CIMObjectPath(null, null, null, null, "__JobOutParameters", null))
                .uint32("__ReturnValue", MethodResults.COMPLETED)
                .string("TargetElement", names.volume(job.targetId()).toString())
                .build();
    }

    private static Instant lastChange(Job job) {
        return job.finished() != null ? job.finished() : job.started() != null ? job.started() : job.submitted();
    }

    @Override
    public MethodResult invokeMethod(CIMObjectPath objectName, String methodName, List<CIMArgument<?>> inArgs)
            throws WBEMException {
        String id = ObjectNames.jobId(objectName);
        // the job may have been removed (TimeBeforeRemoval, DeleteInstance) since the dispatcher saw it
        Job job = engine.job(id).orElseThrow(() -> new WBEMException(WBEMException.CIM_ERR_NOT_FOUND,
                "job " + id + " no longer exists: ended jobs are removed after TimeBeforeRemoval"));
        return switch (methodName) {
            case "RequestStateChange" -> requestStateChange(job, MethodResults.argument(inArgs, "RequestedState"));
            case "KillJob" -> stop(job, true);
            case "GetError" -> errorResult(errors.of(job), new CIMArgument<>("Error", CIMDataType.OBJECT_T, errors.of(job)));
            case "GetErrors" -> errorResult(errors.of(job), new CIMArgument<>("Errors", CIMDataType.OBJECT_ARRAY_T,
                    new CIMInstance[] {errors.of(job)}));
            default -> MethodResults.refused(methodName, MethodResults.NOT_SUPPORTED, methodName + " is not offered for jobs");
        };
    }

    private MethodResult requestStateChange(Job job, Object requested) {
        int state = requested instanceof Number n ? n.intValue() : -1;
        if (state != TERMINATE && state != KILL) {
            return MethodResults.refused("RequestStateChange", MethodResults.INVALID_PARAMETER,
                    "a copy job can only be stopped: RequestedState 4 (Terminate) or 5 (Kill), not " + requested);
        }
        return stop(job, state == KILL);
    }

    private MethodResult stop(Job job, boolean kill) {
        if (!engine.cancel(job.id(), kill)) {
            return MethodResults.refused("RequestStateChange", INVALID_STATE_TRANSITION, "job " + job.id()
                    + (job.state().finished() ? " has already ended (" + job.state() + ")"
                            : " restores or resyncs a volume in place, which cannot be stopped half way"));
        }
        return MethodResults.of(MethodResults.JOB_STARTED);
    }

    /** A job without an error answers with no output at all (an empty embedded array trips clients). */
    private static MethodResult errorResult(CIMInstance error, CIMArgument<?> out) {
        return error == null ? MethodResults.of(MethodResults.COMPLETED) : MethodResults.of(MethodResults.COMPLETED, out);
    }
}
