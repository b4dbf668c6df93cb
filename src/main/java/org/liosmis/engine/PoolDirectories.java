package org.liosmis.engine;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The configured pools: directories of fileio backing files, sized by their filesystem. */
final class PoolDirectories {

    private final Map<String, Path> directories;

    PoolDirectories(Map<String, Path> directories) {
        this.directories = Map.copyOf(directories);
    }

    List<Pool> pools() {
        List<Pool> pools = new ArrayList<>();
        directories.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> pools.add(pool(entry.getKey(), entry.getValue())));
        return pools;
    }

    /** The pool whose directory holds the file, or the external pool's id. */
    String poolIdOf(String backingPath) {
        if (backingPath != null) {
            Path file = Path.of(backingPath).toAbsolutePath().normalize();
            for (Map.Entry<String, Path> entry : directories.entrySet()) {
                if (file.startsWith(entry.getValue())) {
                    return entry.getKey();
                }
            }
        }
        return Pool.EXTERNAL_ID;
    }

    boolean has(String id) {
        return directories.containsKey(id);
    }

    Pool pool(String id) {
        return pool(id, directories.get(id));
    }

    private static Pool pool(String id, Path directory) {
        try {
            FileStore store = Files.getFileStore(directory);
            return new Pool(id, id, directory, store.getTotalSpace(), store.getUsableSpace());
        } catch (IOException e) {
            throw new EngineException("pool " + id + ": cannot read the filesystem of " + directory
                    + " (" + e.getMessage() + "); create the directory or fix --pool", e);
        }
    }
}
