package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.testing.CimQueries.all;
import static org.liosmis.testing.CimQueries.path;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.EnumerateResponse;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * The pull operations of DSP0200 on the embedded demo server: paging through the SBLIM Java
 * client, and every refusal, the ones no client library sends in raw CIM-XML. Each test leaves
 * no enumeration open, so the per-client limit is the server's whole.
 */
class PullOperationsClientTest {

    private static final CIMObjectPath VOLUMES = path("root/lio", "LIO_StorageVolume");
    private static final int MAX_OPEN_PER_CLIENT = 8;

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

    private static UnsignedInteger32 u32(long value) {
        return new UnsignedInteger32(value);
    }

    private static CIMObjectPath demo1() throws Exception {
        return all(client.enumerateInstanceNames(VOLUMES)).stream()
                .filter(p -> "fileio/demo1".equals(p.getKeyValue("DeviceID"))).findFirst().orElseThrow();
    }

    private static Set<String> keysOf(List<CIMObjectPath> paths) {
        return paths.stream().map(p -> String.valueOf(p.getKeyValue("DeviceID"))).collect(Collectors.toSet());
    }

    private static void assertCimError(int code, Executable call) {
        WBEMException e = assertThrows(WBEMException.class, call);
        assertEquals(code, e.getID(), e.toString());
    }

    @Test
    void pagesThroughVolumeInstancesOneAtATime() throws Exception {
        EnumerateResponse<CIMInstance> page = client.enumerateInstances(VOLUMES, true, false, null, null, null,
                null, false, u32(1));
        List<CIMInstance> volumes = new ArrayList<>(all(page.getResponses()));
        assertEquals(1, volumes.size());
        int pulls = 0;
        while (!page.isEnd()) {
            assertNotNull(page.getContext());
            page = client.getInstancesWithPath(VOLUMES, page.getContext(), u32(1));
            volumes.addAll(all(page.getResponses()));
            pulls++;
        }
        // the end is seen with the last volume: no empty pull after it
        assertEquals(2, pulls);
        assertEquals(keysOf(all(client.enumerateInstanceNames(VOLUMES))),
                keysOf(volumes.stream().map(CIMInstance::getObjectPath).toList()));
        assertTrue(volumes.stream().allMatch(v -> ((String) v.getPropertyValue("Name")).startsWith("6001405")));
        assertEquals("root/lio", volumes.getFirst().getObjectPath().getNamespace());
    }

    @Test
    void opensWithNoObjectsThenPullsPaths() throws Exception {
        EnumerateResponse<CIMObjectPath> opened = client.enumerateInstancePaths(VOLUMES, null, null, u32(30), false,
                u32(0));
        assertEquals(0, all(opened.getResponses()).size());
        assertFalse(opened.isEnd());
        EnumerateResponse<CIMObjectPath> rest = client.getInstancePaths(VOLUMES, opened.getContext(), u32(100));
        List<CIMObjectPath> paths = all(rest.getResponses());
        assertTrue(rest.isEnd());
        assertEquals(Set.of("fileio/demo1", "fileio/demo2", "fileio/demo3"), keysOf(paths));
    }

    @Test
    void followsAssociationsAndReferencesWithPulls() throws Exception {
        CIMObjectPath volume = demo1();
        EnumerateResponse<CIMInstance> pools = client.associators(volume, "CIM_AllocatedFromStoragePool",
                "CIM_StoragePool", "Dependent", "Antecedent", false, null, null, null, null, false, u32(10));
        assertTrue(pools.isEnd());
        assertEquals(List.of("default"), all(pools.getResponses()).stream().map(p -> p.getPropertyValue("PoolID"))
                .toList());
        EnumerateResponse<CIMObjectPath> poolPaths = client.associatorPaths(volume, "CIM_AllocatedFromStoragePool",
                null, null, null, null, null, null, false, u32(10));
        assertEquals("LIO_StoragePool", all(poolPaths.getResponses()).getFirst().getObjectName());
        EnumerateResponse<CIMInstance> allocations = client.references(volume, "CIM_AllocatedFromStoragePool", null,
                false, null, null, null, null, false, u32(10));
        assertEquals(16L * 1024 * 1024, ((Number) all(allocations.getResponses()).getFirst()
                .getPropertyValue("SpaceConsumed")).longValue());
        EnumerateResponse<CIMObjectPath> references = client.referencePaths(volume, null, null, null, null, null,
                false, u32(0));
        assertFalse(references.isEnd());
        EnumerateResponse<CIMObjectPath> rest = client.getInstancePaths(volume, references.getContext(), u32(100));
        assertTrue(rest.isEnd());
        assertFalse(all(rest.getResponses()).isEmpty());
    }

