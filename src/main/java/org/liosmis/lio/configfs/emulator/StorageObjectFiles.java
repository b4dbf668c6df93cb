package org.liosmis.lio.configfs.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.Errno;

/** The kernel's rules for writes to the attribute files of one storage object. */
final class StorageObjectFiles {

    /** INQUIRY_VPD_SERIAL_LEN: the unit serial and its terminating NUL. */
    private static final int MAX_UNIT_SERIAL = 254;
    /** SE_UDEV_PATH_LEN */
    private static final int MAX_UDEV_PATH = 512;
    private static final Set<Integer> BLOCK_SIZES = Set.of(512, 1024, 2048, 4096);
    /** INQUIRY_MODEL_LEN: emulate_model_alias puts the object's name, cut to this, in product_id. */
    private static final int MAX_MODEL = 16;
    /** The INQUIRY product of each plugin (its inquiry_prod), product_id until a model alias replaces it. */
    private static final Map<String, String> PRODUCTS = Map.of(
            "fileio", "FILEIO", "iblock", "IBLOCK", "rd_mcp", "RAMDISK-MCP");

    /** control keys each plugin understands; numeric ones must parse as unsigned numbers. */
    private static final Map<String, Set<String>> KEYS = Map.of(
            "fileio", Set.of("fd_dev_name", "fd_dev_size", "fd_buffered_io", "fd_async_io"),
            "iblock", Set.of("udev_path", "readonly", "force", "exclusive"),
            "rd_mcp", Set.of("rd_pages", "rd_nullio", "rd_dummy"),
            "user", Set.of("dev_config", "dev_size", "hw_block_size", "hw_max_sectors", "nl_reply_supported",
                    "max_data_area_mb"),
            "pscsi", Set.of("udev_path", "scsi_host_id", "scsi_channel_id", "scsi_target_id", "scsi_lun_id"));
    private static final Set<String> TEXT_KEYS = Set.of("fd_dev_name", "udev_path", "dev_config");

    private final Node node;
    private final StorageObjectState state;

    StorageObjectFiles(Node storageObject) {
        this.node = storageObject;
        this.state = new StorageObjectState(storageObject.path());
    }

    StorageObjectState state() {
        return state;
    }

    /** Creates the default groups and files of a new storage object. */
    void create() {
        Map<String, String> vars = Map.of("hbaIndex", Integer.toString(node.hbaIndex()), "plugin", node.plugin());
        Templates.create("storage-object", node.path(), vars);
        Templates.create(node.plugin().equals("user") ? "user-attrib" : "attrib", node.path(), vars);
        renderInfo();
    }

    void renderInfo() {
        StateFiles.replace(node.path().resolve("info"), InfoRenderer.render(node.plugin(), state));
    }

    /** Applies a write to {@code file} (inside this object) that passed the mode checks. */
    void write(Path file, String value) throws ConfigFsException {
        String relative = node.path().relativize(file).toString().replace('\\', '/');
        switch (relative) {
            case "control" -> control(file, value);
            case "enable" -> enable(file, value);
            case "udev_path", "alias" -> text(file, value);
            case "wwn/vpd_unit_serial" -> unitSerial(file, value);
            default -> {
                if (relative.startsWith("attrib/")) {
                    attribute(file, relative.substring("attrib/".length()), value);
                } else {
                    state.setAttribute(relative, value.strip());
                }
            }
        }
    }

    private void control(Path file, String value) throws ConfigFsException {
        Map<String, String> params = new TreeMap<>(ControlTokens.parse(value));
        params.keySet().retainAll(KEYS.getOrDefault(node.plugin(), Set.of()));
        for (Map.Entry<String, String> param : params.entrySet()) {
            String key = param.getKey();
            String v = param.getValue();
            if (!TEXT_KEYS.contains(key) && !v.matches("\\d{1,18}")) {
                throw invalid(file, key + "=" + v + " is not a number");
            }
            if ((key.equals("fd_buffered_io") || key.equals("fd_async_io")) && !v.equals("1")) {
                throw invalid(file, key + " only accepts 1 (leave it out to turn the mode off)");
            }
        }
        if (node.plugin().equals("iblock") && params.containsKey("udev_path") && state.enabled()) {
            // iblock_set_configfs_dev_params refuses a new path while it holds the device open
            throw new ConfigFsException(Errno.EEXIST, "write", file, "udev_path= cannot change once enabled");
        }
        state.putControl(params);
        renderInfo();
    }

