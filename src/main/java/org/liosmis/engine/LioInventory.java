package org.liosmis.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.NaaIdentifier;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.StorageObject;
import org.liosmis.lio.configfs.ConfigFsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inventory as LIO and the configured pools show it now. Nothing is cached but where
 * LIO keeps each storage object, so a change made with targetcli is seen at once.
 */
public final class LioInventory implements Inventory {

    private static final Logger LOG = LoggerFactory.getLogger(LioInventory.class);
    /** A storage object's block size before it is first enabled reads 0. */
    private static final long DEFAULT_BLOCK_SIZE = 512;
    private static final Pattern VERSION = Pattern.compile("\\bv(\\d[\\w.-]*)");

    private final LioRoot lio;
    private final PoolCatalog poolCatalog;
    private final String systemName;
    private final ElementNames elementNames;

    public LioInventory(LioRoot lio, PoolCatalog pools, String systemName, ElementNames elementNames) {
        this.lio = lio;
        this.poolCatalog = pools;
        this.systemName = systemName;
        this.elementNames = elementNames;
    }

    @Override
    public StorageSystem system() {
        String version = read("the target core version", lio::version);
        Matcher matcher = VERSION.matcher(version);
        return new StorageSystem(systemName, systemName, matcher.find() ? matcher.group(1) : version);
    }

    @Override
    public List<Pool> pools() {
        List<Pool> pools = poolCatalog.pools();
        List<Volume> external = volumes().filter(v -> v.poolId().equals(Pool.EXTERNAL_ID)).toList();
        if (!external.isEmpty()) {
            pools.add(externalPool(external));
        }
        return pools;
    }

    @Override
    public Optional<Pool> pool(String id) {
        if (poolCatalog.has(id)) {
            return Optional.of(poolCatalog.pool(id));
        }
        return id.equals(Pool.EXTERNAL_ID) ? pools().stream().filter(Pool::external).findFirst() : Optional.empty();
    }

    /** Volumes made outside our pools: their space is all in use, none is free. */
    private static Pool externalPool(List<Volume> volumes) {
        long used = volumes.stream().mapToLong(Volume::sizeBytes).sum();
        return new Pool(Pool.EXTERNAL_ID, Pool.EXTERNAL_ID, null, used, 0);
    }

    @Override
    public Stream<Volume> volumes() {
        Map<String, String> names = elementNames.elementNames();
        Map<String, Mirror> mirrors = mirrorTargets();
        List<Volume> inLio = read("the storage objects", lio::storageObjects).stream()
                .map(so -> volume(so, names::get, mirrors.containsKey(idOf(so)))).toList();
        inLio.forEach(volume -> mirrors.remove(volume.id()));
        return Stream.concat(inLio.stream(), mirrors.values().stream().map(m -> heldInStep(m, names.get(m.targetId()))));
    }

    @Override
    public Optional<Volume> volume(String id) {
        Optional<Volume> inLio = ObjectName.of(id)
                .flatMap(object -> read("storage object " + id, () -> lio.storageObject(object.plugin(), object.name())))
                .map(so -> volume(so, volumeId -> elementNames.elementName(volumeId).orElse(null),
                        mirrorTargets().containsKey(id)));
        return inLio.or(() -> Optional.ofNullable(mirrorTargets().get(id))
                .map(m -> heldInStep(m, elementNames.elementName(id).orElse(null))));
    }

    @Override
    public boolean hasVolume(String id) {
        Optional<ObjectName> object = ObjectName.of(id);
        return object.isPresent()
                && read("storage object " + id, () -> lio.hasStorageObject(object.get().plugin(), object.get().name()))
                || mirrorTargets().containsKey(id);
    }

    private Map<String, Mirror> mirrorTargets() {
        Map<String, Mirror> targets = new HashMap<>();
        elementNames.mirrors().forEach(m -> targets.put(m.targetId(), m));
        return targets;
    }