    @Test
    void aClosedEnumerationCannotBePulled() throws Exception {
        EnumerateResponse<CIMObjectPath> opened = client.enumerateInstancePaths(VOLUMES, null, null, null, false,
                u32(1));
        client.closeEnumeration(VOLUMES, opened.getContext());
        assertCimError(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT,
                () -> client.getInstancePaths(VOLUMES, opened.getContext(), u32(1)));
        assertCimError(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT,
                () -> client.closeEnumeration(VOLUMES, opened.getContext()));
    }

    @Test
    void anEnumerationExpiresAfterItsOperationTimeout() throws Exception {
        EnumerateResponse<CIMObjectPath> opened = client.enumerateInstancePaths(VOLUMES, null, null, u32(1), false,
                u32(0));
        Thread.sleep(2_100);
        assertCimError(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT,
                () -> client.getInstancePaths(VOLUMES, opened.getContext(), u32(1)));
    }

    @Test
    void aPullOfTheOtherKindOrNamespaceIsRefused() throws Exception {
        EnumerateResponse<CIMObjectPath> opened = client.enumerateInstancePaths(VOLUMES, null, null, null, false,
                u32(0));
        assertCimError(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT,
                () -> client.getInstancesWithPath(VOLUMES, opened.getContext(), u32(1)));
        assertCimError(WBEMException.CIM_ERR_INVALID_NAMESPACE,
                () -> client.getInstancePaths(path("interop", "LIO_RegisteredProfile"), opened.getContext(), u32(1)));
        // neither refusal ended the enumeration
        EnumerateResponse<CIMObjectPath> rest = client.getInstancePaths(VOLUMES, opened.getContext(), u32(10));
        assertEquals(3, all(rest.getResponses()).size());
        assertTrue(rest.isEnd());
    }

    @Test
    void refusesFiltersContinueOnErrorAndTimeoutsItCannotKeep() {
        assertCimError(WBEMException.CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED, () -> client.enumerateInstances(
                VOLUMES, true, false, null, "DMTF:FQL", "BlockSize = 512", null, false, u32(1)));
        assertCimError(WBEMException.CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED, () -> client.enumerateInstances(
                VOLUMES, true, false, null, null, null, null, true, u32(1)));
        assertCimError(WBEMException.CIM_ERR_INVALID_OPERATION_TIMEOUT, () -> client.enumerateInstancePaths(
                VOLUMES, null, null, u32(0), false, u32(1)));
        assertCimError(WBEMException.CIM_ERR_INVALID_OPERATION_TIMEOUT, () -> client.enumerateInstancePaths(
                VOLUMES, null, null, u32(301), false, u32(1)));
        assertCimError(WBEMException.CIM_ERR_INVALID_CLASS, () -> client.enumerateInstancePaths(
                path("root/lio", "LIO_NoSuchClass"), null, null, null, false, u32(1)));
        assertCimError(WBEMException.CIM_ERR_NOT_SUPPORTED, () -> client.enumerationCount(VOLUMES, "0"));
    }

    @Test
    void aClientMayHoldEightEnumerationsOpen() throws Exception {
        List<String> contexts = new ArrayList<>();
        for (int i = 0; i < MAX_OPEN_PER_CLIENT; i++) {
            contexts.add(client.enumerateInstancePaths(VOLUMES, null, null, null, false, u32(0)).getContext());
        }
        assertCimError(WBEMException.CIM_ERR_SERVER_LIMITS_EXCEEDED,
                () -> client.enumerateInstancePaths(VOLUMES, null, null, null, false, u32(0)));
        for (String context : contexts) {
            client.closeEnumeration(VOLUMES, context);
        }
        EnumerateResponse<CIMObjectPath> again = client.enumerateInstancePaths(VOLUMES, null, null, null, false,
                u32(3));
        assertTrue(again.isEnd());
    }

