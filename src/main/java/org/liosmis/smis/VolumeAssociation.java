package org.liosmis.smis;

import java.util.Objects;
import java.util.stream.Stream;
import org.liosmis.engine.Inventory;
import org.liosmis.engine.Volume;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/**
 * An association with one pair per volume. Asked about one volume, it looks that volume up
 * instead of building a pair for each of thousands of volumes.
 */
abstract class VolumeAssociation extends PairAssociation {

    private final Inventory inventory;

    VolumeAssociation(ObjectNames names, Inventory inventory, String className, String leftRole, String rightRole) {
        super(names.modelNamespace(), className, leftRole, rightRole);
        this.inventory = inventory;
    }

    /** The volume's pair, or null when it has none. */
    abstract Pair pair(Volume volume);

    @Override
    Stream<Pair> pairs() {
        return inventory.volumes().map(this::pair).filter(Objects::nonNull);
    }

    @Override
    Stream<Pair> pairsWith(CIMObjectPath objectName) {
        if (!ObjectNames.VOLUME.equalsIgnoreCase(objectName.getObjectName())) {
            return super.pairsWith(objectName);
        }
        return objectName.getKeyValue("DeviceID") instanceof String id
                ? inventory.volume(id).map(this::pair).stream().filter(pair -> pair.involves(objectName))
                : Stream.empty();
    }
}
