package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.testing.CimQueries.all;
import static org.liosmis.testing.CimQueries.path;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.liosmis.service.ProductVersion;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * A generic WBEM client's discovery of the server itself, in the steps of pywbem's WBEMServer,
 * through the SBLIM Java client against "serve --demo": the interop namespace, the namespaces,
 * brand and version, the profiles, and from the Server profile to the object manager and the
 * system hosting it. The embedded server's own: under a broker these classes are the broker's.
 */
class ServerDiscoveryTest {

    /** The interop namespaces clients try, in their order. */
    private static final List<String> INTEROP_CANDIDATES = List.of("interop", "root/interop", "root/PG_InterOp");
    /** How pywbem reads the version of a server whose brand it does not know from the Description. */
    private static final Pattern VERSION = Pattern.compile("^.* (?:version|release) *(.+)?$", Pattern.CASE_INSENSITIVE);

    @TempDir
    static Path stateDir;
    private static DemoServer server;
    private static WBEMClient client;

    @BeforeAll
    static void start() throws Exception {
        server = DemoServer.start(stateDir);
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void interopIsFoundFirstAndRootPgInteropIsNotServed() throws Exception {
        String found = null;
        for (String candidate : INTEROP_CANDIDATES) {
            if (found == null && hasNamespace(candidate)) {
                found = candidate;
            }
        }
        assertEquals("interop", found);
        assertTrue(hasNamespace("root/interop"));
        assertFalse(hasNamespace("root/PG_InterOp"));
    }

    private static boolean hasNamespace(String namespace) throws Exception {
        try {
            all(client.enumerateInstanceNames(path(namespace, "CIM_Namespace")));
            return true;
        } catch (WBEMException e) {
            assertEquals(WBEMException.CIM_ERR_INVALID_NAMESPACE, e.getID(), e.getMessage());
            return false;
        }
    }

    private static List<CIMInstance> instances(String namespace, String className) throws Exception {
        return all(client.enumerateInstances(path(namespace, className), true, false, false, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"interop", "root/interop"})
    void discoversNamespacesBrandVersionAndListeners(String interop) throws Exception {
        assertEquals(List.of("interop", "root/lio"), instances(interop, "CIM_Namespace").stream()
                .map(n -> n.getPropertyValue("Name")).toList());
        List<CIMInstance> managers = instances(interop, "CIM_ObjectManager");
        assertEquals(1, managers.size());
        CIMInstance manager = managers.get(0);
        assertEquals("lio-smis", manager.getPropertyValue("ElementName"));
        Matcher version = VERSION.matcher((String) manager.getPropertyValue("Description"));
        assertTrue(version.matches(), (String) manager.getPropertyValue("Description"));
        assertEquals(ProductVersion.get(), version.group(1));
        assertEquals(interop, manager.getObjectPath().getNamespace());
        List<CIMInstance> mechanisms = all(client.associatorInstances(manager.getObjectPath(),
                "CIM_CommMechanismForManager", "CIM_CIMXMLCommunicationMechanism", null, null, false, null));
        for (CIMInstance mechanism : mechanisms) {
            assertEquals(new UnsignedInteger16(server.port((String) mechanism.getPropertyValue("Scheme"))),
                    mechanism.getPropertyValue("Port"));
        }
        assertEquals(List.of("http", "https"), mechanisms.stream().map(m -> m.getPropertyValue("Scheme")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"interop", "root/interop"})
    void followsTheServerProfileToTheObjectManagerAndTheSystemHostingIt(String interop) throws Exception {
        List<CIMInstance> servers = instances(interop, "CIM_RegisteredProfile").stream()
                .filter(p -> ((Number) p.getPropertyValue("RegisteredOrganization")).intValue() == 11
                        && "Server".equals(p.getPropertyValue("RegisteredName"))).toList();
        assertEquals(1, servers.size());
        assertEquals("1.5.0", servers.get(0).getPropertyValue("RegisteredVersion"));
        List<CIMObjectPath> managers = all(client.associatorNames(servers.get(0).getObjectPath(),
                "CIM_ElementConformsToProfile", "CIM_ObjectManager", null, null));
        assertEquals(1, managers.size());
        // the answer stays in the namespace the client asked for
        assertEquals(interop, managers.get(0).getNamespace());
        List<CIMInstance> systems = all(client.associatorInstances(managers.get(0), "CIM_HostedService",
                "CIM_ComputerSystem", "Dependent", "Antecedent", false, null));
        assertEquals(1, systems.size());
        assertEquals("root/lio", systems.get(0).getObjectPath().getNamespace());
        assertEquals("lio-demo", systems.get(0).getPropertyValue("Name"));
        List<CIMObjectPath> backToManager = all(client.associatorNames(systems.get(0).getObjectPath(),
                "CIM_HostedService", "CIM_ObjectManager", null, null));
        assertEquals(List.of("interop"), backToManager.stream().map(CIMObjectPath::getNamespace).toList());
    }

    @Test
    void anAliasPathThatNamesNothingIsNotFound() {
        CIMObjectPath missing = new CIMObjectPath(null, null, null, "root/interop", "LIO_RegisteredProfile",
                new CIMProperty<?>[] {new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "LIO:profile:Nope", true,
                        false, null)});
        WBEMException e = assertThrows(WBEMException.class, () -> client.getInstance(missing, false, false, null));
        assertEquals(WBEMException.CIM_ERR_NOT_FOUND, e.getID());
    }
}
