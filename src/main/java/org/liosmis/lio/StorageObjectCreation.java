package org.liosmis.lio;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.Errno;

/**
 * Creates a storage object of any plugin the way targetcli does: its own HBA at the lowest free
 * index, the plugin's setup, then the unit serial and model alias; removes what it made if a
 * step fails. Runs under the caller's configfs lock.
 */
final class StorageObjectCreation {

    /** Claims of an HBA index lost to another writer before giving up. */
    private static final int CLAIM_ATTEMPTS = 5;

    private final ConfigFs fs;
    private final HbaCatalog catalog;
    private final StorageObjectReader reader;
    private final String preferredDbroot;
    private final Deque<Path> made = new ArrayDeque<>();

    StorageObjectCreation(ConfigFs fs, HbaCatalog catalog, String preferredDbroot) {
        this.fs = fs;
        this.catalog = catalog;
        this.reader = new StorageObjectReader(fs);
        this.preferredDbroot = preferredDbroot;
    }

    /** @param unitSerial empty for a random UUID, as targetcli makes */
    StorageObject create(Plugin plugin, String name, Optional<String> unitSerial, PluginSetup setup)
            throws ConfigFsException {
        try {
            setDbroot();
            Hba hba = claimHba(plugin, name);
            Path dir = hba.path().resolve(name);
            mkdir(dir);
            setup.configureAndEnable(fs, dir);
            fs.write(dir.resolve("wwn/vpd_unit_serial"),
                    unitSerial.orElseGet(() -> UUID.randomUUID().toString()) + "\n");
            fs.write(dir.resolve("attrib/emulate_model_alias"), "1");
            StorageObject so = reader.read(hba, name, List.of());
            catalog.added(hba, name);
            return so;
        } catch (ConfigFsException | RuntimeException e) {
            rollBack(e);
            throw e;
        }
    }

    /**
     * Makes {@code core/<plugin>_<N>} at the lowest free index. The mkdir itself checks the
     * catalog: EEXIST means another writer took the index since the catalog last looked.
     */
    private Hba claimHba(Plugin plugin, String name) throws ConfigFsException {
        for (int attempt = 1; ; attempt++) {
            // the index first: finding it taken rescans, which also shows a duplicate made meanwhile
            Hba hba = new Hba(plugin, catalog.lowestFreeIndex(), null);
            refuseDuplicate(plugin, name);
            Path dir = fs.root().resolve("core").resolve(hba.configfsName());
            try {
                mkdir(dir);
                return new Hba(plugin, hba.index(), dir);
            } catch (ConfigFsException e) {
                if (e.errno() != Errno.EEXIST || attempt == CLAIM_ATTEMPTS) {
                    throw e;
                }
                catalog.scan();
            }
        }
    }

    private void refuseDuplicate(Plugin plugin, String name) throws ConfigFsException {
        Hba holder = catalog.knownHolderOf(plugin, name);
        if (holder != null) {
            String kind = plugin.configfsName() + " storage object";
            throw new ConfigFsException(Errno.EEXIST, "create " + kind, holder.path().resolve(name),
                    "a " + kind + " named '" + name + "' already exists");
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
