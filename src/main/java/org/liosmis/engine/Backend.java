package org.liosmis.engine;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import org.liosmis.lio.Plugin;

/** How replicas are made and removed in one kind of pool: fileio files, or block volumes on LVM. */
interface Backend {

    /** The backstore of the pool's volumes. */
    Plugin plugin();

    /** A storage object name derived from an ElementName, made acceptable to what holds the data. */
    String safeName(String name);

    /**
     * Which names a file or logical volume in the pool has already; read before admission, so
     * a slow LVM listing holds up no other request.
     */
    Predicate<String> takenNames(Pool pool);

    /** The replica's backing file or device. */
    Path target(Pool pool, String name);

    /** Refuses a source of the pool's own backstore that it still cannot replicate. */
    default void checkSource(Volume source, Pool pool) throws RequestRefused {
    }

    /**
     * Makes the replica and its storage object at once where the pool can (reflink, thin
     * snapshot); false, having made nothing, where a copy is needed.
     */
    boolean makeInstantly(ReplicaEngine.Plan plan) throws RequestRefused;

    /** What a copy job needs before it is admitted (an LVM target is created here). */
    CopyTarget prepareCopy(ReplicaEngine.Plan plan) throws RequestRefused;

    /**
     * Writes {@code from}'s data over the first bytes of {@code onto}, both volumes of this
     * backstore, {@code onto} at least as large: at once where the pool can and {@code mayClone}
     * allows (empty then), else the copy a job is to run.
     */
    Optional<InPlaceCopy> overwrite(Volume from, Volume onto, boolean mayClone) throws RequestRefused;

    /**
     * Keeps what a replica's data records of its relationship in step with the state database:
     * synced anew, or ended (null).
     */
    default void relabel(Volume replica, Replica relationship) {
    }

    /** Records on a volume made a snapshot in place what a snapshot made anew carries of its relationship. */
    default void related(Volume replica, Volume source, Replica relationship) {
    }

    /** Removes a volume's storage object and its backing file or logical volume. */
    void delete(Volume volume) throws RequestRefused;

    /** At start: removes the backing file or logical volumes an interrupted job had made (its storage object is gone). */
    void abandon(Job job);
}
