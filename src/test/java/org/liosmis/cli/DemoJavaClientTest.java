package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.testing.CimQueries.all;
import static org.liosmis.testing.CimQueries.path;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMParameter;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** The README's operations through the SBLIM Java client against the demo target. */
@Tag(DemoTarget.ANY_HOST)
class DemoJavaClientTest {

    @TempDir
    static Path stateDir;
    private static DemoTarget target;
    private static WBEMClient client;

    @BeforeAll
    static void start() throws Exception {
        target = DemoTarget.open(stateDir);
        client = target.client();
    }

    @AfterAll
    static void stop() throws Exception {
        target.close();
    }

    private static CIMObjectPath demo1() throws Exception {
        return all(client.enumerateInstanceNames(path("root/lio", "LIO_StorageVolume"))).stream()
                .filter(p -> "fileio/demo1".equals(p.getKeyValue("DeviceID"))).findFirst().orElseThrow();
    }

    @Test
    void enumeratesVolumeNamesAndPolymorphicInstances() throws Exception {
        assertEquals(3, all(client.enumerateInstanceNames(path("root/lio", "LIO_StorageVolume"))).size());
        List<CIMInstance> volumes = all(client.enumerateInstances(path("root/lio", "CIM_StorageVolume"),
                true, false, false, null));
        assertEquals(3, volumes.size());
        for (CIMInstance volume : volumes) {
            assertEquals("LIO_StorageVolume", volume.getClassName());
            assertTrue(((String) volume.getPropertyValue("Name")).matches("6001405[0-9A-F]{25}"));
        }
    }

    @Test
    void getsOneVolumeWithAPropertyList() throws Exception {
        CIMInstance volume = client.getInstance(demo1(), false, false, new String[] {"BlockSize", "NumberOfBlocks"});
        assertEquals(2, volume.getPropertyCount());
        assertEquals(16L * 1024 * 1024, ((Number) volume.getPropertyValue("BlockSize")).longValue()
                * ((Number) volume.getPropertyValue("NumberOfBlocks")).longValue());
    }

    @Test
    void classShowsCreateReplicaWithItsSevenParameters() throws Exception {
        CIMClass service = client.getClass(path("root/lio", "LIO_StorageConfigurationService"), false, true, false, null);
        CIMMethod<?> createReplica = service.getMethod("CreateReplica");
        assertNotNull(createReplica);
        List<String> names = new ArrayList<>();
        for (CIMParameter<?> parameter : createReplica.getParameters()) {
            names.add(parameter.getName());
        }
        assertEquals(List.of("CopyType", "ElementName", "Job", "SourceElement", "TargetElement", "TargetPool",
                "TargetSettingGoal"), names.stream().sorted().toList());
        assertEquals(CIMDataType.UINT16_T, createReplica.getParameter("CopyType").getDataType());
        assertEquals("CIM_LogicalElement", createReplica.getParameter("SourceElement").getDataType().getRefClassName());
    }

    @Test
    void followsAssociationsLikeAConsole() throws Exception {
        CIMObjectPath volume = demo1();
        List<CIMInstance> pools = all(client.associatorInstances(volume, "CIM_AllocatedFromStoragePool",
                "CIM_StoragePool", "Dependent", "Antecedent", false, null));
        assertEquals(1, pools.size());
        assertEquals("default", pools.get(0).getPropertyValue("PoolID"));
        List<CIMInstance> allocations = all(client.referenceInstances(volume, "CIM_AllocatedFromStoragePool",
                null, false, null));
        assertEquals(16L * 1024 * 1024, ((Number) allocations.get(0).getPropertyValue("SpaceConsumed")).longValue());
        // as a console discovers: the SNIA Array profile in interop, then the system conforming to it
        List<CIMInstance> arrays = all(client.enumerateInstances(path(target.interopNamespace(), "CIM_RegisteredProfile"),
                true, false, false, null)).stream()
                .filter(p -> ((Number) p.getPropertyValue("RegisteredOrganization")).intValue() == 11
                        && "Array".equals(p.getPropertyValue("RegisteredName"))).toList();
        assertEquals(1, arrays.size());
        List<CIMObjectPath> systems = all(client.associatorNames(arrays.get(0).getObjectPath(),
                "CIM_ElementConformsToProfile", "CIM_ComputerSystem", null, null));
        assertEquals(1, systems.size());
        assertEquals("root/lio", systems.get(0).getNamespace());
        List<CIMObjectPath> services = all(client.associatorNames(systems.get(0), "CIM_HostedService",
                "CIM_StorageConfigurationService", null, null));
        assertEquals(1 + 3, all(client.referenceNames(services.get(0), "CIM_ElementCapabilities", null)).size());
    }
}
