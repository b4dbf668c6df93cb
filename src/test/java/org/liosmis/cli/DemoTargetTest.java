package org.liosmis.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/** A suite whose every test gets a fresh demo target and a Java client of it. */
abstract class DemoTargetTest {

    @TempDir
    Path stateDir;
    DemoTarget target;
    WBEMClient client;

    @BeforeEach
    void start() throws Exception {
        target = DemoTarget.open(stateDir);
        client = target.client();
    }

    @AfterEach
    void stop() throws Exception {
        target.close();
    }
}
