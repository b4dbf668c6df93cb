package org.liosmis.smis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.cimom.Dispatcher;
import org.liosmis.cimom.Projection;
import org.liosmis.engine.EngineSettings;
import org.liosmis.engine.Pool;
import org.liosmis.engine.PoolBacking;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Each configured pool's LIO_StorageConfigurationCapabilities: the CopyTypes CreateReplica can
 * make with it as TargetPool, why not the others, and LIO_ElementCapabilities to it from its pool.
 */
class PoolCapabilitiesTest {

    private final ObjectNames names = SmisFixture.NAMES;
    @TempDir
    Path dir;
    private Pool files;
    private Pool thin;
    private Pool group;
    private Pool external;
    private SmisFixture fixture;
    private Dispatcher cimom;

    @BeforeEach
    void start() {
        // a directory the reflink probe cannot write into: a pool whose files cannot be cloned, on any filesystem
        files = new Pool("files", "files", new PoolBacking.Directory(dir.resolve("missing")), 10L << 30, 6L << 30);
        thin = new Pool("thin", "thin", new PoolBacking.ThinPool("vg0", "tp0"), 10L << 30, 6L << 30);
        group = new Pool("group", "group", new PoolBacking.VolumeGroup("vg1"), 10L << 30, 6L << 30);
        external = new Pool(Pool.EXTERNAL_ID, "external", null, 1L << 30, 0);
        fixture = new SmisFixture(dir, new FixedInventory(List.of(files, thin, group, external), List.of()),
                EngineSettings.defaults());
        cimom = fixture.cimom;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static List<Integer> copyTypes(CIMInstance capabilities) {
        return Arrays.stream((Object[]) capabilities.getPropertyValue("SupportedCopyTypes"))
                .map(v -> ((Number) v).intValue()).toList();
    }

    /** The pool's capabilities, found as a console finds them: from the pool through LIO_ElementCapabilities. */
    private CIMInstance capabilitiesOf(Pool pool) throws WBEMException {
        List<CIMInstance> found = cimom.associators(names.pool(pool), "CIM_ElementCapabilities",
                "CIM_StorageConfigurationCapabilities", "ManagedElement", "Capabilities", Projection.ALL).toList();
        assertEquals(1, found.size(), pool.id());
        return found.get(0);
    }

    @Test
    void eachPoolListsExactlyTheCopyTypesItCanHold() throws Exception {
        assertEquals(List.of(4, 5), copyTypes(capabilitiesOf(files)));
        assertEquals(List.of(2, 4, 5), copyTypes(capabilitiesOf(thin)));
        assertEquals(List.of(2, 3, 4, 5), copyTypes(capabilitiesOf(group)));
        // the service's: what works in at least one pool
        assertEquals(List.of(2, 3, 4, 5), copyTypes(cimom.getInstance(names.configurationCapabilities(),
                Projection.ALL)));
        assertEquals(0, cimom.associatorNames(names.pool(external), "CIM_ElementCapabilities", null, null, null)
                .count(), "nothing is made in the pool of volumes made elsewhere");
    }

    @Test
    void eachPoolSaysInWordsWhatItCannotHoldAndWhy() throws Exception {
        CIMInstance fileio = capabilitiesOf(files);
        assertEquals("LIO:StorageConfigurationCapabilities:pool:files", fileio.getObjectPath().getKeyValue("InstanceID"));
        assertEquals("LIO storage configuration capabilities of pool files", fileio.getPropertyValue("ElementName"));
        String words = (String) fileio.getPropertyValue("Description");
        assertTrue(words.contains("can hold snapshots (4) and independent copies (5)"), words);
        assertTrue(words.contains("no sync mirrors (3): fileio backing files cannot carry a raid1 leg"), words);
        assertTrue(words.contains("no async mirrors (2): its filesystem cannot clone files (reflink)"), words);
        String thinWords = (String) capabilitiesOf(thin).getPropertyValue("Description");
        assertTrue(thinWords.contains("can hold async mirrors (2), snapshots (4)"), thinWords);
        assertTrue(thinWords.contains("no sync mirrors (3): thin volumes cannot carry a raid1 leg"), thinWords);
        String groupWords = (String) capabilitiesOf(group).getPropertyValue("Description");
        assertTrue(groupWords.endsWith("can hold async mirrors (2), sync mirrors (3), snapshots (4) and independent"
                + " copies (5)"), groupWords);
    }

    @Test
    void enumerationGetInstanceAndBothDirectionsOfTheAssociationAgree() throws Exception {
        List<CIMInstance> all = cimom.enumerateInstances("root/lio", "LIO_StorageConfigurationCapabilities", true,
                Projection.ALL).toList();
        assertEquals(1 + 3, all.size());
        for (CIMInstance capabilities : all) {
            assertEquals(capabilities.getProperties().length, cimom.getInstance(capabilities.getObjectPath(),
                    Projection.ALL).getProperties().length);
        }
        for (Pool pool : List.of(files, thin, group)) {
            CIMObjectPath capabilities = names.configurationCapabilities(pool);
            assertEquals(List.of(names.pool(pool)), cimom.associatorNames(capabilities, "CIM_ElementCapabilities",
                    "CIM_StoragePool", "Capabilities", "ManagedElement").toList());
            CIMInstance association = cimom.references(names.pool(pool), "CIM_ElementCapabilities", null,
                    Projection.ALL).findFirst().orElseThrow();
            assertEquals(capabilities, association.getPropertyValue("Capabilities"));
            assertEquals(association.getObjectPath(), cimom.getInstance(association.getObjectPath(), Projection.ALL)
                    .getObjectPath());
        }
        // the services' pairs, and one per configured pool
        assertEquals(1 + 5 + 1 + 3, cimom.enumerateInstances("root/lio", "LIO_ElementCapabilities", true,
                Projection.ALL).count());
        assertEquals(1 + 5, cimom.associatorNames(names.configurationService(), "CIM_ElementCapabilities", null, null,
                null).count(), "the service leads to its own capabilities, not its pools'");
        WBEMException notFound = assertThrows(WBEMException.class, () -> cimom.getInstance(
                names.configurationCapabilities(external), Projection.ALL));
        assertEquals(WBEMException.CIM_ERR_NOT_FOUND, notFound.getID());
    }
}
