package org.liosmis.lio;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A storage object ({@code core/<plugin>_<hba>/<name>}) as configfs showed it when it was read.
 *
 * @param path        its configfs directory
 * @param backingPath the backing file (fileio) or device (iblock): fd_dev_name / udev_path
 * @param sizeBytes   size in bytes where the kernel shows it (not for iblock)
 * @param blockSize   the block size (attrib/block_size, shown as info's SectorSize; 0 until enabled)
 * @param unitSerial  wwn/vpd_unit_serial without its "T10 VPD Unit Serial Number: " prefix
 * @param enabled     enable is 1: the backing file or device is open
 * @param activated   info's Status: a LUN exports it
 * @param writeBack   attrib/emulate_write_cache is 1
 * @param luns        the LUNs whose link points at it
 */
public record StorageObject(Path path, Plugin plugin, int hbaIndex, String name, Optional<String> backingPath,
        OptionalLong sizeBytes, long blockSize, String unitSerial, boolean enabled, boolean activated,
        boolean writeBack, List<Lun> luns) {

    public StorageObject {
        luns = List.copyOf(luns);
    }

    /** The VPD page 0x83 NAA designator (32 hex digits) LIO derives from the unit serial. */
    public Optional<String> naaId() {
        return NaaIdentifier.fromUnitSerial(unitSerial);
    }

    public boolean exported() {
        return !luns.isEmpty();
    }
}
