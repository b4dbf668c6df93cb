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

    /** Claims of an HBA index lost to another writer before giving up. */
    private static final int CLAIM_ATTEMPTS = 5;

    private final ConfigFs fs;
    private final HbaCatalog catalog;
    private final StorageObjectReader reader;
    private final String preferredDbroot;
    private final Deque<Path> made = new ArrayDeque<>();

    FileioCreation(ConfigFs fs, HbaCatalog catalog, String preferredDbroot) {
        this.fs = fs;
        this.catalog = catalog;
        this.reader = new StorageObjectReader(fs);
        this.preferredDbroot = preferredDbroot;
    }

    StorageObject create(FileioSpec spec) throws ConfigFsException {
        try {
            setDbroot();
            Hba hba = claimHba(spec.name());
            Path dir = hba.path().resolve(spec.name());
            mkdir(dir);
            String file = spec.backingFile().toString();
            fs.write(dir.resolve("control"), "fd_dev_name=" + file + ",fd_dev_size=" + spec.sizeBytes()
                    + (spec.writeBack() ? ",fd_buffered_io=1" : ""));
            fs.write(dir.resolve("udev_path"), file);
            fs.write(dir.resolve("enable"), "1\n");
            fs.write(dir.resolve("wwn/vpd_unit_serial"),
                    spec.unitSerial().orElseGet(() -> UUID.randomUUID().toString()) + "\n");
            fs.write(dir.resolve("attrib/emulate_model_alias"), "1");
            StorageObject so = reader.read(hba, spec.name(), List.of());
            catalog.added(hba, spec.name());
            return so;
        } catch (ConfigFsException | RuntimeException e) {
            rollBack(e);
            throw e;
        }
    }

    /**
     * Makes {@code core/fileio_<N>} at the lowest free index. The mkdir itself checks the
     * catalog: EEXIST means another writer took the index since the catalog last looked.
     */
    private Hba claimHba(String name) throws ConfigFsException {
        for (int attempt = 1; ; attempt++) {
            // the index first: finding it taken rescans, which also shows a duplicate made meanwhile
            Hba hba = new Hba(Plugin.FILEIO, catalog.lowestFreeIndex(), null);
            refuseDuplicate(name);
            Path dir = fs.root().resolve("core").resolve(hba.configfsName());
            try {
                mkdir(dir);
                return new Hba(Plugin.FILEIO, hba.index(), dir);
            } catch (ConfigFsException e) {
                if (e.errno() != Errno.EEXIST || attempt == CLAIM_ATTEMPTS) {
                    throw e;
                }
                catalog.scan();
            }
        }
    }

    private void refuseDuplicate(String name) throws ConfigFsException {
        Hba holder = catalog.knownHolderOf(Plugin.FILEIO, name);
        if (holder != null) {
            throw new ConfigFsException(Errno.EEXIST, "create fileio storage object", holder.path().resolve(name),
                    "a fileio storage object named '" + name + "' already exists");
        }
    }

    /** Like rtslib: only before the first storage object, the kernel refuses later. */
    private void setDbroot() throws ConfigFsException {
        if (preferredDbroot == null || !catalog.noHbas()) {
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
