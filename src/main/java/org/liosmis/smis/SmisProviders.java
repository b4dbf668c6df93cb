package org.liosmis.smis;

import java.util.Set;
import org.liosmis.cimom.ProviderRegistry;
import org.liosmis.engine.Inventory;
import org.liosmis.engine.ReplicaEngine;

/** Registers every SMI-S provider of lio-smis for its classes and namespaces. */
public final class SmisProviders {

    private SmisProviders() {
    }

    public static ProviderRegistry register(ProviderRegistry registry, Inventory inventory, ReplicaEngine engine,
                                            ObjectNames names) {
        // Detach, Restore and Resync are not in the engine yet: refused as Not Supported until they are
        return register(registry, inventory, engine, names, new UnofferedSynchronizationOperations());
    }

    static ProviderRegistry register(ProviderRegistry registry, Inventory inventory, ReplicaEngine engine,
                                     ObjectNames names, SynchronizationOperations synchronizationOperations) {
        StorageReplicationCapabilitiesProvider replicationCapabilities = new StorageReplicationCapabilitiesProvider(names);
        StorageSynchronizedProvider relationships = new StorageSynchronizedProvider(engine, inventory, names);
        ReplicaCreation creation = new ReplicaCreation(engine, names, relationships);
        Set<String> model = Set.of(names.modelNamespace());
        Set<String> interop = Set.of(names.interopNamespace());
        registry.register(ObjectNames.SYSTEM, new StorageSystemProvider(inventory, names), model)
                .register(ObjectNames.POOL, new StoragePoolProvider(inventory, names), model)
                .register(ObjectNames.VOLUME, new StorageVolumeProvider(inventory, names), model)
                .register(ObjectNames.CONFIGURATION_SERVICE, new StorageConfigurationServiceProvider(names, engine, creation), model)
                .register(ObjectNames.REPLICATION_SERVICE, new ReplicationServiceProvider(names, creation,
                        new ElementReplicaChoice(names, inventory), new SynchronizationModification(engine, names,
                        relationships, synchronizationOperations)), model)
                .register(ObjectNames.REPLICATION_SERVICE_CAPABILITIES,
                        new ReplicationServiceCapabilitiesProvider(names, synchronizationOperations), model)
                .register(ObjectNames.REPLICATION_CAPABILITIES, replicationCapabilities, model)
                .register(ObjectNames.JOB, new ConcreteJobProvider(engine, names), model)
                .register("LIO_StorageSynchronized", relationships, model)
                .register("LIO_AffectedJobElement", JobAssociations.affectedJobElement(names, engine, inventory), model)
                .register("LIO_OwningJobElement", JobAssociations.owningJobElement(names, engine), model)
                .register(ObjectNames.CONFIGURATION_CAPABILITIES, new StorageConfigurationCapabilitiesProvider(names), model)
                .register(ObjectNames.REGISTERED_PROFILE, new RegisteredProfileProvider(names), interop)
                .register("LIO_HostedService", Associations.hostedService(names), model)
                .register("LIO_ElementCapabilities", Associations.elementCapabilities(names, replicationCapabilities.paths()), model)
                .register("LIO_HostedStoragePool", Associations.hostedStoragePool(names, inventory), model)
                .register("LIO_SystemDevice", Associations.systemDevice(names, inventory), model)
                .register("LIO_AllocatedFromStoragePool", Associations.allocatedFromStoragePool(names, inventory), model);
        // the profile lives in interop, the system in the model namespace: traversable from both sides
        for (String namespace : Set.of(names.modelNamespace(), names.interopNamespace())) {
            registry.register("LIO_ElementConformsToProfile", Associations.elementConformsToProfile(names, namespace),
                    Set.of(namespace));
        }
        return registry;
    }
}
