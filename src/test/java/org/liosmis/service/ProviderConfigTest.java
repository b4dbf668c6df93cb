package org.liosmis.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.engine.PoolBacking;

class ProviderConfigTest {

    @TempDir
    Path dir;

    private ServiceOptions read(String text) throws Exception {
        return ProviderConfig.read(Files.writeString(dir.resolve("provider.conf"), text));
    }

    private String message(String text) {
        return assertThrows(UsageException.class, () -> read(text)).getMessage();
    }

    @Test
    void takesServesServiceOptionsAsNameValueLines() throws Exception {
        ServiceOptions options = read("""
                # lio-smis under a broker
                state-dir = /srv/lio-smis
                pool = fast=/srv/pools/fast
                  lvm-pool = block=vg0/thin
                system-name = array1

                namespace = root/storage
                """);
        assertEquals(Path.of("/srv/lio-smis"), options.stateDir());
        assertEquals(Map.of("fast", new PoolBacking.Directory(Path.of("/srv/pools/fast")),
                "block", new PoolBacking.ThinPool("vg0", "thin")), options.pools());
        assertEquals("array1", options.systemName());
        assertEquals("root/storage", options.namespace());
        assertEquals(ServiceOptions.KERNEL_CONFIGFS, options.configfsRoot());
    }

    @Test
    void demoIsAFlagWithAValue() throws Exception {
        ServiceOptions demo = read("demo = true\nstate-dir = " + dir + "\n");
        assertTrue(demo.demo());
        assertEquals("lio-demo", demo.systemName());
        assertEquals(dir.resolve("configfs"), demo.configfsRoot());
        assertEquals(false, read("demo = false\n").demo());
        assertTrue(message("demo = yes\n").endsWith("line 1: demo takes true or false, not \"yes\""));
    }

    @Test
    void eachMistakeNamesTheFileTheLineAndTheFix() {
        Path file = dir.resolve("provider.conf");
        assertEquals(file + " line 2: expected \"name = value\", not \"state-dir /x\"", message("# c\nstate-dir /x\n"));
        assertTrue(message("colour = blue\n").contains("line 1: unknown setting \"colour\"; the settings are demo,"));
        assertTrue(message("http-port = 5988\n").contains("\"http-port\" is an option of lio-smis serve's own server"));
        assertTrue(message("pool =\n").endsWith("line 1: pool needs a value"));
        assertTrue(message("pool = a=/x\npool = a=/y\n").endsWith("line 2: pool \"a\" is given twice"));
        assertTrue(message("lvm-pool = block\n").endsWith("line 1: lvm-pool takes NAME=VG[/THINPOOL] with a name of"
                + " letters, digits, '_', '.', '-', not \"block\""));
        assertEquals(file + ": demo emulates LIO under the state directory; it takes no configfs",
                message("demo = true\nconfigfs = /x\n"));
    }

    @Test
    void aMissingFileSaysWhereItWasLookedFor() {
        UsageException e = assertThrows(UsageException.class, () -> ProviderConfig.read(dir.resolve("none.conf")));
        assertTrue(e.getMessage().startsWith("no lio-smis configuration at " + dir.resolve("none.conf")), e.getMessage());
        assertTrue(e.getMessage().contains("LIO_SMIS_CONFIG"), e.getMessage());
    }

    @Test
    void theEnvironmentNamesTheFileOrTheDefaultIsUsed() {
        assertEquals(Path.of("/opt/x.conf"), ProviderConfig.location(Map.of("LIO_SMIS_CONFIG", "/opt/x.conf")));
        assertEquals(Path.of("/etc/lio-smis/provider.conf"), ProviderConfig.location(Map.of()));
        assertEquals(Path.of("/etc/lio-smis/provider.conf"), ProviderConfig.location(Map.of("LIO_SMIS_CONFIG", " ")));
    }
}
