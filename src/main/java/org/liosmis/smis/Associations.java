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

    /** The system's services; the object manager among them when lio-smis is its own WBEM server. */
    static PairAssociation hostedService(ObjectNames names, String namespace, boolean objectManager) {
        List<PairAssociation.Pair> pairs = new ArrayList<>();
        pairs.add(new PairAssociation.Pair(names.system(), names.configurationService()));
        if (objectManager) {
            pairs.add(new PairAssociation.Pair(names.system(), names.objectManager()));
        }
        return fixed(namespace, "LIO_HostedService", "Antecedent", "Dependent", pairs);
    }

    /** The service's capabilities: its configuration capabilities and one per replication type. */
    static PairAssociation elementCapabilities(ObjectNames names, List<CIMObjectPath> replicationCapabilities) {
        List<PairAssociation.Pair> pairs = new ArrayList<>();
        pairs.add(new PairAssociation.Pair(names.configurationService(), names.configurationCapabilities()));
        replicationCapabilities.forEach(c -> pairs.add(new PairAssociation.Pair(names.configurationService(), c)));
        return fixed(names.modelNamespace(), "LIO_ElementCapabilities", "ManagedElement", "Capabilities", pairs);
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

    /** The Array profile's system; the Server profile's object manager when lio-smis is its own WBEM server. */
    static PairAssociation elementConformsToProfile(ObjectNames names, String namespace, boolean objectManager) {
        List<PairAssociation.Pair> pairs = new ArrayList<>();
        pairs.add(new PairAssociation.Pair(names.registeredProfile(RegisteredProfileProvider.ARRAY.id()), names.system()));
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
