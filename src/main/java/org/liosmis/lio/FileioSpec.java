package org.liosmis.lio;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a new fileio storage object should be.
 *
 * @param unitSerial the VPD unit serial; empty means a random UUID, as targetcli does
 */
public record FileioSpec(String name, Path backingFile, long sizeBytes, boolean writeBack,
        Optional<String> unitSerial) {

    public FileioSpec {
        StorageObjectNames.validate(name);
        ControlPaths.validate(name, "backing file", backingFile);
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("the size of '" + name + "' must be positive, not " + sizeBytes);
        }
        unitSerial = unitSerial == null ? Optional.empty() : unitSerial;
    }

    /** Write-through, random unit serial. */
    public static FileioSpec of(String name, Path backingFile, long sizeBytes) {
        return new FileioSpec(name, backingFile, sizeBytes, false, Optional.empty());
    }

    public FileioSpec withWriteBack(boolean writeBack) {
        return new FileioSpec(name, backingFile, sizeBytes, writeBack, unitSerial);
    }

    public FileioSpec withUnitSerial(String serial) {
        return new FileioSpec(name, backingFile, sizeBytes, writeBack, Optional.of(serial));
    }
}
