package org.liosmis.smis;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.liosmis.engine.Inventory;
import org.liosmis.engine.Volume;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/** The associations between lio-smis' objects, each a small PairAssociation. */
final class Associations {

    private Associations() {
    }

    /** The system's services: configuration (Copy Services), replication (Replication Services), and the
     *  object manager when lio-smis is its own WBEM server. */
    static PairAssociation hostedService(ObjectNames names, String namespace, boolean objectManager) {
        List<PairAssociation.Pair> pairs = new ArrayList<>();
        pairs.add(new PairAssociation.Pair(names.system(), names.configurationService()));
        pairs.add(new PairAssociation.Pair(names.system(), names.replicationService()));
        if (objectManager) {
            pairs.add(new PairAssociation.Pair(names.system(), names.objectManager()));
        }
        return fixed(namespace, "LIO_HostedService", "Antecedent", "Dependent", pairs);
    }

    /**
     * Each service's capabilities: the configuration service's and one per storage replication
     * type; the replication service's. And each configured pool's configuration capabilities.
     */
    static PairAssociation elementCapabilities(ObjectNames names, Inventory inventory,
                                               List<CIMObjectPath> replicationCapabilities) {
        List<PairAssociation.Pair> services = new ArrayList<>();
        services.add(new PairAssociation.Pair(names.configurationService(), names.configurationCapabilities()));
        replicationCapabilities.forEach(c -> services.add(new PairAssociation.Pair(names.configurationService(), c)));
        services.add(new PairAssociation.Pair(names.replicationService(), names.replicationServiceCapabilities()));
        return new PairAssociation(names.modelNamespace(), "LIO_ElementCapabilities", "ManagedElement",
                "Capabilities") {
            @Override
            Stream<Pair> pairs() {
                return Stream.concat(services.stream(), inventory.managedPools()
                        .map(pool -> new Pair(names.pool(pool), names.configurationCapabilities(pool))));
            }
        };
    }

    static PairAssociation hostedStoragePool(ObjectNames names, Inventory inventory) {
        return new PairAssociation(names.modelNamespace(), "LIO_HostedStoragePool", "GroupComponent", "PartComponent") {
            @Override
            Stream<Pair> pairs() {
                return inventory.pools().stream().map(pool -> new Pair(names.system(), names.pool(pool)));
            }
        };
    }

    static PairAssociation systemDevice(ObjectNames names, Inventory inventory) {
        return new VolumeAssociation(names, inventory, "LIO_SystemDevice", "GroupComponent", "PartComponent") {
            @Override
            Pair pair(Volume volume) {
                return new Pair(names.system(), names.volume(volume));
            }
        };
    }

    static PairAssociation allocatedFromStoragePool(ObjectNames names, Inventory inventory) {
        return new VolumeAssociation(names, inventory, "LIO_AllocatedFromStoragePool", "Antecedent", "Dependent") {
            @Override
            Pair pair(Volume volume) {
                return inventory.pool(volume.poolId())
                        .map(pool -> new Pair(names.pool(pool), names.volume(volume))).orElse(null);
            }

            @Override
            InstanceBuilder describe(InstanceBuilder builder, Pair pair) {
                Object id = pair.right().getKeyValue("DeviceID");
                return builder.uint64("SpaceConsumed",
                        inventory.volume((String) id).map(Volume::sizeBytes).orElse(0L));
            }
        };
    }

    /**
     * Each profile with a central element: Array to the system, Replication Services to its service,
     * and Server to the object manager when lio-smis is its own WBEM server.
     */
    static PairAssociation elementConformsToProfile(ObjectNames names, String namespace, boolean objectManager) {
        List<PairAssociation.Pair> pairs = new ArrayList<>();
        pairs.add(new PairAssociation.Pair(names.registeredProfile(RegisteredProfileProvider.ARRAY.id()), names.system()));
        pairs.add(new PairAssociation.Pair(names.registeredProfile(RegisteredProfileProvider.REPLICATION_SERVICES.id()),
                names.replicationService()));
        if (objectManager) {
            pairs.add(new PairAssociation.Pair(names.registeredProfile(RegisteredProfileProvider.SERVER.id()),
                    names.objectManager()));
        }
        return fixed(namespace, "LIO_ElementConformsToProfile", "ConformantStandard", "ManagedElement", pairs);
    }

    static PairAssociation namespaceInManager(ObjectNames names) {
        return fixed(names.interopNamespace(), "LIO_NamespaceInManager", "Antecedent", "Dependent",
                names.namespaces().stream()
                        .map(namespace -> new PairAssociation.Pair(names.objectManager(), names.namespace(namespace)))
                        .toList());
    }

    static PairAssociation commMechanismForManager(ObjectNames names, ObjectManager objectManager) {
        return new PairAssociation(names.interopNamespace(), "LIO_CommMechanismForManager", "Antecedent", "Dependent") {
            @Override
            Stream<Pair> pairs() {
                return objectManager.listeners().get().stream().map(listener ->
                        new Pair(names.objectManager(), names.communicationMechanism(listener.scheme())));
            }
        };
    }

    private static PairAssociation fixed(String namespace, String className, String leftRole, String rightRole,
                                         List<PairAssociation.Pair> pairs) {
        return new PairAssociation(namespace, className, leftRole, rightRole) {
            @Override
            Stream<Pair> pairs() {
                return pairs.stream();
            }
        };
    }
}