    private void enable(Path file, String value) throws ConfigFsException {
        if (!value.contains("1")) {
            throw invalid(file, "only 1 can be written to enable");
        }
        if (state.enabled()) {
            throw new ConfigFsException(Errno.EEXIST, "write", file, "the storage object is already enabled");
        }
        Map<String, String> control = state.control();
        switch (node.plugin()) {
            case "fileio" -> enableFileio(file, control);
            case "iblock" -> enableIblock(file, control);
            case "rd_mcp" -> enableRamdisk(file, control);
            case "user" -> require(file, control, "dev_config");
            default -> throw new ConfigFsException(Errno.ENODEV, "write", file,
                    "the emulator has no SCSI devices to pass through");
        }
        state.setAttribute("enable", "1");
        state.setAttribute("wwn/vendor_id", "LIO-ORG");
        state.setAttribute("wwn/revision", "4.0");
        renderInfo();
    }

    private void enableFileio(Path file, Map<String, String> control) throws ConfigFsException {
        require(file, control, "fd_dev_name");
        // the kernel opens the file O_RDWR|O_CREAT before it looks at the size
        Path backing = Path.of(control.get("fd_dev_name"));
        if (!backing.isAbsolute()) {
            throw invalid(file, "fd_dev_name must be an absolute path");
        }
        try {
            if (Files.isDirectory(backing)) {
                throw new ConfigFsException(Errno.EISDIR, "write", file, backing + " is a directory");
            }
            if (!Files.exists(backing)) {
                Files.createFile(backing);
            }
        } catch (NoSuchFileException e) {
            throw new ConfigFsException(Errno.ENOENT, "write", file,
                    "cannot create backing file " + backing + ": its directory does not exist", e);
        } catch (IOException e) {
            throw new ConfigFsException(Errno.EIO, "write", file, "cannot open backing file " + backing, e);
        }
        require(file, control, "fd_dev_size");
        configured(16384, "1".equals(control.get("fd_buffered_io")));
        // fd_configure_device: a file can be unmapped (hole punching) and written with WRITE SAME
        state.setAttribute("attrib/max_unmap_lba_count", "8192");
        state.setAttribute("attrib/max_unmap_block_desc_count", "1");
        state.setAttribute("attrib/unmap_granularity", "1");
        state.setAttribute("attrib/max_write_same_len", "4096");
    }

    private void enableIblock(Path file, Map<String, String> control) throws ConfigFsException {
        require(file, control, "udev_path");
        BlockDevice device;
        Map<String, String> queue;
        try {
            device = new BlockDevice(Path.of(control.get("udev_path")).toRealPath());
            queue = device.queueAttributes();
        } catch (NoSuchFileException e) {
            throw new ConfigFsException(Errno.ENOENT, "write", file, "no block device " + control.get("udev_path"), e);
        } catch (IOException e) {
            throw new ConfigFsException(Errno.EIO, "write", file, "cannot open " + control.get("udev_path"), e);
        }
        // the kernel opens the device exclusively (FMODE_EXCL): one storage object per device
        String holder = holderOf(device.path());
        if (holder != null) {
            throw new ConfigFsException(Errno.EBUSY, "write", file, device.path() + " is held by " + holder);
        }
        configured(2560, false);
        queue.forEach((name, value) -> state.setAttribute("attrib/" + name, value));
        state.holdDevice(device.path());
    }

