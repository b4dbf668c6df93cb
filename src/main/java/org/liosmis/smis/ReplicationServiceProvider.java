package org.liosmis.smis;

import java.util.List;
import java.util.stream.Stream;
import org.liosmis.spi.MethodProvider;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * LIO_ReplicationService, SMI-S Replication Services over the engine CreateReplica uses:
 * CreateElementReplica and ModifyReplicaSynchronization. Every other declared method answers
 * 1, Not Supported.
 */
final class ReplicationServiceProvider extends FewInstancesProvider implements MethodProvider {

    private final ObjectNames names;
    private final ReplicaCreation creation;
    private final ElementReplicaChoice choice;
    private final SynchronizationModification modification;

    ReplicationServiceProvider(ObjectNames names, ReplicaCreation creation, ElementReplicaChoice choice,
                               SynchronizationModification modification) {
        this.names = names;
        this.creation = creation;
        this.choice = choice;
        this.modification = modification;
    }

    @Override
    public MethodResult invokeMethod(CIMObjectPath objectName, String methodName, List<CIMArgument<?>> inArgs) {
        return switch (methodName) {
            case "CreateElementReplica" -> creation.create(methodName, inArgs, () -> choice.choose(inArgs), true);
            case "ModifyReplicaSynchronization" -> modification.modify(inArgs);
            default -> MethodResults.refused(methodName, MethodResults.NOT_SUPPORTED, methodName + " is not offered");
        };
    }

    @Override
    Stream<CIMInstance> instances() {
        return Stream.of(Status.enabled(new InstanceBuilder(names.replicationService()))
                .string("ElementName", "LIO replication service")
                .bool("Started", true)
                .build());
    }
}
