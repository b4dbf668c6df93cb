package org.liosmis.lio;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.Errno;

/**
 * Creates a fileio storage object with the configfs writes targetcli makes (see
 * strace-fileio-create.summary), and removes what it made if a step fails. Runs under the
 * caller's configfs lock.
 */
final class FileioCreation {

    private final ConfigFs fs;
    private final StorageObjectReader reader;
    private final String preferredDbroot;
    private final Deque<Path> made = new ArrayDeque<>();

    FileioCreation(ConfigFs fs, String preferredDbroot) {
        this.fs = fs;
        this.reader = new StorageObjectReader(fs);
        this.preferredDbroot = preferredDbroot;
    }

    StorageObject create(FileioSpec spec) throws ConfigFsException {
        List<Hba> hbas = reader.hbas();
        refuseDuplicate(spec.name(), hbas);
        setDbroot(hbas);
        Hba hba = new Hba(Plugin.FILEIO, HbaIndexes.lowestFree(hbas), null);
        Path hbaDir = fs.root().resolve("core").resolve(hba.configfsName());
        Path dir = hbaDir.resolve(spec.name());
        try {
            mkdir(hbaDir);
            mkdir(dir);
            String file = spec.backingFile().toString();
            fs.write(dir.resolve("control"), "fd_dev_name=" + file + ",fd_dev_size=" + spec.sizeBytes()
                    + (spec.writeBack() ? ",fd_buffered_io=1" : ""));
            fs.write(dir.resolve("udev_path"), file);
            fs.write(dir.resolve("enable"), "1\n");
            fs.write(dir.resolve("wwn/vpd_unit_serial"),
                    spec.unitSerial().orElseGet(() -> UUID.randomUUID().toString()) + "\n");
            fs.write(dir.resolve("attrib/emulate_model_alias"), "1");
            return reader.read(new Hba(Plugin.FILEIO, hba.index(), hbaDir), spec.name(), List.of());
        } catch (ConfigFsException | RuntimeException e) {
            rollBack(e);
            throw e;
        }
    }

    private void refuseDuplicate(String name, List<Hba> hbas) throws ConfigFsException {
        for (Hba hba : hbas) {
            if (hba.plugin() == Plugin.FILEIO && fs.isDirectory(hba.path().resolve(name))) {
                throw new ConfigFsException(Errno.EEXIST, "create fileio storage object", hba.path().resolve(name),
                        "a fileio storage object named '" + name + "' already exists");
            }
        }
    }

    /** Like rtslib: only before the first storage object, the kernel refuses later. */
    private void setDbroot(List<Hba> hbas) throws ConfigFsException {
        if (preferredDbroot == null || !hbas.isEmpty()) {
            return;
        }
        Path dbroot = fs.root().resolve("dbroot");
        if (!fs.read(dbroot).strip().equals(preferredDbroot)) {
            fs.write(dbroot, preferredDbroot + "\n");
        }
    }

    private void mkdir(Path dir) throws ConfigFsException {
        fs.mkdir(dir);
        made.push(dir);
    }

    private void rollBack(Exception cause) {
        while (!made.isEmpty()) {
            Path dir = made.pop();
            try {
                fs.rmdir(dir);
            } catch (ConfigFsException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
