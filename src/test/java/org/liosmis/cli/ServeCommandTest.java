package org.liosmis.cli;

import org.liosmis.service.UsageException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.CimQueries;
import org.liosmis.testing.DmtfSchema;
import org.metricshub.wbem.javax.cim.CIMClass;

/** Starting the server: HTTPS, a full DMTF schema, and what stops a start with a clear message. */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void servesHttpsWithASelfSignedCertificateMadeOnFirstStart() throws Exception {
        try (DemoServer server = DemoServer.start(dir)) {
            Wbemcli.Result result = Wbemcli.run("wbemcli -noverify ein \"$LIO/root/lio:LIO_StoragePool\"",
                    Map.of("LIO", server.url("https")));
            assertEquals(0, result.exitCode(), result.output());
            assertTrue(result.output().contains("LIO:pool:default"), result.output());
        }
        assertTrue(Files.exists(dir.resolve("https-keystore.p12")));
    }

    @Test
    void servesAFullDmtfSchemaWhenGivenOne() throws Exception {
        String schema = DmtfSchema.location().toString();
        try (DemoServer server = DemoServer.start(dir, "--schema", schema)) {
            CIMClass fan = server.client().getClass(CimQueries.path("root/lio", "CIM_Fan"), false, false, false, null);
            assertEquals("CIM_CoolingDevice", fan.getSuperClassName());
            assertEquals(3, CimQueries.all(server.client().enumerateInstanceNames(
                    CimQueries.path("root/lio", "CIM_StorageVolume"))).size());
        }
    }

    @Test
    void theStateDirectoryItMakesAndTheDatabaseInItAreTheOwnersOnly() throws Exception {
        Path stateDir = dir.resolve("new/state");
        try (DemoServer server = DemoServer.start(stateDir)) {
            assertEquals("rwx------", mode(stateDir));
            assertEquals("rw-------", mode(stateDir.resolve("lio-smis.db")));
        }
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void withoutConfigfsOrCredentialsTheStartSaysWhatToDo() throws Exception {
        UsageException noConfigfs = assertThrows(UsageException.class, () -> ServeCommand.start(ServeOptions.parse(
                List.of("--state-dir", dir.toString(), "--configfs", dir.resolve("none").toString()))));
        assertTrue(noConfigfs.getMessage().contains("modprobe target_core_mod"), noConfigfs.getMessage());
        Files.createDirectories(dir.resolve("configfs"));
        UsageException noCredentials = assertThrows(UsageException.class, () -> ServeCommand.start(ServeOptions.parse(
                List.of("--state-dir", dir.toString(), "--configfs", dir.resolve("configfs").toString()))));
        assertTrue(noCredentials.getMessage().contains("passwd --file"), noCredentials.getMessage());
    }
}
