package org.liosmis.engine;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What the target host has: its pools and volumes, read fresh from LIO on every call. */
public interface Inventory {

    StorageSystem system();

    List<Pool> pools();

    Optional<Pool> pool(String id);

    /** The configured pools, in which lio-smis makes volumes: all but the pool of volumes made elsewhere. */
    default Stream<Pool> managedPools() {
        return pools().stream().filter(pool -> !pool.external());
    }

    Stream<Volume> volumes();

    Optional<Volume> volume(String id);

    /** Whether the volume exists, where that costs less than reading it. */
    default boolean hasVolume(String id) {
        return volume(id).isPresent();
    }
}
