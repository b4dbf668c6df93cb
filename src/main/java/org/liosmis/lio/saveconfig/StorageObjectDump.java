package org.liosmis.lio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.StorageObject;
import org.liosmis.lio.configfs.ConfigFs;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.Errno;

/**
 * A storage object's saved config entry, read from configfs the way rtslib's
 * {@code StorageObject.dump()} reads it: every attribute its owner may write (the read-only
 * hw_* ones are left out, as in the real saveconfig.json), numbers as numbers, the ALUA target
 * port groups, and the plugin's own keys.
 */
public final class StorageObjectDump {

    /** The ALUA group files rtslib saves (not alua_support_lba_dependent, not members). */
    private static final List<String> ALUA_NUMBERS = List.of("alua_access_state",
            "alua_support_active_nonoptimized", "alua_support_active_optimized", "alua_support_offline",
            "alua_support_standby", "alua_support_transitioning", "alua_support_unavailable",
            "alua_write_metadata", "implicit_trans_secs", "nonop_delay_msecs", "preferred", "tg_pt_gp_id",
            "trans_delay_msecs");
    /** The kernel shows these two as text; rtslib saves their codes. */
    private static final Map<String, Integer> ACCESS_TYPES = Map.of(
            "None", 0, "Implicit", 1, "Explicit", 2, "Implicit and Explicit", 3);
    private static final Map<String, Integer> ACCESS_STATUSES = Map.of(
            "None", 0, "Altered by Explicit STPG", 1, "Altered by Implicit ALUA", 2);
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

    private final ConfigFs fs;

    public StorageObjectDump(ConfigFs fs) {
        this.fs = fs;
    }

    /** Whether {@link #dump} saves storage objects of the plugin. */
    public static boolean dumps(Plugin plugin) {
        return plugin == Plugin.FILEIO || plugin == Plugin.IBLOCK || plugin == Plugin.RD_MCP;
    }

    /** The entry targetcli would save for {@code so}: fileio, block and ramdisk objects. */
    public ObjectNode dump(StorageObject so) throws ConfigFsException {
        Path dir = so.path();
        ObjectNode entry = TargetcliJson.NODES.objectNode();
        entry.set("attributes", attributes(dir.resolve("attrib")));
        entry.put("name", so.name());
        entry.put("plugin", Backstores.name(so.plugin()));
        entry.set("alua_tpgs", aluaGroups(dir.resolve("alua")));
        String info = String.join(" ", fs.read(dir.resolve("info")).split("\\s+"));
        switch (so.plugin()) {
            case FILEIO -> {
                entry.put("write_back", so.writeBack());
                entry.put("wwn", so.unitSerial());
                entry.put("dev", value(dir.resolve("udev_path")));
                entry.set("size", size(so, "Size"));
                entry.put("aio", infoField(dir, info, "Async").equals("1"));
            }
            case IBLOCK -> {
                entry.put("write_back", so.writeBack());
                entry.put("readonly", infoField(dir, info, "readonly").equals("1"));
                entry.put("wwn", so.unitSerial());
                entry.put("dev", value(dir.resolve("udev_path")));
            }
            case RD_MCP -> {
                entry.put("wwn", so.unitSerial());
                entry.set("size", size(so, "PAGES/PAGE_SIZE"));
                if (infoField(dir, info, "nullio").equals("1")) {
                    entry.put("nullio", true);
                }
            }
            default -> throw new IllegalArgumentException("lio-smis does not save " + so.plugin().configfsName()
                    + " storage objects such as " + dir);
        }
        return entry;
    }

    private static JsonNode size(StorageObject so, String infoKey) throws ConfigFsException {
        long size = so.sizeBytes().orElseThrow(() -> missing(so.path(), infoKey));
        return TargetcliJson.integer(BigInteger.valueOf(size));
    }

    private ObjectNode attributes(Path attrib) throws ConfigFsException {
        ObjectNode attributes = TargetcliJson.NODES.objectNode();
        for (String name : fs.list(attrib)) {
            Path file = attrib.resolve(name);
            if (fs.isWritable(file)) {
                attributes.set(name, numberOrText(value(file)));
            }
        }
        return attributes;
    }

    private ArrayNode aluaGroups(Path alua) throws ConfigFsException {
        ArrayNode groups = TargetcliJson.NODES.arrayNode();
        for (String name : fs.list(alua)) {
            Path dir = alua.resolve(name);
            if (!fs.isDirectory(dir)) {
                continue;
            }
            ObjectNode group = groups.addObject();
            group.put("name", name);
            for (String number : ALUA_NUMBERS) {
                group.set(number, numberOrText(value(dir.resolve(number))));
            }
            group.put("alua_access_type", code(dir.resolve("alua_access_type"), ACCESS_TYPES));
            group.put("alua_access_status", code(dir.resolve("alua_access_status"), ACCESS_STATUSES));
        }
        return groups;
    }

    private int code(Path file, Map<String, Integer> codes) throws ConfigFsException {
        String text = value(file);
        Integer code = codes.get(text);
        if (code == null) {
            throw new ConfigFsException(Errno.EINVAL, "read", file, "unexpected value '" + text + "', expected one of "
                    + codes.keySet());
        }
        return code;
    }

    /** Like rtslib's int(value), falling back to the text. */
    private static JsonNode numberOrText(String value) {
        return INTEGER.matcher(value).matches() ? TargetcliJson.integer(new BigInteger(value))
                : TargetcliJson.NODES.textNode(value);
    }

    /** A "Key: value" field of info, read from its whitespace-joined text as rtslib does. */
    private static String infoField(Path dir, String info, String key) throws ConfigFsException {
        Matcher m = Pattern.compile("(?:^|\\s)" + Pattern.quote(key) + ": ([^: ]+)").matcher(info);
        if (!m.find()) {
            throw missing(dir, key);
        }
        return m.group(1);
    }

    private static ConfigFsException missing(Path dir, String key) {
        return new ConfigFsException(Errno.EINVAL, "read", dir.resolve("info"), "it shows no " + key);
    }

    private String value(Path file) throws ConfigFsException {
        return fs.read(file).strip();
    }
}
