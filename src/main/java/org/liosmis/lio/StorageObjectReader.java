package org.liosmis.lio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;

/**
 * Reads HBAs and storage objects: four small attribute reads per object. An HBA or object
 * another writer removes while it is read is left out (see {@link Vanishing}).
 */
final class StorageObjectReader {

    private static final String SERIAL_PREFIX = "T10 VPD Unit Serial Number:";

    private final ConfigFs fs;

    StorageObjectReader(ConfigFs fs) {
        this.fs = fs;
    }

    List<Hba> hbas() throws ConfigFsException {
        List<Hba> hbas = new ArrayList<>();
        Path core = fs.root().resolve("core");
        for (String name : fs.list(core)) {
            int underscore = name.lastIndexOf('_');
            Optional<Plugin> plugin = underscore < 0 ? Optional.empty()
                    : Plugin.fromConfigfsName(name.substring(0, underscore));
            String index = underscore < 0 ? "" : name.substring(underscore + 1);
            if (plugin.isPresent() && index.matches("\\d{1,9}") && fs.isDirectory(core.resolve(name))) {
                hbas.add(new Hba(plugin.get(), Integer.parseInt(index), core.resolve(name)));
            }
        }
        return hbas;
    }

    List<StorageObject> storageObjects() throws ConfigFsException {
        Map<Path, List<Lun>> luns = LunScanner.lunsByStorageObject(fs);
        List<StorageObject> objects = new ArrayList<>();
        for (Hba hba : hbas()) {
            for (String name : Vanishing.entries(fs, hba.path())) {
                if (fs.isDirectory(hba.path().resolve(name))) {
                    readIfPresent(hba, name, luns.getOrDefault(hba.path().resolve(name), List.of()))
                            .ifPresent(objects::add);
                }
            }
        }
        return objects;
    }

    /** The object as it is now; empty when it was deleted before it could be read whole. */
    Optional<StorageObject> readIfPresent(Hba hba, String name, List<Lun> luns) throws ConfigFsException {
        return Vanishing.unlessGone(fs, hba.path().resolve(name), () -> read(hba, name, luns));
    }

    StorageObject read(Hba hba, String name, List<Lun> luns) throws ConfigFsException {
        Path dir = hba.path().resolve(name);
        StorageObjectInfo info = StorageObjectInfo.parse(fs.read(dir.resolve("info")));
        return new StorageObject(dir, hba.plugin(), hba.index(), name, info.backingPath(), info.sizeBytes(),
                info.sectorSize(), unitSerial(dir),
                value(dir.resolve("enable")).equals("1"), info.activated(),
                value(dir.resolve("attrib/emulate_write_cache")).equals("1"), luns);
    }

    private String unitSerial(Path dir) throws ConfigFsException {
        String text = value(dir.resolve("wwn/vpd_unit_serial"));
        return (text.startsWith(SERIAL_PREFIX) ? text.substring(SERIAL_PREFIX.length()) : text).strip();
    }

    private String value(Path attribute) throws ConfigFsException {
        return fs.read(attribute).strip();
    }
}
