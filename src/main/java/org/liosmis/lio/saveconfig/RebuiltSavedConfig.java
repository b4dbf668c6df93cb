package org.liosmis.lio.saveconfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.liosmis.lio.StorageObject;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A saved config made anew from configfs when the file is gone: every storage object LIO holds,
 * so the next save cannot leave out all but the one it changes, and a reboot drops no volume.
 */
public final class RebuiltSavedConfig {

    private static final Logger LOG = LoggerFactory.getLogger(RebuiltSavedConfig.class);

    private RebuiltSavedConfig() {
    }

    /** Every storage object targetcli saves (fileio, block, ramdisk); says at WARN what it did. */
    public static SavedConfig of(Path file, ConfigFs fs, List<StorageObject> objects) throws ConfigFsException {
        SavedConfig config = SavedConfig.empty();
        StorageObjectDump dump = new StorageObjectDump(fs);
        List<String> unsaved = new ArrayList<>();
        boolean exported = false;
        for (StorageObject so : objects) {
            if (StorageObjectDump.dumps(so.plugin())) {
                config.put(dump.dump(so));
                exported |= so.exported();
            } else {
                unsaved.add(so.plugin().configfsName() + "/" + so.name());
            }
        }
        if (!objects.isEmpty()) {
            LOG.warn("saved config {} was missing; rebuilt it from configfs with every storage object LIO holds"
                    + " ({} of them){}{}", file, objects.size() - unsaved.size(),
                    unsaved.isEmpty() ? "" : " (not " + String.join(", ", unsaved) + ", which lio-smis cannot save)",
                    exported ? "; it holds no targets or LUNs: run targetcli saveconfig to save those too" : "");
        }
        return config;
    }
}