    private static String idOf(StorageObject so) {
        return so.plugin().configfsName() + "/" + so.name();
    }

    /** A mirror target without a storage object: a volume initiators cannot reach while its mirror keeps it in step. */
    private Volume heldInStep(Mirror mirror, String elementName) {
        ObjectName object = ObjectName.of(mirror.targetId()).orElseThrow();
        return new Volume(mirror.targetId(), object.name(), elementName != null ? elementName : object.name(),
                poolCatalog.poolIdOf(mirror.targetPath()), backstore(object.plugin()), mirror.targetPath(),
                DEFAULT_BLOCK_SIZE, mirror.sizeBytes() / DEFAULT_BLOCK_SIZE,
                NaaIdentifier.fromUnitSerial(mirror.unitSerial()).orElse(null), Volume.Health.OK, false,
                Volume.Access.NONE);
    }

    /** The storage object a volume id ("plugin/name") names. */
    private record ObjectName(Plugin plugin, String name) {
        static Optional<ObjectName> of(String volumeId) {
            int slash = volumeId.indexOf('/');
            return slash < 0 ? Optional.empty() : Plugin.fromConfigfsName(volumeId.substring(0, slash))
                    .map(plugin -> new ObjectName(plugin, volumeId.substring(slash + 1)));
        }
    }

    /**
     * @param elementNameOf the ElementName a client gave the volume, or null
     * @param mirrorTarget  a fractured mirror target, which LIO exports read-only where the backstore can be
     */
    private Volume volume(StorageObject so, Function<String, String> elementNameOf, boolean mirrorTarget) {
        String backing = so.backingPath().orElse(null);
        long blockSize = so.blockSize() > 0 ? so.blockSize() : DEFAULT_BLOCK_SIZE;
        OptionalLong size = so.sizeBytes().isPresent() || backing == null || so.plugin() != Plugin.IBLOCK
                ? so.sizeBytes() : BlockDevices.sizeBytes(Path.of(backing));
        String id = idOf(so);
        String elementName = elementNameOf.apply(id);
        return new Volume(id, so.name(), elementName != null ? elementName : so.name(),
                poolCatalog.poolIdOf(backing), backstore(so.plugin()), backing, blockSize,
                size.orElse(0) / blockSize, so.naaId().orElse(null), health(so, backing), so.exported(),
                mirrorTarget && so.plugin() == Plugin.IBLOCK ? Volume.Access.READ_ONLY : Volume.Access.READ_WRITE);
    }

    private static Volume.Health health(StorageObject so, String backing) {
        if (!so.enabled()) {
            return Volume.Health.DISABLED;
        }
        boolean needsBacking = so.plugin() == Plugin.FILEIO || so.plugin() == Plugin.IBLOCK;
        return needsBacking && (backing == null || !Files.exists(Path.of(backing)))
                ? Volume.Health.BACKING_MISSING : Volume.Health.OK;
    }

    private static Volume.Backstore backstore(Plugin plugin) {
        return switch (plugin) {
            case FILEIO -> Volume.Backstore.FILEIO;
            case IBLOCK -> Volume.Backstore.BLOCK;
            case RD_MCP -> Volume.Backstore.RAMDISK;
            case PSCSI -> Volume.Backstore.PSCSI;
            case USER -> Volume.Backstore.USER;
        };
    }

    /** A configfs read; failure means LIO itself is unreadable, which no client can fix. */
    private interface Read<T> {
        T get() throws ConfigFsException;
    }

    /** The configfs path and errno of a failure go to the log, where the admin who can act on them looks. */
    private static <T> T read(String what, Read<T> read) {
        try {
            return read.get();
        } catch (ConfigFsException e) {
            LOG.error("cannot read {} from LIO configfs: {}", what, e.getMessage());
            throw new EngineException("cannot read " + what + " from LIO; the lio-smis log says why", e);
        }
    }
}
