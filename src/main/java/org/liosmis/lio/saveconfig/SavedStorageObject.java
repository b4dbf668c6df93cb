package org.liosmis.lio.saveconfig;

import java.util.Optional;
import java.util.OptionalLong;
import org.liosmis.lio.Plugin;

/**
 * A storage object as {@code targetctl restore} will bring it back.
 *
 * @param plugin the backstore name as saved (fileio, block, ramdisk, pscsi, user)
 * @param dev    the backing file or device, where the backstore has one
 * @param size   in bytes, for fileio, ramdisk and user
 * @param wwn    the VPD unit serial
 */
public record SavedStorageObject(String plugin, String name, Optional<String> dev, OptionalLong size,
        Optional<String> wwn) {

    /** The target core plugin, empty for a backstore this version of lio-smis does not know. */
    public Optional<Plugin> lioPlugin() {
        return Backstores.plugin(plugin);
    }
}
