package org.liosmis.cli;

import org.liosmis.service.UsageException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liosmis.engine.PoolBacking;

class ServeOptionsTest {

    @Test
    void defaultsAreThoseOfAProductionHost() throws Exception {
        ServeOptions options = ServeOptions.parse(List.of());
        assertEquals("127.0.0.1", options.bindAddress());
        assertEquals(5988, options.httpPort());
        assertEquals(5989, options.httpsPort());
        assertEquals(Path.of("/sys/kernel/config/target"), options.service().configfsRoot());
        assertEquals(new PoolBacking.Directory(Path.of("/var/lib/lio-smis/pool")), options.service().pools().get("default"));
        assertEquals(Path.of("/var/lib/lio-smis/credentials"), options.credentials());
        assertEquals("root/lio", options.service().namespace());
    }

    @Test
    void demoKeepsEverythingUnderTheStateDirectory() throws Exception {
        ServeOptions options = ServeOptions.parse(List.of("--demo", "--state-dir", "/tmp/d", "--https-port", "off"));
        assertEquals(Path.of("/tmp/d/configfs"), options.service().configfsRoot());
        assertEquals(new PoolBacking.Directory(Path.of("/tmp/d/pool")), options.service().pools().get("default"));
        assertEquals(-1, options.httpsPort());
        assertEquals("lio-demo", options.service().systemName());
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertMessage("unknown option \"--bogus\"", "--bogus");
        assertMessage("--http-port needs a value", "--http-port");
        assertMessage("--http-port takes a port number from 0 to 65535 or \"off\", not \"99999\"", "--http-port", "99999");
        assertMessage("both --http-port and --https-port are off: nothing would listen",
                "--http-port", "off", "--https-port", "off");
        assertMessage("--keystore needs --keystore-password", "--keystore", "/k.p12");
        assertMessage("--demo emulates LIO under the state directory; it takes no --configfs",
                "--demo", "--configfs", "/x");
        assertTrue(message("--pool", "bad name=/x").startsWith("--pool takes NAME=DIR"));
        assertEquals("pool \"a\" is given twice", message("--pool", "a=/x", "--pool", "a=/y"));
        assertTrue(message("--pool", "external=/x").contains("reserved"));
        assertTrue(message("--lvm-pool", "thin=vg0/pool/x").startsWith("--lvm-pool takes a volume group or VG/THINPOOL"));
        assertTrue(message("--lvm-pool", "thin=-vg").startsWith("--lvm-pool takes"));
        assertTrue(message("--lvm-pool", "thin").startsWith("--lvm-pool takes NAME=VG[/THINPOOL]"));
        assertEquals("volume group \"vg0\" backs two pools; give each volume group to one pool",
                message("--lvm-pool", "a=vg0/pool", "--lvm-pool", "b=vg0"));
        assertTrue(message("--demo", "--lvm-pool", "a=vg0").startsWith("--demo makes its volumes in the fileio pool"));
        assertTrue(message("--namespace", "interop").startsWith("--namespace names the model namespace, and \"interop\""));
        assertTrue(message("--namespace", "/Root/Interop").contains("root/interop is another name for interop"));
    }

    @Test
    void lvmPoolsAreThinPoolsOrVolumeGroups() throws Exception {
        ServeOptions options = ServeOptions.parse(List.of("--lvm-pool", "thin=vg0/pool", "--lvm-pool", "thick=vg1",
                "--pool", "files=/srv/pool"));
        assertEquals(new PoolBacking.ThinPool("vg0", "pool"), options.service().pools().get("thin"));
        assertEquals(new PoolBacking.VolumeGroup("vg1"), options.service().pools().get("thick"));
        assertEquals(new PoolBacking.Directory(Path.of("/srv/pool")), options.service().pools().get("files"));
        assertEquals(3, options.service().pools().size(), "no default pool when pools are given");
    }

    private static void assertMessage(String expected, String... args) {
        assertEquals(expected, message(args));
    }

    private static String message(String... args) {
        return assertThrows(UsageException.class, () -> ServeOptions.parse(List.of(args))).getMessage();
    }
}
