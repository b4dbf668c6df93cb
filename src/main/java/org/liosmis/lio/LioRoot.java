package org.liosmis.lio;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.ConfigFsLock;
import org.liosmis.lio.configfs.Errno;
import org.liosmis.lio.configfs.KernelConfigFs;
import org.liosmis.lio.configfs.emulator.EmulatedConfigFs;

/**
 * LIO as configfs shows it: the entry point to HBAs, storage objects and LUNs, and the place
 * where storage objects are created and deleted. Every change runs under the host-wide
 * {@link ConfigFsLock}.
 */
public final class LioRoot {

    /** Where lio-smis locks configfs changes on a real host. */
    public static final Path DEFAULT_LOCK_FILE = Path.of("/run/lock/lio-smis-configfs.lock");

    private final ConfigFs fs;
    private final ConfigFsLock lock;
    private final String preferredDbroot;
    private final StorageObjectReader reader;
    private final HbaCatalog catalog;

    /**
     * @param preferredDbroot written to {@code dbroot} before the first storage object, as rtslib
     *                        does (e.g. /etc/rtslib-fb-target on Debian); null leaves it alone
     */
    public LioRoot(ConfigFs fs, ConfigFsLock lock, String preferredDbroot) {
        this.fs = fs;
        this.lock = lock;
        this.preferredDbroot = preferredDbroot;
        this.reader = new StorageObjectReader(fs);
        this.catalog = new HbaCatalog(fs);
    }

    /** The real kernel's configfs. */
    public static LioRoot kernel(Path lockFile, String preferredDbroot) {
        return new LioRoot(new KernelConfigFs(), ConfigFsLock.forFile(lockFile), preferredDbroot);
    }

    /** An emulated LIO kept in {@code stateDir} (created if new); it survives restarts. */
    public static LioRoot emulated(Path stateDir) {
        EmulatedConfigFs fs = new EmulatedConfigFs(stateDir);
        return new LioRoot(fs, ConfigFsLock.forFile(fs.root().resolve(".configfs.lock")), null);
    }

    public ConfigFs configFs() {
        return fs;
    }

    /** The target core's version line, e.g. "Target Engine Core ConfigFS Infrastructure v5.0 on ...". */
    public String version() throws ConfigFsException {
        return fs.read(fs.root().resolve("version")).strip();
    }

    /** Where the kernel keeps PR and ALUA metadata. */
    public String dbroot() throws ConfigFsException {
        return fs.read(fs.root().resolve("dbroot")).strip();
    }

    public List<Hba> hbas() throws ConfigFsException {
        return reader.hbas();
    }

    /** All storage objects of all plugins, each with the LUNs that export it. */
    public List<StorageObject> storageObjects() throws ConfigFsException {
        return reader.storageObjects();
    }

    /** One stat where the catalog knows the object, which matters with thousands of objects. */
    public Optional<StorageObject> storageObject(Plugin plugin, String name) throws ConfigFsException {
        Hba hba = catalog.holderOf(plugin, name);
        if (hba == null) {
            return Optional.empty();
        }
        Map<Path, List<Lun>> luns = LunScanner.lunsByStorageObject(fs);
        return Optional.of(reader.read(hba, name, luns.getOrDefault(hba.path().resolve(name), List.of())));
    }

    /**
     * Creates and enables a fileio storage object on its own HBA; the backing file is created
     * empty by the kernel if missing. On failure nothing of it is left in configfs.
     */
    public StorageObject createFileio(FileioSpec spec) throws ConfigFsException {
        try (ConfigFsLock.Held held = lock.acquire()) {
            return new FileioCreation(fs, catalog, preferredDbroot).create(spec);
        }
    }

    /**
     * Removes a storage object and then its HBA, refusing (EBUSY) while LUNs export it. The
     * backing file or device is never touched.
     */
    public void delete(Plugin plugin, String name) throws ConfigFsException {
        try (ConfigFsLock.Held held = lock.acquire()) {
            StorageObject so = storageObject(plugin, name).orElseThrow(() -> new ConfigFsException(Errno.ENOENT,
                    "delete storage object", fs.root().resolve("core"),
                    "no " + plugin.configfsName() + " storage object named '" + name + "'"));
            if (so.exported()) {
                throw new ConfigFsException(Errno.EBUSY, "delete storage object", so.path(),
                        "exported by " + describe(so.luns()) + "; remove those LUNs first");
            }
            fs.rmdir(so.path());
            Path hba = so.path().getParent();
            boolean hbaEmpty = fs.list(hba).stream().noneMatch(entry -> fs.isDirectory(hba.resolve(entry)));
            if (hbaEmpty) {
                fs.rmdir(hba);
            }
            catalog.removed(new Hba(plugin, so.hbaIndex(), hba), name, hbaEmpty);
        }
    }

    private static String describe(List<Lun> luns) {
        return String.join(", ", luns.stream()
                .map(l -> l.fabric() + "/" + l.targetWwn() + "/tpgt_" + l.tpgTag() + "/lun_" + l.index())
                .toList());
    }
}
