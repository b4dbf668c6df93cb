package org.liosmis.lio.configfs.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.Map;
import java.util.stream.Stream;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.Errno;
import org.liosmis.lio.configfs.emulator.Node.Kind;

/**
 * LIO's configfs played by a real directory tree under a state directory, so a demo survives
 * restarts and a person can {@code ls} and {@code cat} it. It answers like the 6.1 kernel:
 * the default groups and attributes appear at mkdir, and the kernel's refusals come back with
 * the kernel's errno (see docs/lio.md, "Kernel rules"). Names starting with '.' are the
 * emulator's own bookkeeping and are invisible through this interface.
 */
public final class EmulatedConfigFs implements ConfigFs {

    private static final String HBA_COUNTER = ".hba_index";
    private static final String LUN_ALUA = """
            TG Port Alias: default_tg_pt_gp
            TG Port Group ID: 0
            TG Port Primary Access State: Active/Optimized
            TG Port Primary Access Status: None
            TG Port Secondary Access State: None
            TG Port Secondary Access Status: None
            """;

    private final Path root;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** Emulates configfs in {@code stateDir}, creating the initial tree if the directory is new. */
    public EmulatedConfigFs(Path stateDir) {
        this.root = stateDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the emulator's state directory " + root, e);
        }
        synchronized (EmulatedConfigFs.class) {
            // like the kernel, no fabric directory until its first mkdir (rtslib makes iscsi/ itself)
            if (!StateFiles.exists(root.resolve("version"))) {
                Templates.create("root", root, Map.of());
            }
        }
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public boolean exists(Path path) {
        return visible(path) && StateFiles.exists(path);
    }

    @Override
    public boolean isDirectory(Path path) {
        return visible(path) && StateFiles.isDirectory(path);
    }

    @Override
    public boolean isSymlink(Path path) {
        return visible(path) && Files.isSymbolicLink(path);
    }

    @Override
    public boolean isWritable(Path attribute) {
        return exists(attribute) && StateFiles.modeOf(attribute).contains(PosixFilePermission.OWNER_WRITE);
    }

