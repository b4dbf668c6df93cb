package org.liosmis.lvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** thin_delta's report read as changed bytes; the texts are thin-provisioning-tools 0.9.0's. */
class ThinDeltaXmlTest {

    private static final long CHUNK = 64 << 10;

    /** Every kind of run, as thin_delta printed them for two devices made with thin_restore. */
    private static final String EVERY_KIND = """
            <superblock uuid="" time="1" transaction="2" data_block_size="128" nr_data_blocks="1000">
              <diff left="1" right="2">
                <same begin="0" length="3"/>
                <different begin="3" length="1"/>
                <same begin="4" length="4"/>
                <left_only begin="8" length="2"/>
                <right_only begin="12" length="2"/>
                <left_only begin="30" length="1"/>
              </diff>
            </superblock>
            """;

    /** What it printed in the test guest for two thin snapshots of a volume, three regions rewritten between them. */
    static final String FROM_THE_GUEST = """
            <superblock uuid="" time="2" transaction="3" data_block_size="128" nr_data_blocks="0">
              <diff left="2" right="3">
                <same begin="0" length="80"/>
                <different begin="80" length="2"/>
                <same begin="82" length="398"/>
                <different begin="480" length="3"/>
                <same begin="483" length="318"/>
                <different begin="801" length="2"/>
                <same begin="803" length="221"/>
              </diff>
            </superblock>
            """;

    @Test
    void theGuestsChangedChunksAreRead() throws Exception {
        assertEquals(List.of(new ThinRange(80 * CHUNK, 2 * CHUNK), new ThinRange(480 * CHUNK, 3 * CHUNK),
                new ThinRange(801 * CHUNK, 2 * CHUNK)), ThinDeltaXml.changed(FROM_THE_GUEST, 2, 3));
    }

    @Test
    void differentLeftOnlyAndRightOnlyAreChangedSameIsNot() throws Exception {
        assertEquals(List.of(new ThinRange(3 * CHUNK, CHUNK), new ThinRange(8 * CHUNK, 2 * CHUNK),
                new ThinRange(12 * CHUNK, 2 * CHUNK), new ThinRange(30 * CHUNK, CHUNK)),
                ThinDeltaXml.changed(EVERY_KIND, 1, 2));
    }

    @Test
    void theVerboseFormReadsAlike() throws Exception {
        String verbose = """
                <superblock uuid="" time="1" transaction="2" data_block_size="128" nr_data_blocks="1000">
                  <diff left="1" right="2">
                    <same>
                      <range begin="0" data_begin="0" length="3"/>
                    </same>
                    <different>
                      <range begin="3" left_data_begin="3" right_data_begin="20" length="1"/>
                    </different>
                    <same>
                      <range begin="4" data_begin="4" length="4"/>
                    </same>
                    <left_only>
                      <range begin="8" data_begin="8" length="2"/>
                    </left_only>
                    <right_only>
                      <range begin="12" data_begin="21" length="2"/>
                    </right_only>
                    <left_only>
                      <range begin="30" data_begin="40" length="1"/>
                    </left_only>
                  </diff>
                </superblock>
                """;
        assertEquals(ThinDeltaXml.changed(EVERY_KIND, 1, 2), ThinDeltaXml.changed(verbose, 1, 2));
    }

    @Test
    void touchingRunsAreMergedInTheChunksOfTheSuperblock() throws Exception {
        String touching = diff(256, "<different begin=\"5\" length=\"2\"/>", "<right_only begin=\"7\" length=\"1\"/>",
                "<left_only begin=\"8\" length=\"3\"/>", "<same begin=\"11\" length=\"1\"/>",
                "<different begin=\"12\" length=\"1\"/>");
        long chunk = 256 * 512;
        assertEquals(List.of(new ThinRange(5 * chunk, 6 * chunk), new ThinRange(12 * chunk, chunk)),
                ThinDeltaXml.changed(touching, 1, 2));
    }

    @Test
    void identicalDevicesHaveNoChanges() throws Exception {
        assertEquals(List.of(), ThinDeltaXml.changed(diff(128, "<same begin=\"0\" length=\"1024\"/>"), 1, 2));
    }

    @Test
    void whatCannotBeReadIsRefused() {
        refused(EVERY_KIND.replace("left_only begin=\"30\"", "moved begin=\"30\""), "unknown element <moved>");
        refused(EVERY_KIND.replace("length=\"4\"", "length=\"-4\""), "length=\"-4\"");
        refused(EVERY_KIND.replace("data_block_size=\"128\"", ""), "data_block_size=\"\"");
        refused(EVERY_KIND.replace("right=\"2\"", "right=\"7\""), "not 1 and 2");
        refused(EVERY_KIND.replace("</diff>", "</diff><diff left=\"1\" right=\"2\"/>"), "one <diff> expected");
        refused(EVERY_KIND.replace("<same begin=\"0\" length=\"3\"/>", "oops"), "text in <diff>");
        refused(EVERY_KIND.substring(0, 200), "");
        refused("no metadata snap\n", "");
        refused(EVERY_KIND.replace("begin=\"30\"", "begin=\"999999999999999999\""), "too large");
    }

    @Test
    void noDoctypeOrEntityIsRead() {
        refused("<?xml version=\"1.0\"?><!DOCTYPE superblock [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<superblock data_block_size=\"128\"><diff left=\"1\" right=\"2\">&x;</diff></superblock>",
                "DOCTYPE");
    }

    /** A diff of devices 1 and 2 with these runs, data blocks of {@code sectors} 512-byte sectors. */
    private static String diff(int sectors, String... runs) {
        return "<superblock uuid=\"\" time=\"2\" transaction=\"3\" data_block_size=\"" + sectors
                + "\" nr_data_blocks=\"0\"><diff left=\"1\" right=\"2\">" + String.join("\n", runs)
                + "</diff></superblock>";
    }

    private static void refused(String xml, String why) {
        LvmException e = assertThrows(LvmException.class, () -> ThinDeltaXml.changed(xml, 1, 2));
        assertEquals(LvmException.Kind.FAILED, e.kind());
        assertTrue(e.getMessage().startsWith("thin_delta printed what lio-smis cannot read: ")
                && e.getMessage().contains(why), e.getMessage());
    }
}
