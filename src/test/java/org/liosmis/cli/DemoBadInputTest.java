package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.CimQueries;
import org.liosmis.testing.ReplicaClient;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Bad input against the demo target, end to end: each gets its precise answer, and after
 * each the server still serves a normal request. What only the embedded server's HTTP layer
 * sees is in EmbeddedServerBadInputTest.
 */
@Tag(DemoTarget.ANY_HOST)
class DemoBadInputTest {

    private static final String VOLUME = "LIO_StorageVolume.CreationClassName=\"LIO_StorageVolume\","
            + "DeviceID=\"fileio/demo1\",SystemCreationClassName=\"LIO_StorageSystem\",SystemName=\"lio-demo\"";
    private static final String SERVICE = "LIO_StorageConfigurationService.CreationClassName="
            + "\"LIO_StorageConfigurationService\",Name=\"StorageConfigurationService\","
            + "SystemCreationClassName=\"LIO_StorageSystem\",SystemName=\"lio-demo\"";
    private static final String COPY_TYPE_SNAPSHOT =
            "<PARAMVALUE NAME=\"CopyType\" PARAMTYPE=\"uint16\"><VALUE>4</VALUE></PARAMVALUE>";

    @TempDir
    static Path stateDir;
    private static DemoTarget target;

    @BeforeAll
    static void start() throws Exception {
        target = DemoTarget.open(stateDir);
    }

    @AfterAll
    static void stop() throws Exception {
        target.close();
    }

    @AfterEach
    void serverStillServes() throws Exception {
        Wbemcli.Result result = wbemcli("wbemcli ein \"$LIO/root/lio:LIO_StorageVolume\"");
        assertEquals(0, result.exitCode(), result.output());
        assertEquals(3, result.lines());
    }

    private static Wbemcli.Result wbemcli(String line) throws Exception {
        String lio = target.url();
        String credentials = target.user() + ":" + target.password() + "@";
        return Wbemcli.run(line, Map.of("LIO", lio, "WRONG", lio.replace(credentials, target.user() + ":wrong@"),
                "ANONYMOUS", lio.replace(credentials, "")));
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
        CIMObjectPath volume = CimQueries.all(target.client().enumerateInstanceNames(
                CimQueries.path("root/lio", "LIO_StorageVolume"))).get(0);
        CIMInstance instance = target.client().getInstance(volume, false, false, new String[] {"ElementName", "Bogus"});
        assertEquals(1, instance.getPropertyCount());
        assertNull(instance.getProperty("Bogus"));
    }

    @Test
    void wrongPasswordAndNoCredentials() throws Exception {
        assertWbemcliError("wbemcli ein \"$WRONG/root/lio:LIO_StorageVolume\"", "Invalid username/password");
        assertWbemcliError("wbemcli ein \"$ANONYMOUS/root/lio:LIO_StorageVolume\"", "Username/password required");
        WBEMClient client = target.client("wrong");
        WBEMException e = assertThrows(WBEMException.class, () -> CimQueries.all(
                client.enumerateInstanceNames(CimQueries.path("root/lio", "LIO_StorageVolume"))));
        assertEquals(WBEMException.CIM_ERR_ACCESS_DENIED, e.getID(), e.toString());
    }

    /** A method of the configuration service called in raw CIM-XML, the references written as given; its return value. */
    private static int callService(String method, String... parameters) throws Exception {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                + "<MESSAGE ID=\"2\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><METHODCALL NAME=\"" + method + "\">"
                + localPath("root/lio", instanceName("LIO_StorageConfigurationService", "CreationClassName",
                        "LIO_StorageConfigurationService", "Name", "StorageConfigurationService",
                        "SystemCreationClassName", "LIO_StorageSystem", "SystemName", "lio-demo"))
                + String.join("", parameters) + "</METHODCALL></SIMPLEREQ></MESSAGE></CIM>";
        // DSP0200: an instance method's CIMObject header is the instance's whole path (brokers check it)
        String object = "root/lio:LIO_StorageConfigurationService.CreationClassName=\"LIO_StorageConfigurationService\","
                + "Name=\"StorageConfigurationService\",SystemCreationClassName=\"LIO_StorageSystem\",SystemName=\"lio-demo\"";
        HttpResponse<String> response = RawCimXml.post(target, method, URLEncoder.encode(object, StandardCharsets.UTF_8)
                .replace("+", "%20"), body);
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
        ReplicaClient replicas = new ReplicaClient(target.client());
        ReplicaClient.Outcome kept = replicas.createReplica("fileio/demo1", ReplicaClient.SNAPSHOT, "kept", null);
        if (kept.job() != null) {
            assertEquals(ReplicaClient.COMPLETED, ReplicaClient.jobState(replicas.awaitEnd(kept.job())));
        }
        String pool = instanceName("LIO_StoragePool", "InstanceID", "LIO:pool:default");
        for (String namespace : List.of(target.interopNamespace(), "root/nope")) {
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
}
