package org.liosmis.smis;

import java.util.stream.Stream;
import org.liosmis.engine.Inventory;
import org.liosmis.engine.Job;
import org.liosmis.engine.ReplicaEngine;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/** The associations of jobs: the volume each made (AffectedJobElement) and the service owning them. */
final class JobAssociations {

    /** AffectedJobElement.ElementEffects 5: Create. */
    private static final int CREATE = 5;

    private JobAssociations() {
    }

    /** Job to exactly one element, the new volume, from its job's completion until it is deleted. */
    static PairAssociation affectedJobElement(ObjectNames names, ReplicaEngine engine, Inventory inventory) {
        return new PairAssociation(names.modelNamespace(), "LIO_AffectedJobElement", "AffectedElement", "AffectingElement") {
            @Override
            Stream<Pair> pairs() {
                return made(engine.jobs().stream());
            }

            /** Only the job named, or the jobs that made the volume named, need their volume checked. */
            @Override
            Stream<Pair> pairsWith(CIMObjectPath objectName) {
                String volumeId = names.volumeId(objectName);
                String jobId = ObjectNames.jobId(objectName);
                return made(engine.jobs().stream()
                        .filter(job -> job.targetId().equals(volumeId) || job.id().equals(jobId)))
                        .filter(pair -> pair.involves(objectName));
            }

            private Stream<Pair> made(Stream<Job> jobs) {
                return jobs.filter(job -> job.state() == Job.State.COMPLETED && inventory.hasVolume(job.targetId()))
                        .map(job -> new Pair(names.volume(job.targetId()), names.job(job.id())));
            }

            @Override
            InstanceBuilder describe(InstanceBuilder builder, Pair pair) {
                return builder.uint16s("ElementEffects", CREATE);
            }
        };
    }

    static PairAssociation owningJobElement(ObjectNames names, ReplicaEngine engine) {
        return new PairAssociation(names.modelNamespace(), "LIO_OwningJobElement", "OwningElement", "OwnedElement") {
            @Override
            Stream<Pair> pairs() {
                return engine.jobs().stream().map(job -> new Pair(names.configurationService(), names.job(job.id())));
            }
        };
    }
}
