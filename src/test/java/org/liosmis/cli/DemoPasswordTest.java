package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.testing.ServerProcess;

/** The demo's generated password stays in its file: logs and consoles are read by others. */
class DemoPasswordTest {

    @TempDir
    Path stateDir;

    @Test
    void everyDemoStartSaysWhereThePasswordIsAndNeverShowsIt() throws Exception {
        String passwordFile = stateDir.resolve("demo-password").toString();
        for (String start : new String[] {"first start", "restart"}) {
            try (ServerProcess server = ServerProcess.start(stateDir)) {
                String output = server.output();
                assertFalse(output.contains(server.password()), start + " showed the password:\n" + output);
                assertTrue(output.contains(passwordFile), start + " did not say where the password is:\n" + output);
            }
        }
    }
}
