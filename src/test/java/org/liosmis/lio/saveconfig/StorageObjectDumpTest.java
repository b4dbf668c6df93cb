package org.liosmis.lio.saveconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.lio.FileioSpec;
import org.liosmis.lio.IblockSpec;
import org.liosmis.lio.LioRoot;
import org.liosmis.lio.Plugin;
import org.liosmis.lio.StorageObject;
import org.liosmis.lio.configfs.ConfigFs;

/** Saved config entries of storage objects on the emulator, against what targetcli wrote on a real kernel. */
class StorageObjectDumpTest {

    private static final long MIB = 1024 * 1024;
    /** Attributes whose values do not depend on the backing device. */
    private static final List<String> DEVICE_INDEPENDENT = List.of("alua_support", "block_size", "emulate_3pc",
            "emulate_caw", "emulate_dpo", "emulate_fua_read", "emulate_fua_write", "emulate_model_alias", "emulate_pr",
            "emulate_rest_reord", "emulate_tas", "emulate_tpu", "emulate_tpws", "emulate_ua_intlck_ctrl",
            "emulate_write_cache", "enforce_pr_isids", "force_pr_aptpl", "pgr_support", "pi_prot_format",
            "pi_prot_type", "pi_prot_verify", "queue_depth");

    @TempDir
    Path temp;

    LioRoot lio;
    ConfigFs fs;
    JsonNode realBlock;

    @BeforeEach
    void setUp() throws Exception {
        lio = LioRoot.emulated(temp.resolve("lio"), null);
        fs = lio.configFs();
        realBlock = TargetcliJson.parse(new String(RealSavedConfig.bytes())).get("storage_objects").get(0);
    }

    @Test
    void aFileioEntryIsWhatTargetcliSaves() throws Exception {
        Path file = temp.resolve("vol1.img");
        StorageObject so = lio.createFileio(FileioSpec.of("vol1", file, 64 * MIB)
                .withUnitSerial("6638cbda-6095-4ffd-af23-a567acb7e5b5"));
        ObjectNode entry = new StorageObjectDump(fs).dump(so);

        assertEquals(Set.of("aio", "alua_tpgs", "attributes", "dev", "name", "plugin", "size", "write_back", "wwn"),
                keys(entry));
        assertEquals("fileio", entry.get("plugin").textValue());
        assertEquals("vol1", entry.get("name").textValue());
        assertEquals(file.toString(), entry.get("dev").textValue());
        assertEquals(64 * MIB, entry.get("size").longValue());
        assertTrue(entry.get("size").isIntegralNumber());
        assertEquals("6638cbda-6095-4ffd-af23-a567acb7e5b5", entry.get("wwn").textValue());
        assertTrue(entry.get("write_back").isBoolean() && !entry.get("write_back").booleanValue());
        assertTrue(entry.get("aio").isBoolean() && !entry.get("aio").booleanValue());
        assertSameAttributesAndAluaAsTheRealFile(entry);
        assertEquals(entry, TargetcliJson.parse(TargetcliJson.format(entry)), "the same tree once saved");
    }

    @Test
    void aBlockEntryHasTheRealEntrysKeys() throws Exception {
        // createIblock makes targetcli's configfs writes (strace-block-create.summary); a file stands in for /dev/loop0
        Path dev = Files.createFile(temp.resolve("loop0"));
        StorageObject so = lio.createIblock(IblockSpec.of("blk1", dev)
                .withUnitSerial("e6deb258-4d72-47d5-bdd1-24fe976f9ce7"));
        ObjectNode entry = new StorageObjectDump(fs).dump(so);

        assertEquals(keys(realBlock), keys(entry));
        for (String key : List.of("name", "plugin", "readonly", "write_back", "wwn")) {
            assertEquals(realBlock.get(key), entry.get(key), key);
        }
        assertEquals(dev.toString(), entry.get("dev").textValue());
        assertSameAttributesAndAluaAsTheRealFile(entry);
    }

    @Test
    void writeBackAndAsyncIoComeFromConfigfs() throws Exception {
        StorageObject so = lio.createFileio(FileioSpec.of("wb", temp.resolve("wb.img"), MIB).withWriteBack(true));
        fs.write(so.path().resolve("attrib/emulate_fua_write"), "0");
        ObjectNode entry = new StorageObjectDump(fs).dump(so);
        assertTrue(entry.get("write_back").booleanValue());
        assertEquals(1, entry.get("attributes").get("emulate_write_cache").intValue());
        assertEquals(0, entry.get("attributes").get("emulate_fua_write").intValue());
        assertFalse(entry.get("aio").booleanValue());
    }

    @Test
    void aRamdiskEntryHasItsSize() throws Exception {
        Path dir = fs.root().resolve("core/rd_mcp_0/r1");
        fs.mkdir(dir.getParent());
        fs.mkdir(dir);
        fs.write(dir.resolve("control"), "rd_pages=256");
        fs.write(dir.resolve("enable"), "1");
        ObjectNode entry = new StorageObjectDump(fs).dump(lio.storageObject(Plugin.RD_MCP, "r1").orElseThrow());
        assertEquals(Set.of("alua_tpgs", "attributes", "name", "plugin", "size", "wwn"), keys(entry));
        assertEquals("ramdisk", entry.get("plugin").textValue());
        assertEquals(MIB, entry.get("size").longValue());
    }

    /** rtslib saves the attributes its owner can write: all but the four read-only hw_* ones. */
    private void assertSameAttributesAndAluaAsTheRealFile(JsonNode entry) {
        JsonNode attributes = entry.get("attributes");
        assertEquals(keys(realBlock.get("attributes")), keys(attributes));
        assertEquals(30, attributes.size());
        for (String name : DEVICE_INDEPENDENT) {
            assertEquals(realBlock.get("attributes").get(name), attributes.get(name), name);
        }
        attributes.forEach(value -> assertTrue(value.isIntegralNumber(), value::toString));
        assertEquals(realBlock.get("alua_tpgs"), entry.get("alua_tpgs"));
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new TreeSet<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
