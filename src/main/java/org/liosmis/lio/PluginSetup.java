package org.liosmis.lio;

import java.nio.file.Path;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;

/**
 * A plugin's own configfs writes that configure and enable a new storage object in its
 * directory, in the order targetcli makes them (strace-fileio-create.summary,
 * strace-block-create.summary). What every plugin writes afterwards is
 * {@link StorageObjectCreation}'s.
 */
@FunctionalInterface
interface PluginSetup {

    void configureAndEnable(ConfigFs fs, Path dir) throws ConfigFsException;

    static PluginSetup fileio(FileioSpec spec) {
        String file = spec.backingFile().toString();
        return (fs, dir) -> {
            fs.write(dir.resolve("control"), "fd_dev_name=" + file + ",fd_dev_size=" + spec.sizeBytes()
                    + (spec.writeBack() ? ",fd_buffered_io=1" : ""));
            fs.write(dir.resolve("udev_path"), file);
            fs.write(dir.resolve("enable"), "1\n");
        };
    }

    static PluginSetup iblock(IblockSpec spec) {
        String device = spec.device().toString();
        return (fs, dir) -> {
            fs.write(dir.resolve("udev_path"), device);
            fs.write(dir.resolve("control"), "udev_path=" + device);
            fs.write(dir.resolve("control"), "readonly=" + (spec.readonly() ? 1 : 0));
            // the kernel opens the device here, and refuses one it cannot open
            fs.write(dir.resolve("enable"), "1\n");
        };
    }
}
