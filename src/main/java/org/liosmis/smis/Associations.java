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

    static PairAssociation hostedService(ObjectNames names) {
        return fixed(names, "LIO_HostedService", "Antecedent", "Dependent",
                names.system(), names.configurationService());
    }

    /** The service's capabilities: its configuration capabilities and one per replication type. */
    static PairAssociation elementCapabilities(ObjectNames names, List<CIMObjectPath> replicationCapabilities) {
        List<PairAssociation.Pair> pairs = new ArrayList<>();
        pairs.add(new PairAssociation.Pair(names.configurationService(), names.configurationCapabilities()));
        replicationCapabilities.forEach(c -> pairs.add(new PairAssociation.Pair(names.configurationService(), c)));
        return new PairAssociation(names.modelNamespace(), "LIO_ElementCapabilities", "ManagedElement", "Capabilities") {
            @Override
            Stream<Pair> pairs() {
                return pairs.stream();
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

    static PairAssociation elementConformsToProfile(ObjectNames names, String namespace, String profileId) {
        return fixed(names, namespace, "LIO_ElementConformsToProfile", "ConformantStandard", "ManagedElement",
                names.registeredProfile(profileId), names.system());
    }

    private static PairAssociation fixed(ObjectNames names, String className, String leftRole, String rightRole,
                                         CIMObjectPath left, CIMObjectPath right) {
        return fixed(names, names.modelNamespace(), className, leftRole, rightRole, left, right);
    }

    private static PairAssociation fixed(ObjectNames names, String namespace, String className, String leftRole,
                                         String rightRole, CIMObjectPath left, CIMObjectPath right) {
        return new PairAssociation(namespace, className, leftRole, rightRole) {
            @Override
            Stream<Pair> pairs() {
                return Stream.of(new Pair(left, right));
            }
        };
    }
}
