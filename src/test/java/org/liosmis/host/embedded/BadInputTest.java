package org.liosmis.host.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad request gets a precise refusal, and the server goes on serving. */
@Timeout(30)
class BadInputTest {

    private static final int MAX_BODY = 64 * 1024;
    private static final String ENUMERATE_NAMES = call("EnumerateInstanceNames",
            "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"LIO_StorageVolume\"/></IPARAMVALUE>");

    private EmbeddedServer server;

    @BeforeEach
    void start() throws IOException {
        server = EmbeddedServer.start(TestServers.config().withLimits(limits -> limits.withMaxBodyBytes(MAX_BODY)), new FakeOperations());
    }

    @AfterEach
    void stop() throws IOException {
        try (RawHttp http = connect()) {
            RawHttp.Response response = http.call("EnumerateInstanceNames", ENUMERATE_NAMES);
            assertEquals(200, response.status(), "the server still answers a normal request");
            assertTrue(response.body().contains("<INSTANCENAME CLASSNAME=\"LIO_StorageVolume\">"), response.body());
        } finally {
            server.close();
        }
    }

    static String call(String method, String parameters) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\">"
                + "<MESSAGE ID=\"1\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ><IMETHODCALL NAME=\"" + method + "\">"
                + "<LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/><NAMESPACE NAME=\"lio\"/></LOCALNAMESPACEPATH>"
                + parameters + "</IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
    }

    private RawHttp connect() throws IOException {
        return new RawHttp(server.httpPort());
    }

    private RawHttp.Response post(String cimMethod, String body) throws IOException {
        try (RawHttp http = connect()) {
            return http.call(cimMethod, body);
        }
    }

    private static void assertRejected(RawHttp.Response response, int status, String cimError) {
        assertEquals(status, response.status(), response.body());
        assertEquals(cimError, response.header("CIMError"));
    }

    @Test
    void malformedXml() throws IOException {
        assertRejected(post("EnumerateInstanceNames", "<CIM><MESSAGE></CIM>"), 400, "request-not-well-formed");
    }

    @Test
    void wellFormedButNotCimXml() throws IOException {
        assertRejected(post("EnumerateInstanceNames", "<html><body/></html>"), 400, "request-not-valid");
    }

    @Test
    void externalEntityIsNeverRead(@TempDir Path directory) throws IOException {
        Path secret = directory.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String body = "<?xml version=\"1.0\"?><!DOCTYPE CIM [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + ENUMERATE_NAMES.substring(ENUMERATE_NAMES.indexOf("<CIM ")).replace("LIO_StorageVolume", "&xxe;");
        RawHttp.Response response = post("EnumerateInstanceNames", body);
        assertEquals(400, response.status());
        assertFalse(response.body().contains("TOP-SECRET"), response.body());
    }

    @Test
    void entityExpansionIsRefused() throws IOException {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE CIM [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        String body = dtd + ENUMERATE_NAMES.substring(ENUMERATE_NAMES.indexOf("<CIM "))
                .replace("LIO_StorageVolume", "&lol9;");
        assertRejected(post("EnumerateInstanceNames", body), 400, "request-not-valid");
    }

    @Test
    void deepNestingIsRefused() throws IOException {
        String deep = "<VALUE.ARRAY>".repeat(500) + "</VALUE.ARRAY>".repeat(500);
        String body = call("EnumerateInstanceNames", "<IPARAMVALUE NAME=\"ClassName\">" + deep + "</IPARAMVALUE>");
        assertRejected(post("EnumerateInstanceNames", body), 400, "request-not-valid");
    }

    @Test
    void oversizedBodyIsRefusedByItsContentLength() throws IOException {
        try (RawHttp http = connect()) {
            http.write(RawHttp.head("POST", "MethodCall", "EnumerateInstanceNames", "root%2Flio",
                    RawHttp.AUTHORIZATION, "Content-Length: " + (100L * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII));
            RawHttp.Response response = http.read();
            assertEquals(413, response.status());
            assertEquals("close", response.header("Connection"));
        }
    }

    @Test
    void oversizedChunkedBodyIsRefused() throws IOException {
        try (RawHttp http = connect()) {
            http.write(RawHttp.head("POST", "MethodCall", "EnumerateInstanceNames", "root%2Flio",
                    RawHttp.AUTHORIZATION, "Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("1000\r\n" + " ".repeat(0x1000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                for (int sent = 0; sent <= MAX_BODY; sent += 0x1000) {
                    http.write(chunk);
                }
            } catch (IOException closedWhileSending) {
                // the server may answer and close before the client finishes
            }
            assertEquals(413, http.read().status());
        }
    }

    @Test
    void noCredentialsGetAChallenge() throws IOException {
        try (RawHttp http = connect()) {
            RawHttp.Response response = http.send(RawHttp.head("POST", "MethodCall", "EnumerateInstanceNames",
                    "root%2Flio", null, "Content-Length: " + ENUMERATE_NAMES.length()), ENUMERATE_NAMES);
            assertEquals(401, response.status());
            assertEquals("Basic realm=\"lio-smis\"", response.header("WWW-Authenticate"));
            // a client that resends on the same connection without reading the challenge's body must find none
            assertEquals("0", response.header("Content-Length"));
        }
    }

    @Test
    void aWrongPasswordGetsAChallenge() throws IOException {
        String wrong = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:nope".getBytes());
        try (RawHttp http = connect()) {
            RawHttp.Response response = http.send(RawHttp.head("POST", "MethodCall", "EnumerateInstanceNames",
                    "root%2Flio", wrong, "Content-Length: " + ENUMERATE_NAMES.length()), ENUMERATE_NAMES);
            assertEquals(401, response.status());
            assertTrue(response.header("WWW-Authenticate").startsWith("Basic realm="));
        }
    }

    @Test
    void unsupportedOperationIsNamed() throws IOException {
        RawHttp.Response response = post("CreateInstance", call("CreateInstance", ""));
        assertEquals(200, response.status());
        assertTrue(response.body().contains("<ERROR CODE=\"7\" DESCRIPTION=\"the operation CreateInstance"),
                response.body());
    }

    @Test
    void unknownParameterIsInvalid() throws IOException {
        RawHttp.Response response = post("EnumerateInstanceNames", call("EnumerateInstanceNames",
                "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"LIO_StorageVolume\"/></IPARAMVALUE>"
                        + "<IPARAMVALUE NAME=\"Colour\"><VALUE>red</VALUE></IPARAMVALUE>"));
        assertTrue(response.body().contains("<ERROR CODE=\"4\""), response.body());
    }

    @Test
    void modifyInstanceNeedsANamedInstance() throws IOException {
        String name = "<INSTANCENAME CLASSNAME=\"LIO_ConcreteJob\"><KEYBINDING NAME=\"InstanceID\">"
                + "<KEYVALUE VALUETYPE=\"string\">LIO:job:1</KEYVALUE></KEYBINDING></INSTANCENAME>";
        String instance = "<INSTANCE CLASSNAME=\"LIO_ConcreteJob\"><PROPERTY NAME=\"DeleteOnCompletion\" "
                + "TYPE=\"boolean\"><VALUE>false</VALUE></PROPERTY></INSTANCE>";
        for (String wrong : new String[] {"", name, "<VALUE.NAMEDINSTANCE>" + name + "</VALUE.NAMEDINSTANCE>",
                "<VALUE.NAMEDINSTANCE>" + name + "<INSTANCE CLASSNAME=\"LIO_ConcreteJob\"><VALUE>x</VALUE>"
                        + "</INSTANCE></VALUE.NAMEDINSTANCE>"}) {
            RawHttp.Response response = post("ModifyInstance", call("ModifyInstance",
                    "<IPARAMVALUE NAME=\"ModifiedInstance\">" + wrong + "</IPARAMVALUE>"));
            assertTrue(response.body().contains("<ERROR CODE=\"4\""), response.body());
        }
        // well formed, it reaches the operations, which modify nothing here
        RawHttp.Response response = post("ModifyInstance", call("ModifyInstance", "<IPARAMVALUE NAME=\"ModifiedInstance\">"
                + "<VALUE.NAMEDINSTANCE>" + name + instance + "</VALUE.NAMEDINSTANCE></IPARAMVALUE>"
                + "<IPARAMVALUE NAME=\"PropertyList\"><VALUE.ARRAY><VALUE>DeleteOnCompletion</VALUE></VALUE.ARRAY>"
                + "</IPARAMVALUE>"));
        assertTrue(response.body().contains("<ERROR CODE=\"7\" DESCRIPTION=\"volumes are not modified here"),
                response.body());
    }

    @Test
    void multipleRequestsAreUnsupported() throws IOException {
        String body = "<?xml version=\"1.0\"?><CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"1\" "
                + "PROTOCOLVERSION=\"1.0\"><MULTIREQ></MULTIREQ></MESSAGE></CIM>";
        assertRejected(post("EnumerateInstanceNames", body), 501, "multiple-requests-unsupported");
    }

    @Test
    void wrongCimOperationHeader() throws IOException {
        try (RawHttp http = connect()) {
            assertRejected(http.send(RawHttp.head("POST", "MethodResponse", "EnumerateInstanceNames", "root%2Flio",
                    RawHttp.AUTHORIZATION, "Content-Length: " + ENUMERATE_NAMES.length()), ENUMERATE_NAMES),
                    400, "unsupported-operation");
        }
    }

    @Test
    void missingCimOperationHeader() throws IOException {
        try (RawHttp http = connect()) {
            assertRejected(http.send(RawHttp.head("POST", null, "EnumerateInstanceNames", "root%2Flio",
                    RawHttp.AUTHORIZATION, "Content-Length: " + ENUMERATE_NAMES.length()), ENUMERATE_NAMES),
                    400, "header-mismatch");
        }
    }

    @Test
    void cimMethodHeaderMustMatchTheBody() throws IOException {
        assertRejected(post("GetInstance", ENUMERATE_NAMES), 400, "header-mismatch");
    }

    @Test
    void cimObjectHeaderMustMatchTheBody() throws IOException {
        try (RawHttp http = connect()) {
            assertRejected(http.send(RawHttp.head("POST", "MethodCall", "EnumerateInstanceNames", "root%2Fother",
                    RawHttp.AUTHORIZATION, "Content-Length: " + ENUMERATE_NAMES.length()), ENUMERATE_NAMES),
                    400, "header-mismatch");
        }
    }

    @Test
    void aBrokenPercentEscapeInCimObjectIs400() throws IOException {
        for (String object : new String[] {"root%2", "root%zzlio", "root%"}) {
            try (RawHttp http = connect()) {
                assertRejected(http.send(RawHttp.head("POST", "MethodCall", "EnumerateInstanceNames", object,
                        RawHttp.AUTHORIZATION, "Content-Length: " + ENUMERATE_NAMES.length()), ENUMERATE_NAMES),
                        400, "header-mismatch");
            }
        }
    }

    @Test
    void errorsOfTheHttpLayerNameNoImplementation() throws IOException {
        String[] heads = {
            RawHttp.head("POST", "MethodCall", "EnumerateInstanceNames", "root%2Flio", RawHttp.AUTHORIZATION,
                    "Content-Length: twelve"),
            RawHttp.head("POST", "MethodCall", "EnumerateInstanceNames", "root%2Flio", RawHttp.AUTHORIZATION,
                    "Content-Length: -5"),
            RawHttp.head("POST", "MethodCall", "EnumerateInstanceNames", "root%2Flio", RawHttp.AUTHORIZATION,
                    "Transfer-Encoding: gzip"),
            "POST /cimom HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(70_000) + "\r\n\r\n",
            "POST /cimom HTTP/7.3\r\nHost: x\r\n\r\n",
            "POST\r\n\r\n",
        };
        for (String head : heads) {
            try (RawHttp http = connect()) {
                RawHttp.Response response;
                try {
                    response = http.send(head, "");
                } catch (IOException dropped) {
                    throw new AssertionError("no HTTP answer to " + head.lines().findFirst().orElse(""), dropped);
                }
                assertTrue(response.status() >= 400 && response.status() < 600, head);
                for (String word : new String[] {"Exception", "java", "jetty", "sun.", "at org."}) {
                    assertFalse(response.body().contains(word), word + " in: " + response.body());
                }
            }
        }
    }

    @Test
    void getIsNotAnOperation() throws IOException {
        try (RawHttp http = connect()) {
            RawHttp.Response response = http.send("GET /cimom HTTP/1.1\r\nHost: x\r\nAuthorization: "
                    + RawHttp.AUTHORIZATION + "\r\n\r\n", "");
            assertEquals(405, response.status());
        }
    }

    @Test
    void keepAliveServesTwoRequestsOnOneConnection() throws IOException {
        try (RawHttp http = connect()) {
            assertEquals(200, http.call("EnumerateInstanceNames", ENUMERATE_NAMES).status());
            RawHttp.Response second = http.call("EnumerateInstanceNames", ENUMERATE_NAMES);
            assertEquals(200, second.status());
            assertEquals("MethodResponse", second.header("CIMOperation"));
        }
    }

    @Test
    void mPostWithPrefixedHeadersIsAccepted() throws IOException {
        try (RawHttp http = connect()) {
            String head = "M-POST /cimom HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/xml\r\n"
                    + "Man: http://www.dmtf.org/cim/mapping/http/v1.0 ; ns=73\r\n73-CIMOperation: MethodCall\r\n"
                    + "73-CIMMethod: EnumerateInstanceNames\r\n73-CIMObject: root%2Flio\r\nAuthorization: "
                    + RawHttp.AUTHORIZATION + "\r\nContent-Length: " + ENUMERATE_NAMES.length() + "\r\n\r\n";
            assertEquals(200, http.send(head, ENUMERATE_NAMES).status());
        }
    }

    @Test
    void responsesNeverSelfCloseElements() throws IOException {
        RawHttp.Response response = post("GetClass", call("GetClass",
                "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"LIO_StorageVolume\"/></IPARAMVALUE>"
                        + "<IPARAMVALUE NAME=\"LocalOnly\"><VALUE>FALSE</VALUE></IPARAMVALUE>"));
        assertEquals(200, response.status());
        assertFalse(response.body().contains("/>"), response.body());
        assertTrue(response.body().contains("<PARAMETER.REFERENCE NAME=\"Source\" REFERENCECLASS=\"LIO_StorageVolume\">"
                + "<QUALIFIER NAME=\"In\" TYPE=\"boolean\"><VALUE>TRUE</VALUE></QUALIFIER></PARAMETER.REFERENCE>"),
                response.body());
    }

    @Test
    void aStreamBrokenBeforeAnythingWasSentIsACimError() throws IOException {
        RawHttp.Response response = post("EnumerateInstances", call("EnumerateInstances",
                "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"LIO_BrokenEarly\"/></IPARAMVALUE>"));
        assertEquals(200, response.status());
        assertTrue(response.body().contains("<ERROR CODE=\"1\" DESCRIPTION=\"EnumerateInstances failed: the backstore"
                + " list changed while it was read\">"), response.body());
        assertFalse(response.body().contains("broken0"), "no partial answer: " + response.body());
    }

    @Test
    void aBrokenStreamDropsTheConnection() throws IOException {
        try (RawHttp http = connect()) {
            assertThrows(IOException.class, () -> http.call("EnumerateInstances", call("EnumerateInstances",
                    "<IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\"LIO_Broken\"/></IPARAMVALUE>")));
        }
    }
}
