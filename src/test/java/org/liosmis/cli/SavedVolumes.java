package org.liosmis.cli;

import java.nio.file.Path;
import java.util.List;
import org.liosmis.lio.saveconfig.SavedConfigFile;
import org.liosmis.testing.ReplicaClient;

/** The volumes the demo's saved LIO configuration (STATE/saveconfig.json) would restore. */
final class SavedVolumes {

    private SavedVolumes() {
    }

    /** Their DeviceIDs ({@code <plugin>/<name>}), sorted like {@link ReplicaClient#volumeIds()}. */
    static List<String> in(Path stateDir) throws Exception {
        return SavedConfigFile.at(stateDir.resolve("saveconfig.json")).load().storageObjects().stream()
                .map(object -> object.plugin() + "/" + object.name()).sorted().toList();
    }
}
