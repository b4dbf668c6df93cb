package org.liosmis.lio;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;

/**
 * What the last scan of {@code core} showed: the HBA indexes in use by any plugin and the HBA
 * holding each storage object. A scan costs a stat per HBA and per object, too much for every
 * create with thousands of objects, so it is kept; each use checks what it relies on with a
 * stat (the object's directory, or the candidate {@code <plugin>_<N>} of every plugin), and
 * whenever configfs disagrees, because another writer such as targetcli changed it, the
 * catalog is scanned again.
 */
final class HbaCatalog {

    private final ConfigFs fs;
    private final StorageObjectReader reader;
    private final Path core;
    /** Replaced whole by a scan, so lock-free lookups never see it half filled. */
    private volatile Map<String, Hba> holders = new ConcurrentHashMap<>();
    private final BitSet taken = new BitSet();
    private boolean scanned;

    HbaCatalog(ConfigFs fs) {
        this.fs = fs;
        this.reader = new StorageObjectReader(fs);
        this.core = fs.root().resolve("core");
    }

    /** The HBA holding the object, or null; an object not in the catalog costs a scan. */
    Hba holderOf(Plugin plugin, String name) throws ConfigFsException {
        Hba hba = verifiedHolder(plugin, name);
        if (hba != null) {
            return hba;
        }
        scan();
        return holders.get(key(plugin, name));
    }

    /**
     * The HBA holding the object as far as the catalog knows, checked with a stat. An object
     * another writer made since the last scan is learnt when its HBA takes the index this
     * catalog would pick next (see {@link #lowestFreeIndex}), as rtslib picks the same one.
     */
    synchronized Hba knownHolderOf(Plugin plugin, String name) throws ConfigFsException {
        if (!scanned) {
            scan();
        }
        Hba hba = verifiedHolder(plugin, name);
        if (hba == null && holders.containsKey(key(plugin, name))) {
            scan();
            return holders.get(key(plugin, name));
        }
        return hba;
    }

    /** rtslib's numbering: the lowest index no HBA of any plugin uses. */
    synchronized int lowestFreeIndex() throws ConfigFsException {
        if (!scanned) {
            scan();
        }
        int index = taken.nextClearBit(0);
        if (takenInConfigfs(index)) {
            scan();
            index = taken.nextClearBit(0);
        }
        return index;
    }

    /** True when configfs has no HBA; cheap to confirm by a scan exactly when it is true. */
    synchronized boolean noHbas() throws ConfigFsException {
        if (!scanned || taken.isEmpty()) {
            scan();
        }
        return taken.isEmpty();
    }

    synchronized void added(Hba hba, String name) {
        taken.set(hba.index());
        holders.put(key(hba.plugin(), name), hba);
    }

    synchronized void removed(Hba hba, String name, boolean hbaRemoved) {
        holders.remove(key(hba.plugin(), name));
        if (hbaRemoved) {
            taken.clear(hba.index());
        }
    }

    /** Reads {@code core} again: every HBA and the objects in it; an HBA removed meanwhile is left out. */
    synchronized void scan() throws ConfigFsException {
        Map<String, Hba> found = new ConcurrentHashMap<>();
        taken.clear();
        for (Hba hba : reader.hbas()) {
            Optional<List<String>> entries = Vanishing.unlessGone(fs, hba.path(), () -> fs.list(hba.path()));
            if (entries.isEmpty()) {
                continue;
            }
            taken.set(hba.index());
            for (String name : entries.get()) {
                if (fs.isDirectory(hba.path().resolve(name))) {
                    found.put(key(hba.plugin(), name), hba);
                }
            }
        }
        holders = found;
        scanned = true;
    }

    private Hba verifiedHolder(Plugin plugin, String name) {
        Hba hba = holders.get(key(plugin, name));
        return hba != null && fs.isDirectory(hba.path().resolve(name)) ? hba : null;
    }

    private boolean takenInConfigfs(int index) {
        for (Plugin plugin : Plugin.values()) {
            if (fs.exists(core.resolve(plugin.configfsName() + "_" + index))) {
                return true;
            }
        }
        return false;
    }

    private static String key(Plugin plugin, String name) {
        return plugin.configfsName() + "/" + name;
    }
}
