package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.CimQueries;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * Bad input that only the embedded server's own HTTP layer and dispatcher see: under a WBEM
 * broker the broker parses the HTTP and the XML, and may answer queries itself. The
 * host-independent bad input is in DemoBadInputTest.
 */
class EmbeddedServerBadInputTest {

    @TempDir
    static Path stateDir;
    private static DemoServer server;

    @BeforeAll
    static void start() throws Exception {
        server = DemoServer.start(stateDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void aWellFormedRequestStillSucceedsOnTheSamePath() throws Exception {
        HttpResponse<String> response = post(enumerateNames("", "LIO_StorageVolume"));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("fileio/demo1"), response.body());
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return RawCimXml.post(server, "EnumerateInstanceNames", "root%2Flio", body);
    }

    private static String enumerateNames(String prolog, String className) {
        return prolog + "<CIM CIMVERSION=\"2.0\" DTDVERSION=\"2.0\"><MESSAGE ID=\"1\" PROTOCOLVERSION=\"1.0\"><SIMPLEREQ>"
                + "<IMETHODCALL NAME=\"EnumerateInstanceNames\"><LOCALNAMESPACEPATH><NAMESPACE NAME=\"root\"/>"
                + "<NAMESPACE NAME=\"lio\"/></LOCALNAMESPACEPATH><IPARAMVALUE NAME=\"ClassName\"><CLASSNAME NAME=\""
                + className + "\"/></IPARAMVALUE></IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>";
    }

    @Test
    void unsupportedOperation() throws Exception {
        WBEMClient client = server.client();
        WBEMException e = assertThrows(WBEMException.class, () -> CimQueries.all(client.execQuery(
                CimQueries.path("root/lio", "LIO_StorageVolume"), "SELECT * FROM LIO_StorageVolume", "WQL")));
        assertEquals(WBEMException.CIM_ERR_NOT_SUPPORTED, e.getID(), e.toString());
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
