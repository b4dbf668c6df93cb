package org.liosmis.smis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.engine.EngineSettings;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.StateStore;
import org.liosmis.lio.LioRoot;
import org.liosmis.cimom.Dispatcher;
import org.liosmis.cimom.Namespaces;
import org.liosmis.cimom.ProviderRegistry;
import org.liosmis.cimom.Projection;
import org.liosmis.lvm.Lvm;
import org.liosmis.schema.ClassRepositories;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;

/** The SMI-S providers behind the real dispatcher and class repository, over a fixed inventory. */
class SmisProvidersTest {

    private final FixedInventory inventory = FixedInventory.sample();
    private final ObjectNames names = new ObjectNames("root/lio", "interop", "target.example");
    @TempDir
    Path dir;
    private StateStore store;
    private ReplicaEngine engine;
    private Dispatcher cimom;

    @BeforeEach
    void start() {
        store = StateStore.open(dir.resolve("state.db"));
        engine = new ReplicaEngine(LioRoot.emulated(dir.resolve("configfs")), Lvm.system(), inventory, store, new FileReplicator(),
                EngineSettings.defaults());
        cimom = new Dispatcher(ClassRepositories.builtIn(), SmisProviders.register(new ProviderRegistry(), inventory,
                engine, names), new Namespaces(Set.of("root/lio", "interop")));
    }

    @AfterEach
    void stop() {
        engine.close();
        store.close();
    }

    private CIMObjectPath volumePath(int index) {
        return names.volume(inventory.volumeList().get(index));
    }

    @Test
    void everyProvidedClassEnumeratesPolymorphicallyAndConformsToItsClass() throws Exception {
        assertEquals(2, cimom.enumerateInstances("root/lio", "CIM_StorageVolume", true, Projection.ALL).count());
        assertEquals(2, cimom.enumerateInstances("root/lio", "CIM_StoragePool", true, Projection.ALL).count());
        assertEquals(1, cimom.enumerateInstances("root/lio", "CIM_ComputerSystem", true, Projection.ALL).count());
        assertEquals(1, cimom.enumerateInstances("root/lio", "CIM_StorageConfigurationService", true, Projection.ALL).count());
        assertEquals(1 + 3, cimom.enumerateInstances("root/lio", "CIM_Capabilities", true, Projection.ALL).count());
        assertEquals(4, cimom.enumerateInstances("interop", "CIM_RegisteredProfile", true, Projection.ALL).count());
        // every association in one go: CIM_Dependency and CIM_Component subtrees
        assertEquals(1 + 2, cimom.enumerateInstances("root/lio", "CIM_Dependency", true, Projection.ALL).count());
        assertEquals(2 + 2, cimom.enumerateInstances("root/lio", "CIM_Component", true, Projection.ALL).count());
    }

    @Test
    void volumeIsNamedByItsNaaIdentifier() throws Exception {
        CIMInstance volume = cimom.getInstance(volumePath(0), Projection.ALL);
        assertEquals("6001405D3F6A0D25B6C4B5E9A7E12345", volume.getPropertyValue("Name"));
        assertEquals(new UnsignedInteger16(9), volume.getPropertyValue("NameFormat"));
        assertEquals(new UnsignedInteger16(2), volume.getPropertyValue("NameNamespace"));
        assertEquals(new UnsignedInteger64("512"), volume.getPropertyValue("BlockSize"));
        assertEquals(new UnsignedInteger64("2048"), volume.getPropertyValue("NumberOfBlocks"));
        CIMInstance disabled = cimom.getInstance(volumePath(1), Projection.ALL);
        assertNull(disabled.getPropertyValue("Name"));
        assertEquals(new UnsignedInteger16(3), disabled.getPropertyValue("EnabledState"));
    }

    @Test
    void eachVolumeIsAllocatedFromExactlyOnePool() throws Exception {
        for (int i = 0; i < 2; i++) {
            List<CIMObjectPath> pools = cimom.associatorNames(volumePath(i), "CIM_AllocatedFromStoragePool",
                    "CIM_StoragePool", "Dependent", "Antecedent").toList();
            assertEquals(1, pools.size());
        }
        CIMInstance allocation = cimom.references(volumePath(0), "CIM_AllocatedFromStoragePool", null, Projection.ALL)
                .findFirst().orElseThrow();
        assertEquals(new UnsignedInteger64(String.valueOf(512 * 2048)), allocation.getPropertyValue("SpaceConsumed"));
    }

    @Test
    void discoveryWalksFromTheArrayProfileToPoolsVolumesAndCapabilities() throws Exception {
        CIMObjectPath profile = names.registeredProfile("Array");
        CIMInstance system = cimom.associators(profile, "CIM_ElementConformsToProfile", "CIM_ComputerSystem",
                null, null, Projection.ALL).findFirst().orElseThrow();
        assertEquals("root/lio", system.getObjectPath().getNamespace());
        CIMObjectPath systemPath = system.getObjectPath();
        assertEquals(2, cimom.associatorNames(systemPath, "CIM_HostedStoragePool", null, null, null).count());
        assertEquals(2, cimom.associatorNames(systemPath, "CIM_SystemDevice", null, null, null).count());
        CIMObjectPath service = cimom.associatorNames(systemPath, "CIM_HostedService", null, null, null)
                .findFirst().orElseThrow();
        assertEquals(1 + 3, cimom.associatorNames(service, "CIM_ElementCapabilities", null, null, null).count());
        assertEquals(1, cimom.associatorNames(systemPath, "CIM_ElementConformsToProfile", null, null, null).count());
    }
}
