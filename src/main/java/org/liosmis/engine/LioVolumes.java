package org.liosmis.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.StorageObject;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.saveconfig.SavedConfigException;
import org.liosmis.lio.saveconfig.SavedStorageObject;

/**
 * Every storage object LIO holds, and those only the saved config lists (targetctl restore
 * brings them back at boot), with the unit serial that tells which lio-smis made.
 */
final class LioVolumes {

    /**
     * @param id          "plugin/name", as a volume's id
     * @param backingPath the backing file or device, or null
     */
    record LioVolume(String id, String unitSerial, String backingPath) {
        boolean madeByLioSmis() {
            return LioSmisSerial.marks(unitSerial);
        }
    }

    private LioVolumes() {
    }

    /** Sorted by id. */
    static List<LioVolume> all(LioRoot lio) {
        List<LioVolume> volumes = new ArrayList<>();
        try {
            for (StorageObject so : lio.storageObjects()) {
                volumes.add(new LioVolume(so.plugin().configfsName() + "/" + so.name(), so.unitSerial(),
                        so.backingPath().orElse(null)));
            }
        } catch (ConfigFsException e) {
            throw new EngineException("cannot read the storage objects from LIO configfs: " + e.getMessage(), e);
        }
        Set<String> live = volumes.stream().map(LioVolume::id).collect(Collectors.toSet());
        for (SavedStorageObject saved : saved(lio)) {
            saved.lioPlugin().map(plugin -> plugin.configfsName() + "/" + saved.name())
                    .filter(id -> !live.contains(id))
                    .ifPresent(id -> volumes.add(new LioVolume(id, saved.wwn().orElse(null), saved.dev().orElse(null))));
        }
        volumes.sort(Comparator.comparing(LioVolume::id));
        return volumes;
    }

    /** A saved config that cannot be read lists nothing here: every change through LioRoot reports it. */
    private static List<SavedStorageObject> saved(LioRoot lio) {
        try {
            return lio.savedConfig().isPresent() ? lio.savedConfig().get().load().storageObjects() : List.of();
        } catch (SavedConfigException e) {
            return List.of();
        }
    }
}
