package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.CimQueries;
import org.liosmis.testing.ReplicaClient;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Bad input against "serve --demo", end to end: each gets its precise answer, and after
 * each the server still serves a normal request.
 */
class DemoBadInputTest {

    private static final String VOLUME = "LIO_StorageVolume.CreationClassName=\"LIO_StorageVolume\","
            + "DeviceID=\"fileio/demo1\",SystemCreationClassName=\"LIO_StorageSystem\",SystemName=\"lio-demo\"";
    private static final String SERVICE = "LIO_StorageConfigurationService.CreationClassName="
            + "\"LIO_StorageConfigurationService\",Name=\"StorageConfigurationService\","
            + "SystemCreationClassName=\"LIO_StorageSystem\",SystemName=\"lio-demo\"";
    private static final String COPY_TYPE_SNAPSHOT =
            "<PARAMVALUE NAME=\"CopyType\" PARAMTYPE=\"uint16\"><VALUE>4</VALUE></PARAMVALUE>";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path stateDir;
    private static DemoServer server;
    private static String lio;
    private static String port;

    @BeforeAll
    static void start() throws Exception {
        server = DemoServer.start(stateDir);
        lio = server.url("http");
        port = lio.substring(lio.lastIndexOf(':') + 1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void serverStillServes() throws Exception {
        Wbemcli.Result result = wbemcli("wbemcli ein \"$LIO/root/lio:LIO_StorageVolume\"");
        assertEquals(0, result.exitCode(), result.output());
        assertEquals(3, result.lines());
    }

    private static Wbemcli.Result wbemcli(String line) throws Exception {
        return Wbemcli.run(line, Map.of("LIO", lio, "PORT", port));
    }

    private static void assertWbemcliError(String line, String error) throws Exception {
        Wbemcli.Result result = wbemcli(line);
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains(error), result.output());
    }

    @Test
    void unknownNamespace() throws Exception {
        assertWbemcliError("wbemcli ei \"$LIO/root/nope:LIO_StorageVolume\"", "CIM_ERR_INVALID_NAMESPACE");
    }

    @Test
    void unknownClass() throws Exception {
        assertWbemcliError("wbemcli ei \"$LIO/root/lio:LIO_NoSuchClass\"", "CIM_ERR_INVALID_CLASS");
        assertWbemcliError("wbemcli gc \"$LIO/root/lio:LIO_NoSuchClass\"", "CIM_ERR_NOT_FOUND");
    }

    @Test
    void unknownKeyAndUnknownInstance() throws Exception {
        assertWbemcliError("wbemcli gi \"$LIO/root/lio:\"'LIO_StorageVolume.Bogus=\"x\"'", "CIM_ERR_INVALID_PARAMETER");
        assertWbemcliError("wbemcli gi \"$LIO/root/lio:\"'" + VOLUME.replace("demo1", "nope") + "'", "CIM_ERR_NOT_FOUND");
    }

    @Test
    void unknownMethodAndBadlyTypedArgument() throws Exception {
        assertWbemcliError("wbemcli cm \"$LIO/root/lio:\"'" + SERVICE + "' Explode", "CIM_ERR_METHOD_NOT_FOUND");
        assertWbemcliError("wbemcli cm \"$LIO/root/lio:\"'" + SERVICE + "' CreateReplica.CopyType=lots",
                "CIM_ERR_INVALID_PARAMETER");
    }

    @Test
    void unknownPropertyInAPropertyListIsIgnoredAsDsp0200Says() throws Exception {
        CIMObjectPath volume = CimQueries.all(server.client().enumerateInstanceNames(
                CimQueries.path("root/lio", "LIO_StorageVolume"))).get(0);
        CIMInstance instance = server.client().getInstance(volume, false, false, new String[] {"ElementName", "Bogus"});
        assertEquals(1, instance.getPropertyCount());
        assertNull(instance.getProperty("Bogus"));
    }

    @Test
    void wrongPasswordAndNoCredentials() throws Exception {
        assertWbemcliError("wbemcli ein \"http://admin:wrong@127.0.0.1:$PORT/root/lio:LIO_StorageVolume\"",
                "Invalid username/password");
        assertWbemcliError("wbemcli ein \"http://127.0.0.1:$PORT/root/lio:LIO_StorageVolume\"",
                "Username/password required");
        WBEMClient client = server.client("wrong");
        WBEMException e = assertThrows(WBEMException.class, () -> CimQueries.all(
                client.enumerateInstanceNames(CimQueries.path("root/lio", "LIO_StorageVolume"))));
        assertEquals(WBEMException.CIM_ERR_ACCESS_DENIED, e.getID(), e.toString());
    }

    @Test
    void unsupportedOperation() throws Exception {
        WBEMClient client = server.client();
        WBEMException e = assertThrows(WBEMException.class, () -> CimQueries.all(client.execQuery(
                CimQueries.path("root/lio", "LIO_StorageVolume"), "SELECT * FROM LIO_StorageVolume", "WQL")));
        assertEquals(WBEMException.CIM_ERR_NOT_SUPPORTED, e.getID(), e.toString());
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return post("EnumerateInstanceNames", "root%2Flio", body);
    }

    private static HttpResponse<String> post(String method, String object, String body) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + server.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cimom"))
                .header("Content-Type", "application/xml; charset=\"utf-8\"").header("CIMOperation", "MethodCall")
                .header("CIMMethod", method).header("CIMObject", object)
                .header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String enumerateNames(String prolog, String className) {
        return prolog + "<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"1\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ>"
                + "<IMETHODCALL NAME=\"EnumerateInstanceNames\"><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/>"
                + "<NAMESPACE NAME=\"lio\"/></LOCALNAMESPACEPATH><IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\""
                + className + "\"/></IPARAMVALUE></IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
    }

    /** A method of the configuration service called in raw CIM-XML, the references written as given; its return value. */
    private static int callService(String method, String... parameters) throws Exception {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                + "<MESSAGE ID=\"2\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><METHODCALL NAME=\"" + method + "\">"
                + localPath("root/lio", instanceName("LIO_StorageConfigurationService", "CreationClassName",
                        "LIO_StorageConfigurationService", "Name", "StorageConfigurationService",
                        "SystemCreationClassName", "LIO_StorageSystem", "SystemName", "lio-demo"))
                + String.join("", parameters) + "</METHODCALL></SIMPLEREQ></MESSAGE></CIM>";
        HttpResponse<String> response = post(method, "root%2Flio:LIO_StorageConfigurationService", body);
        Matcher returned = Pattern.compile("<RETURNVALUE[^>]*>\\s*<VALUE>(\\d+)</VALUE>").matcher(response.body());
        assertTrue(returned.find(), response.body());
        return Integer.parseInt(returned.group(1));
    }

    private static String instanceName(String className, String... keyValues) {
        StringBuilder xml = new StringBuilder("<INSTANCENAME CLASSNAME=\"" + className + "\">");
        for (int i = 0; i < keyValues.length; i += 2) {
            xml.append("<KEYBINDING NAME=\"").append(keyValues[i]).append("\"><KEYVALUE VALUETYPE=\"string\">")
                    .append(keyValues[i + 1]).append("</KEYVALUE></KEYBINDING>");
        }
        return xml.append("</INSTANCENAME>").toString();
    }

    private static String volumeName(String deviceId) {
        return instanceName("LIO_StorageVolume", "CreationClassName", "LIO_StorageVolume", "DeviceID", deviceId,
                "SystemCreationClassName", "LIO_StorageSystem", "SystemName", "lio-demo");
    }

    private static String localNamespacePath(String namespace) {
        StringBuilder xml = new StringBuilder("<LOCALNAMESPACEPATH>");
        for (String part : namespace.split("/")) {
            xml.append("<NAMESPACE NAME=\"").append(part).append("\"/>");
        }
        return xml.append("</LOCALNAMESPACEPATH>").toString();
    }

    private static String localPath(String namespace, String instanceName) {
        return "<LOCALINSTANCEPATH>" + localNamespacePath(namespace) + instanceName + "</LOCALINSTANCEPATH>";
    }

    private static String hostPath(String namespace, String instanceName) {
        return "<INSTANCEPATH><NAMESPACEPATH><HOST>127.0.0.1</HOST>" + localNamespacePath(namespace)
                + "</NAMESPACEPATH>" + instanceName + "</INSTANCEPATH>";
    }

    private static String reference(String name, String path) {
        return "<PARAMVALUE NAME=\"" + name + "\" PARAMTYPE=\"reference\"><VALUE.REFERENCE>" + path
                + "</VALUE.REFERENCE></PARAMVALUE>";
    }

    @Test
    void referencesIntoAnotherNamespaceAreInvalidParameters() throws Exception {
        ReplicaClient replicas = new ReplicaClient(server.client());
        ReplicaClient.Outcome kept = replicas.createReplica("fileio/demo1", ReplicaClient.SNAPSHOT, "kept", null);
        if (kept.job() != null) {
            assertEquals(ReplicaClient.COMPLETED, ReplicaClient.jobState(replicas.awaitEnd(kept.job())));
        }
        String pool = instanceName("LIO_StoragePool", "InstanceID", "LIO:pool:default");
        for (String namespace : List.of("interop", "root/nope")) {
            assertEquals(5, callService("CreateReplica", COPY_TYPE_SNAPSHOT,
                    reference("SourceElement", localPath(namespace, volumeName("fileio/demo1")))), namespace);
            assertEquals(5, callService("CreateReplica", COPY_TYPE_SNAPSHOT,
                    reference("SourceElement", hostPath(namespace, volumeName("fileio/demo1")))), namespace);
            assertEquals(5, callService("CreateReplica", COPY_TYPE_SNAPSHOT, reference("SourceElement", volumeName("fileio/demo1")),
                    reference("TargetPool", localPath(namespace, pool))), namespace);
            assertEquals(5, callService("ReturnToStoragePool",
                    reference("TheElement", localPath(namespace, volumeName("fileio/kept")))), namespace);
        }
        assertEquals(List.of("fileio/demo1", "fileio/demo2", "fileio/demo3", "fileio/kept"), replicas.volumeIds());
        // no namespace: the method's own
        assertEquals(0, callService("ReturnToStoragePool", reference("TheElement", volumeName("fileio/kept"))));
    }

    @Test
    void aWellFormedRequestSucceedsOnTheSamePath() throws Exception {
        HttpResponse<String> response = post(enumerateNames("", "LIO_StorageVolume"));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("fileio/demo1"), response.body());
    }

    @Test
    void malformedXml() throws Exception {
        HttpResponse<String> response = post(enumerateNames("", "LIO_StorageVolume").replace("</CIM>", "</CIMX>"));
        assertEquals(400, response.statusCode());
        assertEquals("request-not-well-formed", response.headers().firstValue("CIMError").orElse(""));
    }

    @Test
    void externalEntityIsNeverRead() throws Exception {
        Path secret = Files.writeString(stateDir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE CIM [<!ENTITY x SYSTEM \"file://" + secret + "\">]>";
        HttpResponse<String> response = post(enumerateNames(xxe, "&x;"));
        assertEquals(400, response.statusCode());
        assertFalse(response.body().contains("TOP-SECRET"));
    }

    @Test
    void entityExpansion() throws Exception {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE CIM [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>";
        assertEquals(400, post(enumerateNames(laughs, "&c;")).statusCode());
    }

    @Test
    void oversizedBody() throws Exception {
        String padding = "<!--" + "x".repeat(5 * 1024 * 1024) + "-->";
        assertEquals(413, post(enumerateNames("", "LIO_StorageVolume") + padding).statusCode());
    }
}
