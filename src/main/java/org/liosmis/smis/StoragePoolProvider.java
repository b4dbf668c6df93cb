package org.liosmis.smis;

import java.util.stream.Stream;
import org.liosmis.engine.Inventory;
import org.liosmis.engine.Pool;
import org.liosmis.spi.InstanceProvider;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/** LIO_StoragePool: each configured pool directory, and the pool of volumes made elsewhere. */
final class StoragePoolProvider implements InstanceProvider {

    /** CIM_StoragePool.Usage 2: Unrestricted (consoles skip 8, pools reserved for the system). */
    private static final int USAGE_UNRESTRICTED = 2;

    private final Inventory inventory;
    private final ObjectNames names;

    StoragePoolProvider(Inventory inventory, ObjectNames names) {
        this.inventory = inventory;
        this.names = names;
    }

    @Override
    public Stream<CIMInstance> enumerateInstances(String namespace, String className) {
        return inventory.pools().stream().map(this::instance);
    }

    @Override
    public CIMInstance getInstance(CIMObjectPath instanceName) {
        String id = names.poolId(instanceName);
        return id == null ? null : inventory.pool(id).map(this::instance).orElse(null);
    }

    CIMInstance instance(Pool pool) {
        return Status.ok(new InstanceBuilder(names.pool(pool)))
                .string("PoolID", pool.id())
                .string("ElementName", pool.elementName())
                .string("Description", pool.external()
                        ? "LIO storage objects whose backing store lies outside the configured pools"
                        : pool.backing().describe())
                .bool("Primordial", false)
                .uint16("Usage", USAGE_UNRESTRICTED)
                .uint64("TotalManagedSpace", pool.totalBytes())
                .uint64("RemainingManagedSpace", pool.freeBytes())
                .build();
    }
}
