package org.liosmis.host.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/** The real wbemcli (pre-emptive Basic auth, untyped arguments, strict XML parser) against the server. */
@Timeout(120)
class WbemcliTest {

    private static final Path WBEMCLI = Path.of("/usr/bin/wbemcli");

    private FakeOperations operations;
    private EmbeddedServer server;
    private String base;

    record Result(int exitCode, String output) { }

    @BeforeEach
    void start(@TempDir Path state) throws IOException {
        assumeTrue(Files.isExecutable(WBEMCLI), "wbemcli is not installed");
        operations = new FakeOperations();
        server = TestServers.startWithHttps(operations, state);
        base = "//" + TestServers.USER + ":" + TestServers.PASSWORD + "@127.0.0.1:";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Result wbemcli(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(WBEMCLI.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("wbemcli did not finish: " + command);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    private String http(String objectPart) {
        return "http:" + base + server.httpPort() + "/root/lio:" + objectPart;
    }

    private Result ok(String... arguments) throws Exception {
        Result result = wbemcli(arguments);
        assertEquals(0, result.exitCode(), result.output());
        return result;
    }

    @Test
    void getsAClass() throws Exception {
        String output = ok("gc", http("LIO_StorageVolume")).output();
        assertTrue(output.contains("LIO_StorageVolume"), output);
        assertTrue(output.contains("BlockSize=,DeviceID=,ElementName=,Tags="), output);
    }

    @Test
    void enumeratesInstancesAndNames() throws Exception {
        String instances = ok("ei", http("LIO_StorageVolume")).output();
        assertTrue(instances.contains("DeviceID=\"vol1\""), instances);
        assertTrue(instances.contains("BlockSize=512"), instances);
        String names = ok("ein", http("LIO_StorageVolume")).output();
        assertEquals(2, names.strip().lines().count(), names);
        assertTrue(names.contains("/root/lio:LIO_StorageVolume.DeviceID=\"vol2\""), names);
    }

    @Test
    void enumeratesWithNewlinesBetweenProperties() throws Exception {
        String output = ok("-nl", "ei", http("LIO_StorageVolume")).output();
        assertTrue(output.lines().anyMatch(line -> line.strip().startsWith("-ElementName=")), output);
    }

    @Test
    void getsAnInstanceAndReportsAMissingOne() throws Exception {
        String output = ok("gi", http("LIO_StorageVolume.DeviceID=\"vol2\"")).output();
        assertTrue(output.contains("ElementName=\"volume vol2\""), output);
        Result missing = wbemcli("gi", http("LIO_StorageVolume.DeviceID=\"nope\""));
        assertTrue(missing.output().contains("CIM_ERR_NOT_FOUND"), missing.output());
    }

    @Test
    void followsAssociatorsAndReferences() throws Exception {
        String associators = ok("ain", http("LIO_StorageVolume.DeviceID=\"vol1\"")).output();
        assertTrue(associators.contains("LIO_StoragePool.InstanceID=\"pool1\""), associators);
        String references = ok("ri", http("LIO_StorageVolume.DeviceID=\"vol1\"")).output();
        assertTrue(references.contains("LIO_PoolVolume"), references);
        assertTrue(references.contains("PartComponent="), references);
    }

    @Test
    void callsAMethodWithAnUntypedAndAReferenceArgument() throws Exception {
        String output = ok("cm", http("LIO_StorageVolume.DeviceID=\"vol1\""),
                "CreateSnapshot.ElementName=\"snap1\",CopyType=4,Source=LIO_StorageVolume.DeviceID=\"vol2\"")
                .output();
        assertTrue(output.contains("CreateSnapshot: 4096"), output);
        assertTrue(output.contains("job7"), output);
        List<CIMArgument<?>> received = operations.invocations.getFirst();
        CIMArgument<?> copyType = received.stream().filter(a -> a.getName().equals("CopyType")).findFirst()
                .orElseThrow();
        assertEquals("4", copyType.getValue());
        CIMArgument<?> source = received.stream().filter(a -> a.getName().equals("Source")).findFirst()
                .orElseThrow();
        assertEquals("vol2", ((CIMObjectPath) source.getValue()).getKeyValue("DeviceID"));
    }

    @Test
    void worksOverHttpsWithTheGeneratedCertificate() throws Exception {
        String output = ok("-noverify", "ein",
                "https:" + base + server.httpsPort() + "/root/lio:LIO_StorageVolume").output();
        assertTrue(output.contains("DeviceID=\"vol1\""), output);
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        Result result = wbemcli("ein", "http://" + TestServers.USER + ":wrong@127.0.0.1:" + server.httpPort()
                + "/root/lio:LIO_StorageVolume");
        assertTrue(result.exitCode() != 0, result.output());
        assertTrue(result.output().contains("Invalid username/password"), result.output());
    }
}