    @Test
    void badPullParametersAreInvalid() throws Exception {
        String context = client.enumerateInstancePaths(VOLUMES, null, null, null, false, u32(0)).getContext();
        String enumerationContext = "<IPARAMVALUE NAME=\"EnumerationContext\"><VALUE>" + context + "</VALUE></IPARAMVALUE>";
        assertEquals(WBEMException.CIM_ERR_INVALID_PARAMETER, errorOf("PullInstancePaths", enumerationContext));
        assertEquals(WBEMException.CIM_ERR_INVALID_PARAMETER, errorOf("PullInstancePaths", enumerationContext
                + "<IPARAMVALUE NAME=\"MaxObjectCount\"><VALUE>-1</VALUE></IPARAMVALUE>"));
        assertEquals(WBEMException.CIM_ERR_INVALID_PARAMETER, errorOf("PullInstancePaths",
                "<IPARAMVALUE NAME=\"MaxObjectCount\"><VALUE>1</VALUE></IPARAMVALUE>"));
        assertEquals(WBEMException.CIM_ERR_INVALID_PARAMETER, errorOf("OpenEnumerateInstancePaths",
                "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"LIO_StorageVolume\"/></IPARAMVALUE>"
                        + "<IPARAMVALUE NAME=\"MaxObjectCount\"><VALUE>4294967296</VALUE></IPARAMVALUE>"));
        assertEquals(WBEMException.CIM_ERR_INVALID_PARAMETER, errorOf("OpenEnumerateInstancePaths",
                "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"LIO_StorageVolume\"/></IPARAMVALUE>"
                        + "<IPARAMVALUE NAME=\"LocalOnly\"><VALUE>false</VALUE></IPARAMVALUE>"));
        assertEquals(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT, errorOf("CloseEnumeration",
                "<IPARAMVALUE NAME=\"EnumerationContext\"><VALUE>0123456789abcdef0123456789abcdef</VALUE></IPARAMVALUE>"));
        // none of the refusals ended the enumeration
        client.closeEnumeration(VOLUMES, context);
    }

    @Test
    void theResponseCarriesItsOutParametersAfterTheResults() throws Exception {
        HttpResponse<String> response = post("OpenEnumerateInstancePaths",
                "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"LIO_StorageVolume\"/></IPARAMVALUE>"
                        + "<IPARAMVALUE NAME=\"MaxObjectCount\"><VALUE>3</VALUE></IPARAMVALUE>");
        assertEquals(200, response.statusCode());
        assertTrue(Pattern.compile("<IMETHODRESPONSE NAME=\"OpenEnumerateInstancePaths\"><IRETURNVALUE>"
                + "(<INSTANCEPATH>.*?</INSTANCEPATH>){3}</IRETURNVALUE>"
                + "<PARAMVALUE NAME=\"EndOfSequence\" PARAMTYPE=\"boolean\"><VALUE>TRUE</VALUE></PARAMVALUE>"
                + "<PARAMVALUE NAME=\"EnumerationContext\" PARAMTYPE=\"string\"></PARAMVALUE></IMETHODRESPONSE>")
                .matcher(response.body()).find(), response.body());
    }

    private static HttpResponse<String> post(String method, String parameters) throws Exception {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                + "<MESSAGE ID=\"7\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"" + method + "\">"
                + "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"lio\"/></LOCALNAMESPACEPATH>"
                + parameters + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
        return RawCimXml.post(server, method, "root%2Flio", body);
    }

    private static int errorOf(String method, String parameters) throws Exception {
        HttpResponse<String> response = post(method, parameters);
        Matcher error = Pattern.compile("<ERROR CODE=\"(\\d+)\"").matcher(response.body());
        assertTrue(error.find(), response.body());
        return Integer.parseInt(error.group(1));
    }
}