    /** The enabled iblock object (as iblock_N/name) that holds {@code device} open, or null. */
    private String holderOf(Path device) {
        Path core = node.path().getParent().getParent();
        try (DirectoryStream<Path> hbas = Files.newDirectoryStream(core, "iblock_*")) {
            for (Path hba : hbas) {
                try (DirectoryStream<Path> objects = Files.newDirectoryStream(hba, Files::isDirectory)) {
                    for (Path object : objects) {
                        if (new StorageObjectState(object).device().filter(device::equals).isPresent()) {
                            return core.relativize(object).toString();
                        }
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void enableRamdisk(Path file, Map<String, String> control) throws ConfigFsException {
        if (Long.parseLong(control.getOrDefault("rd_pages", "0")) == 0) {
            throw invalid(file, "rd_pages= must be set and not 0");
        }
        configured(4294967288L, false);
    }

    /** The attributes the target core fills in when a device is configured. */
    private void configured(long hwMaxSectors, boolean writeCache) {
        state.setAttribute("attrib/hw_block_size", "512");
        state.setAttribute("attrib/block_size", "512");
        state.setAttribute("attrib/hw_max_sectors", Long.toString(hwMaxSectors));
        state.setAttribute("attrib/optimal_sectors", Long.toString(Math.min(hwMaxSectors, 16384)));
        state.setAttribute("attrib/hw_queue_depth", "128");
        state.setAttribute("attrib/queue_depth", "128");
        state.setAttribute("attrib/emulate_write_cache", writeCache ? "1" : "0");
        state.setAttribute("wwn/product_id", product());
    }

    /** The object's name with emulate_model_alias, else the plugin's INQUIRY product. */
    private String product() {
        return state.attributeOr("attrib/emulate_model_alias", "0").equals("1")
                ? node.name().substring(0, Math.min(node.name().length(), MAX_MODEL))
                : PRODUCTS.getOrDefault(node.plugin(), "");
    }

    private static void require(Path file, Map<String, String> control, String key) throws ConfigFsException {
        if (!control.containsKey(key)) {
            throw invalid(file, "write " + key + "= to control before enabling");
        }
    }

    private void text(Path file, String value) throws ConfigFsException {
        if (value.length() >= MAX_UDEV_PATH) {
            throw invalid(file, "longer than " + (MAX_UDEV_PATH - 1) + " characters");
        }
        state.setAttribute(file.getFileName().toString(), stripNewline(value));
    }

    private void unitSerial(Path file, String value) throws ConfigFsException {
        if (value.length() >= MAX_UNIT_SERIAL) {
            throw new ConfigFsException(Errno.EOVERFLOW, "write", file,
                    "a unit serial has at most " + (MAX_UNIT_SERIAL - 1) + " characters");
        }
        if (state.exported()) {
            throw invalid(file, "the unit serial cannot change while a LUN exports the storage object");
        }
        state.setAttribute("wwn/vpd_unit_serial", "T10 VPD Unit Serial Number: " + value.strip());
    }

    private void attribute(Path file, String name, String value) throws ConfigFsException {
        String v = value.strip();
        if (!v.matches("\\d+")) {
            throw invalid(file, "'" + v + "' is not an unsigned number");
        }
        if (v.length() > 10 || Long.parseLong(v) > 0xFFFF_FFFFL) {
            throw new ConfigFsException(Errno.ERANGE, "write", file, v + " does not fit in 32 bits");
        }
        if (name.startsWith("emulate_") && Long.parseLong(v) > 1 && !name.equals("emulate_ua_intlck_ctrl")) {
            throw invalid(file, name + " is 0 or 1");
        }
        if (name.equals("block_size")) {
            if (state.exported()) {
                throw invalid(file, "block_size cannot change while a LUN exports the storage object");
            }
            if (!BLOCK_SIZES.contains(Integer.parseInt(v))) {
                throw invalid(file, "block_size must be 512, 1024, 2048 or 4096");
            }
        }
        if (name.equals("emulate_model_alias") && state.exported()) {
            throw invalid(file, "the model alias cannot change while a LUN exports the storage object");
        }
        state.setAttribute("attrib/" + name, v);
        if (name.equals("emulate_model_alias")) {
            state.setAttribute("wwn/product_id", product());
        }
        renderInfo();
    }

    private static String stripNewline(String value) {
        return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    }

    private static ConfigFsException invalid(Path file, String hint) {
        return new ConfigFsException(Errno.EINVAL, "write", file, hint);
    }
}