    @Override
    public List<String> list(Path dir) throws ConfigFsException {
        return reading(() -> {
            requireDirectory("list", dir);
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public String read(Path attribute) throws ConfigFsException {
        return reading(() -> {
            if (!exists(attribute)) {
                throw new ConfigFsException(Errno.ENOENT, "read", attribute, null);
            }
            if (Files.isDirectory(attribute)) {
                throw new ConfigFsException(Errno.EISDIR, "read", attribute, null);
            }
            if (!StateFiles.modeOf(attribute).contains(PosixFilePermission.OWNER_READ)) {
                throw new ConfigFsException(Errno.EACCES, "read", attribute, "the attribute is write-only");
            }
            return StateFiles.read(attribute);
        });
    }

    @Override
    public void write(Path attribute, String value) throws ConfigFsException {
        writing(() -> {
            if (!isDirectory(attribute.getParent())) {
                throw new ConfigFsException(Errno.ENOENT, "write", attribute, "no such directory");
            }
            if (!exists(attribute)) {
                // configfs cannot create files: open(O_CREAT) of a missing attribute is refused
                throw new ConfigFsException(Errno.EACCES, "write", attribute, "there is no such attribute");
            }
            if (StateFiles.isDirectory(attribute)) {
                throw new ConfigFsException(Errno.EISDIR, "write", attribute, null);
            }
            if (!StateFiles.modeOf(attribute).contains(PosixFilePermission.OWNER_WRITE)) {
                throw new ConfigFsException(Errno.EACCES, "write", attribute, "the attribute is read-only");
            }
            Node node = Node.of(root, attribute);
            if (node.parts().size() > 3 && node.parts().getFirst().equals("core")) {
                Node storageObject = Node.of(root, root.resolve(String.join("/", node.prefix(3))));
                if (storageObject.kind() == Kind.STORAGE_OBJECT) {
                    new StorageObjectFiles(storageObject).write(attribute, value);
                    return null;
                }
            }
            if (node.parts().equals(List.of("dbroot"))) {
                writeDbroot(attribute, value);
                return null;
            }
            StateFiles.replace(attribute, value.strip() + "\n");
            return null;
        });
    }

    private void writeDbroot(Path attribute, String value) throws ConfigFsException {
        String dbroot = value.strip();
        if (hasStorageObjects()) {
            throw new ConfigFsException(Errno.EINVAL, "write", attribute,
                    "dbroot cannot change once storage objects exist");
        }
        if (!Files.isDirectory(Path.of(dbroot))) {
            throw new ConfigFsException(Errno.EINVAL, "write", attribute, dbroot + " is not an existing directory");
        }
        StateFiles.replace(attribute, dbroot + "\n");
    }

    private boolean hasStorageObjects() throws ConfigFsException {
        Path core = root.resolve("core");
        for (String hba : list(core)) {
            if (Node.of(root, core.resolve(hba)).kind() == Kind.HBA && hasSubdirectory(core.resolve(hba))) {
                return true;
            }
        }
        return false;
    }

    private boolean hasSubdirectory(Path dir) throws ConfigFsException {
        for (String name : list(dir)) {
            if (StateFiles.isDirectory(dir.resolve(name))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void mkdir(Path dir) throws ConfigFsException {
        writing(() -> {
            if (!isDirectory(dir.getParent()) || !inside(dir)) {
                throw new ConfigFsException(Errno.ENOENT, "mkdir", dir, "the parent directory does not exist");
            }
            if (exists(dir)) {
                throw new ConfigFsException(Errno.EEXIST, "mkdir", dir, "it already exists");
            }
            Node node = Node.of(root, dir);
            Node parent = Node.of(root, dir.getParent());
            if (!Node.positional(node.parts()).isItem() || parent.misnamed()) {
                throw new ConfigFsException(Errno.EPERM, "mkdir", dir, "configfs allows no new directory here");
            }
            if (node.misnamed()) {
                throw new ConfigFsException(Errno.EINVAL, "mkdir", dir, expectedName(Node.positional(node.parts())));
            }
            StateFiles.createDir(dir);
            switch (node.kind()) {
                case HBA -> Templates.create("hba", dir,
                        Map.of("plugin", node.plugin(), "hbaIndex", Integer.toString(nextHbaIndex())));
                case STORAGE_OBJECT -> new StorageObjectFiles(node).create();
                case FABRIC -> {
                    if (node.name().equals("iscsi")) {
                        Templates.create("iscsi", dir, Map.of());
                    }
                }
                case TARGET -> Templates.create("target", dir, Map.of());
                case TPG -> Templates.create("tpg", dir, Map.of());
                case LUN -> Templates.create("lun", dir, Map.of());
                case PORTAL -> Templates.create("portal", dir, Map.of());
                case ACL -> Templates.create("acl", dir, Map.of("name", node.name()));
                case MAPPED_LUN -> Templates.create("mapped-lun", dir, Map.of());
                default -> throw new IllegalStateException("not an item: " + node);
            }
            return null;
        });
    }

    private static String expectedName(Kind kind) {
        return switch (kind) {
            case HBA -> "an HBA is named <plugin>_<N>, plugin one of fileio, iblock, rd_mcp, pscsi, user";
            case FABRIC -> "no fabric module of that name (known: " + String.join(", ", Node.FABRICS) + ")";
            case TPG -> "a TPG is named tpgt_<N>";
            case LUN, MAPPED_LUN -> "a LUN is named lun_<N>";
            case PORTAL -> "a portal is named <ip>:<port>";
            default -> "invalid name";
        };
    }

    /** The kernel numbers HBAs with one counter that only grows (hba_info shows it). */
    private int nextHbaIndex() {
        Path counter = root.resolve(HBA_COUNTER);
        int next = StateFiles.exists(counter) ? Integer.parseInt(StateFiles.read(counter).strip()) + 1 : 1;
        StateFiles.createFile(counter, next + "\n", StateFiles.mode("-rw-------"));
        return next;
    }

    @Override
    public void rmdir(Path dir) throws ConfigFsException {
        writing(() -> {
            if (!exists(dir)) {
                throw new ConfigFsException(Errno.ENOENT, "rmdir", dir, null);
            }
            if (!StateFiles.isDirectory(dir)) {
                throw new ConfigFsException(Errno.ENOTDIR, "rmdir", dir, null);
            }
            Node node = Node.of(root, dir);
            if (!node.kind().isItem()) {
                throw new ConfigFsException(Errno.EPERM, "rmdir", dir,
                        "a default group goes away only with the object that owns it");
            }
            if (node.kind() == Kind.STORAGE_OBJECT && new StorageObjectState(dir).exported()) {
                throw new ConfigFsException(Errno.EBUSY, "rmdir", dir,
                        "exported by " + String.join(", ", new StorageObjectState(dir).exports()) + "; remove the LUN first");
            }
            String content = itemsInside(dir);
            if (content != null) {
                throw new ConfigFsException(Errno.ENOTEMPTY, "rmdir", dir, "remove " + content + " first");
            }
            StateFiles.deleteTree(dir);
            return null;
        });
    }

    /** The first symlink or child item found below {@code dir}, or null when there is none. */
    private String itemsInside(Path dir) {
        try (Stream<Path> tree = Files.walk(dir)) {
            return tree.filter(p -> !p.equals(dir) && visible(p))
                    .filter(p -> Files.isSymbolicLink(p)
                            || StateFiles.isDirectory(p) && Node.of(root, p).kind().isItem())
                    .map(p -> root.relativize(p).toString())
                    .findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void symlink(Path link, Path target) throws ConfigFsException {
        writing(() -> {
            if (!isDirectory(link.getParent()) || !inside(link)) {
                throw new ConfigFsException(Errno.ENOENT, "symlink", link, "the directory does not exist");
            }
            if (exists(link)) {
                throw new ConfigFsException(Errno.EEXIST, "symlink", link, "it already exists");
            }
            Node parent = Node.of(root, link.getParent());
            if (parent.kind() != Kind.LUN && parent.kind() != Kind.MAPPED_LUN) {
                throw new ConfigFsException(Errno.EPERM, "symlink", link,
                        "links are allowed only in a TPG's lun_<N> and in a mapped LUN");
            }
            if (!target.isAbsolute()) {
                throw new ConfigFsException(Errno.ENOENT, "symlink", link,
                        "the target " + target + " must be an absolute path");
            }
            Path resolved = target.normalize();
            if (!inside(resolved)) {
                throw new ConfigFsException(Errno.EPERM, "symlink", link, target + " is not in configfs");
            }
            if (!isDirectory(resolved)) {
                throw new ConfigFsException(Errno.ENOENT, "symlink", link, "the target " + target + " does not exist");
            }
            if (containsSymlink(link.getParent())) {
                throw new ConfigFsException(Errno.EEXIST, "symlink", link, "this LUN already has its link");
            }
            Node to = Node.of(root, resolved);
            if (parent.kind() == Kind.LUN) {
                linkLun(link, to);
            } else {
                linkMappedLun(link, parent, to);
            }
            return null;
        });
    }

    private void linkLun(Path link, Node to) throws ConfigFsException {
        if (to.kind() != Kind.STORAGE_OBJECT) {
            throw new ConfigFsException(Errno.EINVAL, "symlink", link, "a LUN links to a storage object");
        }
        StorageObjectFiles storageObject = new StorageObjectFiles(to);
        if (!storageObject.state().enabled()) {
            throw new ConfigFsException(Errno.ENODEV, "symlink", link,
                    "storage object " + to.path() + " is not enabled; write 1 to its enable first");
        }
        createLink(link, to.path());
        storageObject.state().addExport(root.relativize(link).toString());
        storageObject.renderInfo();
        StateFiles.replace(link.getParent().resolve("alua_tg_pt_gp"), LUN_ALUA);
    }

    private void linkMappedLun(Path link, Node mappedLun, Node to) throws ConfigFsException {
        if (to.kind() != Kind.LUN || !to.prefix(3).equals(mappedLun.prefix(3))) {
            throw new ConfigFsException(Errno.EINVAL, "symlink", link,
                    "a mapped LUN links to a lun_<N> of the same TPG");
        }
        if (!containsSymlink(to.path())) {
            throw new ConfigFsException(Errno.EINVAL, "symlink", link, to.path() + " has no storage object");
        }
        createLink(link, to.path());
    }

    /** Stores the link relative, as the kernel shows it, so the state directory can move. */
    private static void createLink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, link.getParent().relativize(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean containsSymlink(Path dir) throws ConfigFsException {
        for (String name : list(dir)) {
            if (Files.isSymbolicLink(dir.resolve(name))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void unlink(Path link) throws ConfigFsException {
        writing(() -> {
            if (!exists(link)) {
                throw new ConfigFsException(Errno.ENOENT, "unlink", link, null);
            }
            if (!Files.isSymbolicLink(link)) {
                throw new ConfigFsException(Errno.EPERM, "unlink", link, "only links can be removed with unlink");
            }
            Node target = Node.of(root, readlink(link));
            try {
                Files.delete(link);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (target.kind() == Kind.STORAGE_OBJECT && StateFiles.isDirectory(target.path())) {
                StorageObjectFiles storageObject = new StorageObjectFiles(target);
                storageObject.state().removeExport(root.relativize(link).toString());
                storageObject.renderInfo();
                StateFiles.replace(link.getParent().resolve("alua_tg_pt_gp"), "");
            }
            return null;
        });
    }

    @Override
    public Path readlink(Path link) throws ConfigFsException {
        return reading(() -> {
            if (!isSymlink(link)) {
                throw new ConfigFsException(exists(link) ? Errno.EINVAL : Errno.ENOENT, "readlink", link, "not a link");
            }
            try {
                return link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A configfs call, run under the emulator's lock: reads share it, as the kernel's do; changes take it alone. */
    private interface Call<T> {
        T run() throws ConfigFsException;
    }

    private <T> T reading(Call<T> call) throws ConfigFsException {
        lock.readLock().lock();
        try {
            return call.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T writing(Call<T> call) throws ConfigFsException {
        lock.writeLock().lock();
        try {
            return call.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void requireDirectory(String operation, Path dir) throws ConfigFsException {
        if (!exists(dir)) {
            throw new ConfigFsException(Errno.ENOENT, operation, dir, null);
        }
        if (!Files.isDirectory(dir)) {
            throw new ConfigFsException(Errno.ENOTDIR, operation, dir, null);
        }
    }

    private boolean inside(Path path) {
        Path normalized = path.toAbsolutePath().normalize();
        return normalized.startsWith(root) && !normalized.equals(root);
    }

    /** Inside the root and not part of the emulator's hidden bookkeeping. */
    private boolean visible(Path path) {
        if (path == null) {
            return false;
        }
        Path normalized = path.toAbsolutePath().normalize();
        if (normalized.equals(root)) {
            return true;
        }
        if (!normalized.startsWith(root)) {
            return false;
        }
        for (Path part : root.relativize(normalized)) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
