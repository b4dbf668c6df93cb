package org.liosmis.smis;

import java.util.Optional;
import java.util.Set;
import org.liosmis.cimom.ProviderRegistry;
import org.liosmis.engine.Inventory;
import org.liosmis.engine.ReplicaEngine;

/** Registers every SMI-S provider of lio-smis for its classes and namespaces. */
public final class SmisProviders {

    private SmisProviders() {
    }

    /** The providers of the storage, for a WBEM server that describes itself (a broker). */
    public static ProviderRegistry register(ProviderRegistry registry, Inventory inventory, ReplicaEngine engine,
                                            ObjectNames names) {
        return register(registry, inventory, engine, names, Optional.empty());
    }

    /** The same, and the SNIA Server profile's classes for the WBEM server lio-smis itself runs, if any. */
    public static ProviderRegistry register(ProviderRegistry registry, Inventory inventory, ReplicaEngine engine,
                                            ObjectNames names, Optional<ObjectManager> objectManager) {
        StorageReplicationCapabilitiesProvider replicationCapabilities = new StorageReplicationCapabilitiesProvider(names, engine);
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
                        relationships)), model)
                .register(ObjectNames.REPLICATION_SERVICE_CAPABILITIES,
                        new ReplicationServiceCapabilitiesProvider(names, engine), model)
                .register(ObjectNames.REPLICATION_CAPABILITIES, replicationCapabilities, model)
                .register(ObjectNames.JOB, new ConcreteJobProvider(engine, names), model)
                .register("LIO_StorageSynchronized", relationships, model)
                .register("LIO_AffectedJobElement", JobAssociations.affectedJobElement(names, engine, inventory), model)
                .register("LIO_OwningJobElement", JobAssociations.owningJobElement(names, engine), model)
                .register(ObjectNames.CONFIGURATION_CAPABILITIES,
                        new StorageConfigurationCapabilitiesProvider(names, inventory, engine), model)
                .register(ObjectNames.REGISTERED_PROFILE,
                        new RegisteredProfileProvider(names, objectManager.isPresent()), interop)
                .register("LIO_ElementCapabilities", Associations.elementCapabilities(names,
                        inventory, replicationCapabilities.paths()), model)
                .register("LIO_HostedStoragePool", Associations.hostedStoragePool(names, inventory), model)
                .register("LIO_SystemDevice", Associations.systemDevice(names, inventory), model)
                .register("LIO_AllocatedFromStoragePool", Associations.allocatedFromStoragePool(names, inventory), model);
        // the profiles and the object manager live in interop, the system in the model namespace:
        // these associations are traversable from both sides
        for (String namespace : names.namespaces()) {
            registry.register("LIO_ElementConformsToProfile", Associations.elementConformsToProfile(
                    names, namespace, objectManager.isPresent()), Set.of(namespace));
        }
        registry.register("LIO_HostedService", Associations.hostedService(names, names.modelNamespace(),
                objectManager.isPresent()), model);
        objectManager.ifPresent(manager -> registerServerProfile(registry, names, manager));
        return registry;
    }

    private static void registerServerProfile(ProviderRegistry registry, ObjectNames names, ObjectManager manager) {
        Set<String> interop = Set.of(names.interopNamespace());
        registry.register(ObjectNames.OBJECT_MANAGER, new ObjectManagerProvider(names, manager), interop)
                .register(ObjectNames.NAMESPACE, new NamespaceProvider(names), interop)
                .register(ObjectNames.COMMUNICATION_MECHANISM, new CommunicationMechanismProvider(names, manager), interop)
                .register("LIO_NamespaceInManager", Associations.namespaceInManager(names), interop)
                .register("LIO_CommMechanismForManager", Associations.commMechanismForManager(names, manager), interop)
                .register("LIO_HostedService", Associations.hostedService(names, names.interopNamespace(), true), interop);
    }
}
