package org.liosmis.smis;

import java.util.stream.Stream;
import org.liosmis.engine.Inventory;
import org.liosmis.engine.Volume;
import org.liosmis.spi.InstanceProvider;
import org.liosmis.spi.ObjectPaths;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/** LIO_StorageVolume: one per LIO storage object, named by its VPD page 0x83 NAA identifier. */
final class StorageVolumeProvider implements InstanceProvider {

    /** CIM_StorageVolume.NameFormat 9: NAA; NameNamespace 2: VPD83Type3. */
    private static final int NAME_FORMAT_NAA = 9;
    private static final int NAME_NAMESPACE_VPD83_TYPE3 = 2;
    /** CIM_StorageExtent.Access 3: Read/Write. */
    private static final int ACCESS_READ_WRITE = 3;
    private static final int ACCESS_READABLE = 1;
    /** OperationalStatus 15 Dormant, EnabledState 6 Enabled but Offline (DMTF). */
    private static final int OPERATIONAL_DORMANT = 15;
    private static final int ENABLED_BUT_OFFLINE = 6;

    private final Inventory inventory;
    private final ObjectNames names;

    StorageVolumeProvider(Inventory inventory, ObjectNames names) {
        this.inventory = inventory;
        this.names = names;
    }

    @Override
    public Stream<CIMInstance> enumerateInstances(String namespace, String className) {
        return inventory.volumes().map(this::instance);
    }

    @Override
    public Stream<CIMObjectPath> enumerateInstanceNames(String namespace, String className) {
        return inventory.volumes().map(names::volume);
    }

    @Override
    public CIMInstance getInstance(CIMObjectPath instanceName) {
        if (!(instanceName.getKeyValue("DeviceID") instanceof String id)) {
            return null;
        }
        return inventory.volume(id).filter(v -> ObjectPaths.sameInstance(names.volume(v), instanceName))
                .map(this::instance).orElse(null);
    }

    CIMInstance instance(Volume volume) {
        InstanceBuilder builder = new InstanceBuilder(names.volume(volume))
                .string("ElementName", volume.elementName())
                .string("Caption", volume.backstore().name().toLowerCase() + " storage object " + volume.name())
                .uint64("BlockSize", volume.blockSize())
                .uint64("NumberOfBlocks", volume.numberOfBlocks())
                .uint64("ConsumableBlocks", volume.numberOfBlocks())
                .bool("Primordial", false)
                .uint16s("OperationalStatus", operationalStatus(volume))
                .uint16("HealthState", volume.health() == Volume.Health.OK ? Status.HEALTH_OK : Status.HEALTH_MAJOR_FAILURE)
                .uint16("EnabledState", enabledState(volume));
        switch (volume.access()) {
            case READ_WRITE -> builder.uint16("Access", ACCESS_READ_WRITE);
            case READ_ONLY -> builder.uint16("Access", ACCESS_READABLE).string("Description", "a mirror's target,"
                    + " fractured off at a point in time: initiators may read it, not write it; a resync of the mirror"
                    + " brings it back in step");
            case NONE -> builder.string("Description", "a mirror's target, kept in step with its source: initiators"
                    + " cannot reach it until the mirror is fractured or detached");
        }
        if (volume.naaId() != null) {
            builder.string("Name", volume.naaId())
                    .uint16("NameFormat", NAME_FORMAT_NAA)
                    .uint16("NameNamespace", NAME_NAMESPACE_VPD83_TYPE3);
        }
        return builder.build();
    }

    /** A mirror target kept in step is Dormant: in order, but out of the initiators' reach. */
    private static int[] operationalStatus(Volume volume) {
        return volume.access() == Volume.Access.NONE ? new int[] {Status.OPERATIONAL_OK, OPERATIONAL_DORMANT}
                : new int[] {operationalStatus(volume.health())};
    }

    private static int enabledState(Volume volume) {
        if (volume.access() == Volume.Access.NONE) {
            return ENABLED_BUT_OFFLINE;
        }
        return volume.health() == Volume.Health.DISABLED ? Status.DISABLED : Status.ENABLED;
    }

    private static int operationalStatus(Volume.Health health) {
        return switch (health) {
            case OK -> Status.OPERATIONAL_OK;
            case DISABLED -> Status.OPERATIONAL_STOPPED;
            case BACKING_MISSING -> Status.OPERATIONAL_ERROR;
        };
    }
}
