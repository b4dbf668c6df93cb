package org.liosmis.lio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.ConfigFsLock;
import org.liosmis.lio.configfs.Errno;
import org.liosmis.lio.configfs.ErrnoMapping;
import org.liosmis.lio.configfs.KernelConfigFs;
import org.liosmis.lio.configfs.emulator.EmulatedConfigFs;
import org.liosmis.lio.saveconfig.RebuiltSavedConfig;
import org.liosmis.lio.saveconfig.SavedConfig;
import org.liosmis.lio.saveconfig.SavedConfigException;
import org.liosmis.lio.saveconfig.SavedConfigFile;
import org.liosmis.lio.saveconfig.StorageObjectDump;

/**
 * LIO as configfs shows it: the entry point to HBAs, storage objects and LUNs, and the place
 * where storage objects are created and deleted. Every change runs under the host-wide
 * {@link ConfigFsLock}, and carries its storage object into targetcli's saved config (or out
 * of it) under the same lock, so {@code targetctl restore} at boot brings back what exists.
 */
public final class LioRoot {

    /** Where lio-smis locks configfs changes on a real host. */
    public static final Path DEFAULT_LOCK_FILE = Path.of("/run/lock/lio-smis-configfs.lock");

    private final ConfigFs fs;
    private final ConfigFsLock lock;
    private final String preferredDbroot;
    private final StorageObjectReader reader;
    private final SavedConfigFile savedConfig;
    private final HbaCatalog catalog;

    /**
     * @param preferredDbroot written to {@code dbroot} before the first storage object, as rtslib
     *                        does (e.g. /etc/rtslib-fb-target on Debian); null leaves it alone
     * @param savedConfig     the saved config kept up to date with creates and deletes; null for none
     */
    public LioRoot(ConfigFs fs, ConfigFsLock lock, String preferredDbroot, SavedConfigFile savedConfig) {
        this.fs = fs;
        this.lock = lock;
        this.preferredDbroot = preferredDbroot;
        this.reader = new StorageObjectReader(fs);
        this.savedConfig = savedConfig;
        this.catalog = new HbaCatalog(fs);
    }

    /** The real kernel's configfs, with targetcli's saved config where this host's rtslib keeps it. */
    public static LioRoot kernel(Path lockFile, String preferredDbroot) {
        return new LioRoot(new KernelConfigFs(), ConfigFsLock.forFile(lockFile), preferredDbroot,
                SavedConfigFile.atDefaultLocation());
    }

    /**
     * An emulated LIO kept in {@code stateDir} (created if new); it survives restarts. Its saved
     * config is {@code saveconfig.json} next to {@code stateDir}.
     */
    public static LioRoot emulated(Path stateDir) {
        return emulated(stateDir, SavedConfigFile.at(stateDir.resolveSibling("saveconfig.json")));
    }

    /** An emulated LIO kept in {@code stateDir}, with its saved config in {@code savedConfig} (null for none). */
    public static LioRoot emulated(Path stateDir, SavedConfigFile savedConfig) {
        EmulatedConfigFs fs = new EmulatedConfigFs(stateDir);
        return new LioRoot(fs, ConfigFsLock.forFile(fs.root().resolve(".configfs.lock")), null, savedConfig);
    }

    public ConfigFs configFs() {
        return fs;
    }

