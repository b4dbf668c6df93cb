package org.liosmis.lio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;

/**
 * Finds every fabric LUN in one pass, so listing many storage objects costs no per-object scan.
 * A target, TPG or LUN removed while it is scanned is left out (see {@link Vanishing}).
 */
final class LunScanner {

    private static final Pattern TPG = Pattern.compile("tpgt_(\\d+)");
    private static final Pattern LUN = Pattern.compile("lun_(\\d+)");

    private LunScanner() {
    }

    /** LUNs by the storage object path they link to. */
    static Map<Path, List<Lun>> lunsByStorageObject(ConfigFs fs) throws ConfigFsException {
        Map<Path, List<Lun>> luns = new HashMap<>();
        for (String fabric : fs.list(fs.root())) {
            Path fabricDir = fs.root().resolve(fabric);
            if (fabric.equals("core") || !fs.isDirectory(fabricDir)) {
                continue;
            }
            for (String target : Vanishing.entries(fs, fabricDir)) {
                Path targetDir = fabricDir.resolve(target);
                if (fs.isDirectory(targetDir)) {
                    scanTarget(fs, fabric, target, targetDir, luns);
                }
            }
        }
        return luns;
    }

    private static void scanTarget(ConfigFs fs, String fabric, String target, Path targetDir,
            Map<Path, List<Lun>> luns) throws ConfigFsException {
        for (String tpg : Vanishing.entries(fs, targetDir)) {
            Path lunGroup = targetDir.resolve(tpg).resolve("lun");
            if (!TPG.matcher(tpg).matches() || !fs.isDirectory(lunGroup)) {
                continue;
            }
            int tag = Integer.parseInt(tpg.substring("tpgt_".length()));
            for (String lun : Vanishing.entries(fs, lunGroup)) {
                if (!LUN.matcher(lun).matches()) {
                    continue;
                }
                Path lunDir = lunGroup.resolve(lun);
                for (String entry : Vanishing.entries(fs, lunDir)) {
                    Path link = lunDir.resolve(entry);
                    if (fs.isSymlink(link)) {
                        int index = Integer.parseInt(lun.substring("lun_".length()));
                        Vanishing.unlessGone(fs, link, () -> fs.readlink(link)).ifPresent(storageObject -> luns
                                .computeIfAbsent(storageObject, p -> new ArrayList<>())
                                .add(new Lun(fabric, target, tag, index, entry, storageObject)));
                    }
                }
            }
        }
    }
}
