package org.liosmis.engine;

import java.nio.file.Path;
import org.liosmis.lio.FileioSpec;
import org.liosmis.lio.IblockSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.configfs.ConfigFsException;

/**
 * A mirror target's storage object: made, whenever the target is to be reached, with the unit
 * serial the mirror gave it (so its NAA name never changes), and removed while the mirror keeps
 * the target in step.
 */
final class TargetObjects {

    private final LioRoot lio;

    TargetObjects(LioRoot lio) {
        this.lio = lio;
    }

    /** The target's storage object on {@code data}; read-only where LIO can open it so (block). */
    void export(Mirror mirror, Path data, boolean readOnly) throws ConfigFsException {
        String name = nameOf(mirror.targetId());
        if (plugin(mirror.targetId()) == Plugin.FILEIO) {
            lio.createFileio(FileioSpec.of(name, data, mirror.sizeBytes()).withUnitSerial(mirror.unitSerial()));
        } else {
            lio.createIblock(IblockSpec.of(name, data).withReadonly(readOnly).withUnitSerial(mirror.unitSerial()));
        }
    }

    /** Removes the target's storage object, if it has one. */
    void remove(String targetId) throws RequestRefused {
        try {
            if (lio.storageObject(plugin(targetId), nameOf(targetId)).isPresent()) {
                lio.delete(plugin(targetId), nameOf(targetId));
            }
        } catch (ConfigFsException e) {
            throw new RequestRefused(RequestRefused.Reason.FAILED, "LIO refused to remove the storage object of "
                    + targetId + ": " + e.errno().text());
        }
    }

    /** The storage object name of a volume id ("plugin/name"). */
    static String nameOf(String volumeId) {
        return volumeId.substring(volumeId.indexOf('/') + 1);
    }

    private static Plugin plugin(String volumeId) {
        return volumeId.startsWith(Plugin.FILEIO.configfsName() + "/") ? Plugin.FILEIO : Plugin.IBLOCK;
    }
}