    /** The saved config this LIO keeps up to date, if any. */
    public Optional<SavedConfigFile> savedConfig() {
        return Optional.ofNullable(savedConfig);
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

    /** Whether the storage object exists: one stat where the catalog knows it, no attribute read. */
    public boolean hasStorageObject(Plugin plugin, String name) throws ConfigFsException {
        return catalog.holderOf(plugin, name) != null;
    }

    /**
     * One stat where the catalog knows the object, which matters with thousands of objects;
     * empty also when it is deleted while it is read.
     */
    public Optional<StorageObject> storageObject(Plugin plugin, String name) throws ConfigFsException {
        Hba hba = catalog.holderOf(plugin, name);
        if (hba == null) {
            return Optional.empty();
        }
        Map<Path, List<Lun>> luns = LunScanner.lunsByStorageObject(fs);
        return reader.readIfPresent(hba, name, luns.getOrDefault(hba.path().resolve(name), List.of()));
    }

    /**
     * Creates and enables a fileio storage object on its own HBA and adds it to the saved config;
     * the backing file is created empty by the kernel if missing. On failure nothing of it is
     * left in configfs, and the saved config is unchanged.
     */
    public StorageObject createFileio(FileioSpec spec) throws ConfigFsException {
        return create(Plugin.FILEIO, spec.name(), spec.unitSerial(), PluginSetup.fileio(spec));
    }

    /**
     * Creates and enables a block storage object on its own HBA and adds it to the saved config;
     * the kernel refuses a device it cannot open. On failure nothing of it is left in configfs,
     * and the saved config is unchanged.
     */
    public StorageObject createIblock(IblockSpec spec) throws ConfigFsException {
        return create(Plugin.IBLOCK, spec.name(), spec.unitSerial(), PluginSetup.iblock(spec));
    }

    /** Every plugin's create: configfs, then the saved config, or neither. */
    private StorageObject create(Plugin plugin, String name, Optional<String> unitSerial, PluginSetup setup)
            throws ConfigFsException {
        try (ConfigFsLock.Held held = lock.acquire()) {
            // a saved config that cannot be read refuses the create before configfs changes
            SavedConfig saved = loadSavedConfig();
            StorageObject so = new StorageObjectCreation(fs, catalog, preferredDbroot)
                    .create(plugin, name, unitSerial, setup);
            if (saved != null) {
                try {
                    saved.put(new StorageObjectDump(fs).dump(so));
                    savedConfig.save(saved);
                } catch (SavedConfigException e) {
                    throw rolledBack(so, savedConfigFailure(e, "the new storage object " + so.name()
                            + " was removed again"));
                } catch (ConfigFsException e) {
                    throw rolledBack(so, e);
                } catch (RuntimeException e) {
                    throw rolledBack(so, e);
                }
            }
            return so;
        }
    }

    /** Removes a storage object that could not be saved; {@code failure} says why. */
    private <E extends Exception> E rolledBack(StorageObject so, E failure) {
        try {
            remove(so);
        } catch (ConfigFsException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    /**
     * Removes a storage object and then its HBA, refusing (EBUSY) while LUNs export it, and then
     * its saved config entry. The backing file or device is never touched.
     */
    public void delete(Plugin plugin, String name) throws ConfigFsException {
        try (ConfigFsLock.Held held = lock.acquire()) {
            SavedConfig saved = loadSavedConfig();
            StorageObject so = storageObject(plugin, name).orElseThrow(() -> new ConfigFsException(Errno.ENOENT,
                    "delete storage object", fs.root().resolve("core"),
                    "no " + plugin.configfsName() + " storage object named '" + name + "'"));
            if (so.exported()) {
                throw new ConfigFsException(Errno.EBUSY, "delete storage object", so.path(),
                        "exported by " + describe(so.luns()) + "; remove those LUNs first");
            }
            remove(so);
            if (saved != null && saved.remove(plugin, name)) {
                try {
                    savedConfig.save(saved);
                } catch (SavedConfigException e) {
                    throw savedConfigFailure(e, "the storage object " + name + " is gone from configfs but still"
                            + " in the saved config, so targetctl restore would bring it back; fix the file and run"
                            + " targetcli saveconfig");
                }
            }
        }
    }

    /** The storage object's directory, then its HBA once empty; the catalog forgets what went. */
    private void remove(StorageObject so) throws ConfigFsException {
        fs.rmdir(so.path());
        Path hba = so.path().getParent();
        boolean hbaEmpty = fs.list(hba).stream().noneMatch(entry -> fs.isDirectory(hba.resolve(entry)));
        if (hbaEmpty) {
            fs.rmdir(hba);
        }
        catalog.removed(new Hba(so.plugin(), so.hbaIndex(), hba), so.name(), hbaEmpty);
    }

    /** The saved config to change; when its file is gone, one of every storage object configfs holds. */
    private SavedConfig loadSavedConfig() throws ConfigFsException {
        if (savedConfig == null) {
            return null;
        }
        if (savedConfig.missing()) {
            return RebuiltSavedConfig.of(savedConfig.path(), fs, reader.storageObjects());
        }
        try {
            return savedConfig.load();
        } catch (SavedConfigException e) {
            throw savedConfigFailure(e, "configfs was left unchanged");
        }
    }

    /**
     * At start: when the saved config's file is gone while LIO holds storage objects, writes one
     * listing them all, so a reboot before the next change loses none.
     */
    public void restoreMissingSavedConfig() throws ConfigFsException {
        try (ConfigFsLock.Held held = lock.acquire()) {
            if (savedConfig == null || !savedConfig.missing()) {
                return;
            }
            SavedConfig rebuilt = loadSavedConfig();
            if (!rebuilt.storageObjects().isEmpty()) {
                try {
                    savedConfig.save(rebuilt);
                } catch (SavedConfigException e) {
                    throw savedConfigFailure(e, "targetctl restore at boot would bring back no storage object");
                }
            }
        }
    }

    /** The errno of the underlying I/O failure, EINVAL for a file that is not a saved config. */
    private static ConfigFsException savedConfigFailure(SavedConfigException e, String consequence) {
        Errno errno = e.getCause() instanceof IOException io ? ErrnoMapping.errnoOf(io) : Errno.EINVAL;
        return new ConfigFsException(errno, "update saved config", e.file(), e.getMessage() + "; " + consequence, e);
    }

    private static String describe(List<Lun> luns) {
        return String.join(", ", luns.stream()
                .map(l -> l.fabric() + "/" + l.targetWwn() + "/tpgt_" + l.tpgTag() + "/lun_" + l.index())
                .toList());
    }
}
