package org.liosmis.smis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.cimom.Dispatcher;
import org.liosmis.cimom.Namespaces;
import org.liosmis.cimom.Projection;
import org.liosmis.cimom.ProviderRegistry;
import org.liosmis.datapath.FileReplicator;
import org.liosmis.engine.EngineSettings;
import org.liosmis.engine.ReplicaEngine;
import org.liosmis.engine.StateStore;
import org.liosmis.lio.LioRoot;
import org.liosmis.lvm.Lvm;
import org.liosmis.schema.ClassRepositories;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;

/** The SNIA Server profile's classes in interop, as lio-smis' own WBEM server registers them. */
class ServerProfileTest {

    private final FixedInventory inventory = FixedInventory.sample();
    private final ObjectNames names = new ObjectNames("root/lio", "interop", "target.example");
    private final AtomicReference<List<ObjectManager.Listener>> listeners = new AtomicReference<>(List.of(
            new ObjectManager.Listener("http", 5988), new ObjectManager.Listener("https", 5989)));
    @TempDir
    Path dir;
    private StateStore store;
    private ReplicaEngine engine;

    @BeforeEach
    void start() {
        store = StateStore.open(dir.resolve("state.db"));
        engine = new ReplicaEngine(LioRoot.emulated(dir.resolve("configfs")), Lvm.system(), inventory, store,
                new FileReplicator(), EngineSettings.defaults());
    }

    @AfterEach
    void stop() {
        engine.close();
        store.close();
    }

    private Dispatcher cimom(Optional<ObjectManager> objectManager) {
        return new Dispatcher(ClassRepositories.builtIn(), SmisProviders.register(new ProviderRegistry(), inventory,
                engine, names, objectManager), new Namespaces(Set.of("root/lio", "interop")));
    }

    private Dispatcher served() {
        return cimom(Optional.of(new ObjectManager("1.2.3", listeners::get)));
    }

    @Test
    void theObjectManagerStatesBrandAndVersionAsGenericClientsReadThem() throws Exception {
        List<CIMInstance> managers = served().enumerateInstances("interop", "CIM_ObjectManager", true, Projection.ALL)
                .toList();
        assertEquals(1, managers.size());
        CIMInstance manager = managers.get(0);
        assertEquals("lio-smis", manager.getPropertyValue("ElementName"));
        // pywbem's WBEMServer takes the version of an unknown brand from the Description this way
        Matcher version = Pattern.compile("^.* (?:version|release) *(.+)?$", Pattern.CASE_INSENSITIVE)
                .matcher((String) manager.getPropertyValue("Description"));
        assertTrue(version.matches());
        assertEquals("1.2.3", version.group(1));
        assertEquals(names.objectManager(), manager.getObjectPath());
    }

    @Test
    void eachNamespaceServedIsACimNamespaceOfTheObjectManager() throws Exception {
        Dispatcher cimom = served();
        List<CIMInstance> namespaces = cimom.enumerateInstances("interop", "CIM_Namespace", true, Projection.ALL).toList();
        assertEquals(List.of("interop", "root/lio"), namespaces.stream().map(n -> n.getPropertyValue("Name")).toList());
        for (CIMInstance namespace : namespaces) {
            assertEquals(new UnsignedInteger16(2), namespace.getPropertyValue("ClassType"));
            assertEquals("lio-smis", namespace.getPropertyValue("ObjectManagerName"));
        }
        assertEquals(List.of("interop", "root/lio"), cimom.associators(names.objectManager(), "CIM_NamespaceInManager",
                null, null, null, Projection.ALL).map(n -> n.getPropertyValue("Name")).toList());
    }

    @Test
    void eachListenerIsACimXmlMechanismWithItsPortReadWhenAsked() throws Exception {
        Dispatcher cimom = served();
        List<CIMInstance> mechanisms = cimom.associators(names.objectManager(), "CIM_CommMechanismForManager",
                "CIM_CIMXMLCommunicationMechanism", null, null, Projection.ALL).toList();
        assertEquals(List.of("http", "https"), mechanisms.stream().map(m -> m.getPropertyValue("Scheme")).toList());
        assertEquals(List.of(new UnsignedInteger16(5988), new UnsignedInteger16(5989)),
                mechanisms.stream().map(m -> m.getPropertyValue("Port")).toList());
        CIMInstance http = mechanisms.get(0);
        assertEquals(new UnsignedInteger16(2), http.getPropertyValue("CommunicationMechanism"));
        assertEquals(List.of(new UnsignedInteger16(3)),
                List.of((UnsignedInteger16[]) http.getPropertyValue("AuthenticationMechanismsSupported")));
        assertEquals("1.0", http.getPropertyValue("Version"));
        listeners.set(List.of(new ObjectManager.Listener("https", 40001)));
        List<CIMInstance> later = cimom.enumerateInstances("interop", "CIM_ObjectManagerCommunicationMechanism", true,
                Projection.ALL).toList();
        assertEquals(List.of(new UnsignedInteger16(40001)), later.stream().map(m -> m.getPropertyValue("Port")).toList());
    }

    @Test
    void theServerProfileLeadsToTheObjectManagerAndItToTheSystemHostingIt() throws Exception {
        Dispatcher cimom = served();
        List<String> profiles = cimom.enumerateInstances("interop", "CIM_RegisteredProfile", true, Projection.ALL)
                .map(p -> (String) p.getPropertyValue("RegisteredName")).toList();
        assertTrue(profiles.contains("Server"), profiles.toString());
        List<CIMObjectPath> conforming = cimom.associatorNames(names.registeredProfile("Server"),
                "CIM_ElementConformsToProfile", null, null, null).toList();
        assertEquals(List.of(names.objectManager()), conforming);
        List<CIMObjectPath> systems = cimom.associatorNames(names.objectManager(), "CIM_HostedService", null, null,
                null).toList();
        assertEquals(List.of(names.system()), systems);
        assertEquals("root/lio", systems.get(0).getNamespace());
        List<String> services = cimom.associatorNames(names.system(), "CIM_HostedService", null, null, null)
                .map(CIMObjectPath::getObjectName).toList();
        assertEquals(List.of("LIO_StorageConfigurationService", "LIO_ReplicationService", "LIO_ObjectManager"), services);
        assertEquals("interop", cimom.associatorNames(names.system(), "CIM_HostedService", "CIM_ObjectManager", null,
                null).findFirst().orElseThrow().getNamespace());
    }

    @Test
    void underABrokerNoneOfItIsServed() throws Exception {
        Dispatcher cimom = cimom(Optional.empty());
        assertEquals(0, cimom.enumerateInstanceNames("interop", "CIM_ObjectManager").count());
        assertEquals(0, cimom.enumerateInstanceNames("interop", "CIM_Namespace").count());
        assertEquals(0, cimom.enumerateInstanceNames("interop", "CIM_ObjectManagerCommunicationMechanism").count());
        assertEquals(List.of("Array", "Block Services", "Copy Services", "Job Control", "Replication Services"),
                cimom.enumerateInstances("interop", "CIM_RegisteredProfile", true, Projection.ALL)
                        .map(p -> p.getPropertyValue("RegisteredName")).toList());
        assertEquals(List.of("LIO_StorageConfigurationService", "LIO_ReplicationService"), cimom.associatorNames(names.system(),
                "CIM_HostedService", null, null, null).map(CIMObjectPath::getObjectName).toList());
    }
}
