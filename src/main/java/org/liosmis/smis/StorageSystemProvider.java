package org.liosmis.smis;

import java.util.stream.Stream;
import org.liosmis.engine.Inventory;
import org.liosmis.engine.StorageSystem;
import org.metricshub.wbem.javax.cim.CIMInstance;

/** LIO_StorageSystem: the target host, the SMI-S Array profile's central instance. */
final class StorageSystemProvider extends FewInstancesProvider {

    /** CIM_ComputerSystem.Dedicated: 3 Storage, 15 Block Server (what Array profile clients look for). */
    private static final int[] DEDICATED = {3, 15};

    private final Inventory inventory;
    private final ObjectNames names;

    StorageSystemProvider(Inventory inventory, ObjectNames names) {
        this.inventory = inventory;
        this.names = names;
    }

    @Override
    Stream<CIMInstance> instances() {
        return Stream.of(instance());
    }

    private CIMInstance instance() {
        StorageSystem system = inventory.system();
        return Status.enabled(new InstanceBuilder(names.system()))
                .string("ElementName", system.elementName())
                .string("Caption", "LIO target " + system.name())
                .string("Description", "Linux LIO target host, LIO " + system.lioVersion())
                .string("NameFormat", "Other")
                .uint16s("Dedicated", DEDICATED)
                .build();
    }
}
