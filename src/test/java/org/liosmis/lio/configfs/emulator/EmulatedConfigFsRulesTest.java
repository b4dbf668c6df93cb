package org.liosmis.lio.configfs.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.lio.configfs.ConfigFsException;
import org.liosmis.lio.configfs.Errno;

/** The kernel rules table of docs/lio.md, one test each, plus the default tree the kernel creates. */
class EmulatedConfigFsRulesTest {

    @TempDir
    Path temp;

    EmulatedConfigFs fs;
    Path root;
    Path hba;
    Path so;
    Path tpg;

    @BeforeEach
    void setUp() throws Exception {
        fs = new EmulatedConfigFs(temp.resolve("state"));
        root = fs.root();
        hba = root.resolve("core/fileio_0");
        so = hba.resolve("vol1");
        tpg = root.resolve("iscsi/iqn.2024-01.org.example:t1/tpgt_1");
        fs.mkdir(hba);
        fs.mkdir(so);
    }

    private void enable() throws ConfigFsException {
        fs.write(so.resolve("control"), "fd_dev_name=" + temp.resolve("vol1.img") + ",fd_dev_size=67108864");
        fs.write(so.resolve("udev_path"), temp.resolve("vol1.img").toString());
        fs.write(so.resolve("enable"), "1\n");
    }

    private Path exportAsLun0() throws ConfigFsException {
        enable();
        return linkAsLun0();
    }

    private Path linkAsLun0() throws ConfigFsException {
        fs.mkdir(tpg.getParent().getParent());
        fs.mkdir(tpg.getParent());
        fs.mkdir(tpg);
        fs.mkdir(tpg.resolve("lun/lun_0"));
        Path link = tpg.resolve("lun/lun_0/port0");
        fs.symlink(link, so);
        return link;
    }

    private static Errno errnoOf(ThrowingRunnable action) {
        return assertThrows(ConfigFsException.class, action::run).errno();
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void mkdirOfAStorageObjectCreatesTheKernelsDefaultGroupsAndAttributes() throws Exception {
        assertEquals(java.util.List.of("action", "alias", "alua", "alua_lu_gp", "attrib", "control", "enable", "info",
                "lba_map", "pr", "statistics", "udev_path", "wwn"), fs.list(so));
        assertEquals(34, fs.list(so.resolve("attrib")).size());
        assertTrue(fs.exists(so.resolve("alua/default_tg_pt_gp/alua_access_state")));
        assertEquals("T10 VPD Unit Serial Number: \n", fs.read(so.resolve("wwn/vpd_unit_serial")));
        assertEquals("0\n", fs.read(so.resolve("enable")));
        assertEquals("Status: DEACTIVATED  Max Queue Depth: 0  SectorSize: 0  HwMaxSectors: 0\n"
                + "        TCM FILEIO ID: 0        File:   Size: 0  Mode: O_DSYNC Async: 0\n",
                fs.read(so.resolve("info")));
        assertEquals("HBA Index: 1 plugin: fileio version: v5.0\n", fs.read(hba.resolve("hba_info")));
    }

    @Test
    void theStateIsARealDirectoryTreeWithTheKernelsModes() throws Exception {
        assertEquals("--w-------", modeOf(so.resolve("control")));
        assertEquals("-r--r--r--", modeOf(so.resolve("info")));
        assertEquals("-rw-r--r--", modeOf(so.resolve("attrib/block_size")));
        assertTrue(Files.isDirectory(temp.resolve("state/core/fileio_0/vol1/alua/default_tg_pt_gp")));
    }

    private static String modeOf(Path file) throws Exception {
        return "-" + java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void enableBeforeControlIsEinval() {
        assertEquals(Errno.EINVAL, errnoOf(() -> fs.write(so.resolve("enable"), "1\n")));
    }

    @Test
    void secondEnableIsEexist() throws Exception {
        enable();
        assertEquals(Errno.EEXIST, errnoOf(() -> fs.write(so.resolve("enable"), "1\n")));
    }

    @Test
    void fdBufferedIoZeroIsEinval() {
        assertEquals(Errno.EINVAL, errnoOf(() -> fs.write(so.resolve("control"), "fd_buffered_io=0")));
    }

    @Test
    void unknownControlKeysAreIgnored() throws Exception {
        fs.write(so.resolve("control"), "bogus=1");
        fs.write(so.resolve("control"), "fd_dev_name=/x.img\nfd_dev_size=4096,also_bogus=7");
        assertTrue(fs.read(so.resolve("info")).contains("File: /x.img  Size: 4096"));
    }

    @Test
    void mkdirOfAnUnknownPluginOrNonNumericHbaIsEinval() {
        assertEquals(Errno.EINVAL, errnoOf(() -> fs.mkdir(root.resolve("core/bogus_0"))));
        assertEquals(Errno.EINVAL, errnoOf(() -> fs.mkdir(root.resolve("core/fileio_x"))));
    }

    @Test
    void everyPluginGetsAnHba() throws Exception {
        for (String hbaName : new String[] {"iblock_7", "rd_mcp_8", "pscsi_2", "user_9"}) {
            fs.mkdir(root.resolve("core").resolve(hbaName));
            fs.mkdir(root.resolve("core").resolve(hbaName).resolve("x"));
        }
        assertTrue(fs.list(root.resolve("core/user_9/x/action")).contains("reset_ring"));
        assertTrue(fs.list(root.resolve("core/user_9/x/attrib")).contains("dev_config"));
        assertEquals("Status: DEACTIVATED  Max Queue Depth: 0  SectorSize: 0  HwMaxSectors: 0\n"
                + "          readonly: 0\n        Major: 0 Minor: 0\n", fs.read(root.resolve("core/iblock_7/x/info")));
    }

    @Test
    void writingAnAttributeThatDoesNotExistIsEacces() {
        assertEquals(Errno.EACCES, errnoOf(() -> fs.write(so.resolve("nonexistent"), "x")));
    }

    @Test
    void writingAReadOnlyAttributeIsEaccesAndReadingControlToo() {
        assertEquals(Errno.EACCES, errnoOf(() -> fs.write(so.resolve("info"), "x")));
        assertEquals(Errno.EACCES, errnoOf(() -> fs.read(so.resolve("control"))));
    }

    @Test
    void rmdirOfADefaultGroupIsEperm() {
        assertEquals(Errno.EPERM, errnoOf(() -> fs.rmdir(so.resolve("attrib"))));
        assertEquals(Errno.EPERM, errnoOf(() -> fs.rmdir(root.resolve("core/alua"))));
        assertEquals(Errno.EPERM, errnoOf(() -> fs.rmdir(root.resolve("core"))));
    }

    @Test
    void rmdirOfAnHbaWithAStorageObjectIsEnotempty() {
        assertEquals(Errno.ENOTEMPTY, errnoOf(() -> fs.rmdir(hba)));
    }

    @Test
    void rmdirOfAStorageObjectALunLinksToIsEbusy() throws Exception {
        exportAsLun0();
        assertEquals(Errno.EBUSY, errnoOf(() -> fs.rmdir(so)));
    }

    @Test
    void rmdirOfALunHoldingItsLinkIsEnotempty() throws Exception {
        exportAsLun0();
        assertEquals(Errno.ENOTEMPTY, errnoOf(() -> fs.rmdir(tpg.resolve("lun/lun_0"))));
    }

    @Test
    void rmdirOfAnAclHoldingMappedLunsIsEnotempty() throws Exception {
        exportAsLun0();
        Path acl = tpg.resolve("acls/iqn.1994-05.com.example:c1");
        fs.mkdir(acl);
        fs.mkdir(acl.resolve("lun_0"));
        fs.symlink(acl.resolve("lun_0/m0"), tpg.resolve("lun/lun_0"));
        assertEquals(Errno.ENOTEMPTY, errnoOf(() -> fs.rmdir(acl)));
        assertEquals(Errno.ENOTEMPTY, errnoOf(() -> fs.rmdir(acl.resolve("lun_0"))));
        assertEquals(tpg.resolve("lun/lun_0"), fs.readlink(acl.resolve("lun_0/m0")));
    }

    @Test
    void lunLinkToAStorageObjectNotEnabledIsEnodev() throws Exception {
        fs.mkdir(tpg.getParent().getParent());
        fs.mkdir(tpg.getParent());
        fs.mkdir(tpg);
        fs.mkdir(tpg.resolve("lun/lun_0"));
        assertEquals(Errno.ENODEV, errnoOf(() -> fs.symlink(tpg.resolve("lun/lun_0/x"), so)));
    }

    @Test
    void unitSerialWriteWhileExportedIsEinval() throws Exception {
        fs.write(so.resolve("wwn/vpd_unit_serial"), "replica-0001\n");
        assertEquals("T10 VPD Unit Serial Number: replica-0001\n", fs.read(so.resolve("wwn/vpd_unit_serial")));
        exportAsLun0();
        assertEquals(Errno.EINVAL, errnoOf(() -> fs.write(so.resolve("wwn/vpd_unit_serial"), "replica-0002\n")));
    }

    @Test
    void relativeSymlinkTargetIsEnoent() throws Exception {
        exportAsLun0();
        fs.mkdir(tpg.resolve("lun/lun_1"));
        assertEquals(Errno.ENOENT, errnoOf(() -> fs.symlink(tpg.resolve("lun/lun_1/relative"),
                Path.of("../../../../../../target/core/fileio_0/vol1"))));
    }

    @Test
    void enablingAFileioObjectCreatesTheMissingBackingFileEmpty() throws Exception {
        enable();
        assertTrue(Files.isRegularFile(temp.resolve("vol1.img")));
        assertEquals(0, Files.size(temp.resolve("vol1.img")));
        assertEquals("Status: DEACTIVATED  Max Queue Depth: 0  SectorSize: 512  HwMaxSectors: 16384\n"
                + "        TCM FILEIO ID: 0        File: " + temp.resolve("vol1.img")
                + "  Size: 67108864  Mode: O_DSYNC Async: 0\n", fs.read(so.resolve("info")));
        assertEquals("1\n", fs.read(so.resolve("enable")));
        assertEquals("512\n", fs.read(so.resolve("attrib/block_size")));
    }

    @Test
    void enablingWithTheBackingDirectoryMissingIsEnoent() throws Exception {
        fs.write(so.resolve("control"), "fd_dev_name=" + temp.resolve("no/such/dir/v.img") + ",fd_dev_size=4096");
        assertEquals(Errno.ENOENT, errnoOf(() -> fs.write(so.resolve("enable"), "1")));
        assertEquals("0\n", fs.read(so.resolve("enable")));
    }

    @Test
    void statusTurnsActivatedWhileALunLinksAndBackAfterUnlink() throws Exception {
        Path link = exportAsLun0();
        assertTrue(fs.read(so.resolve("info")).startsWith("Status: ACTIVATED"));
        assertEquals(so, fs.readlink(link));
        assertTrue(Files.readSymbolicLink(link).toString().startsWith("../"), "stored relative like the kernel");
        fs.unlink(link);
        assertTrue(fs.read(so.resolve("info")).startsWith("Status: DEACTIVATED"));
        fs.rmdir(tpg.resolve("lun/lun_0"));
        fs.rmdir(so);
        fs.rmdir(hba);
        assertFalse(fs.exists(hba));
        assertTrue(Files.exists(temp.resolve("vol1.img")), "the backing file is never touched");
    }

    @Test
    void anEnabledFileioObjectAdvertisesUnmapAndWriteSameLikeTheKernel() throws Exception {
        enable();
        assertEquals("8192\n", fs.read(so.resolve("attrib/max_unmap_lba_count")));
        assertEquals("1\n", fs.read(so.resolve("attrib/max_unmap_block_desc_count")));
        assertEquals("1\n", fs.read(so.resolve("attrib/unmap_granularity")));
        assertEquals("4096\n", fs.read(so.resolve("attrib/max_write_same_len")));
    }

    @Test
    void anEnabledIblockObjectHoldsTheDeviceItOpened() throws Exception {
        // a file stands in for the device, a symlink for LVM's /dev/<vg>/<lv>
        Path device = Files.createFile(temp.resolve("dm-5"));
        Path lv = Files.createSymbolicLink(temp.resolve("lv"), device);
        Path blk = root.resolve("core/iblock_1/blk");
        Path other = root.resolve("core/iblock_2/other");
        for (Path object : new Path[] {blk, other}) {
            fs.mkdir(object.getParent());
            fs.mkdir(object);
            fs.write(object.resolve("control"), "udev_path=" + lv);
        }
        fs.write(blk.resolve("enable"), "1");
        assertTrue(fs.read(blk.resolve("info")).contains("iBlock device: dm-5  UDEV PATH: " + lv));
        assertEquals(Errno.EEXIST, errnoOf(() -> fs.write(blk.resolve("control"), "udev_path=" + device)));
        assertEquals(Errno.EBUSY, errnoOf(() -> fs.write(other.resolve("enable"), "1")));
        assertEquals("0\n", fs.read(other.resolve("enable")));
    }

    @Test
    void theModelAliasPutsTheObjectsNameInProductIdUntilExported() throws Exception {
        enable();
        assertEquals("FILEIO\n", fs.read(so.resolve("wwn/product_id")));
        fs.write(so.resolve("attrib/emulate_model_alias"), "1");
        assertEquals("vol1\n", fs.read(so.resolve("wwn/product_id")));
        linkAsLun0();
        assertEquals(Errno.EINVAL, errnoOf(() -> fs.write(so.resolve("attrib/emulate_model_alias"), "0")));
    }

    @Test
    void aFabricDirectoryAppearsOnlyWithItsFirstMkdir() throws Exception {
        assertEquals(java.util.List.of("core", "dbroot", "version"), fs.list(root));
        assertEquals(Errno.ENOENT, errnoOf(() -> fs.mkdir(tpg.getParent())));
        fs.mkdir(root.resolve("iscsi"));
        assertEquals(java.util.List.of("cpus_allowed_list", "discovery_auth", "lio_version"),
                fs.list(root.resolve("iscsi")));
    }

    @Test
    void tpgAndLunNamesAreChecked() throws Exception {
        fs.mkdir(tpg.getParent().getParent());
        fs.mkdir(tpg.getParent());
        assertEquals(Errno.EINVAL, errnoOf(() -> fs.mkdir(tpg.getParent().resolve("tpg1"))));
        fs.mkdir(tpg);
        assertEquals(Errno.EINVAL, errnoOf(() -> fs.mkdir(tpg.resolve("lun/lun_a"))));
        assertEquals(Errno.EPERM, errnoOf(() -> fs.mkdir(tpg.resolve("attrib/x"))));
        fs.mkdir(tpg.resolve("np/127.0.0.1:3260"));
        assertEquals(java.util.List.of("cxgbit", "iser"), fs.list(tpg.resolve("np/127.0.0.1:3260")));
        assertEquals(Errno.ENOTEMPTY, errnoOf(() -> fs.rmdir(tpg)));
    }

    @Test
    void symlinksOutsideLunsAreEperm() {
        assertEquals(Errno.EPERM, errnoOf(() -> fs.symlink(so.resolve("attrib/x"), hba)));
    }

    @Test
    void stateSurvivesARestart() throws Exception {
        exportAsLun0();
        EmulatedConfigFs again = new EmulatedConfigFs(temp.resolve("state"));
        assertTrue(again.read(so.resolve("info")).startsWith("Status: ACTIVATED"));
        assertEquals(Errno.EBUSY, errnoOf(() -> again.rmdir(so)));
        assertFalse(again.list(so).contains(".control"), "bookkeeping stays hidden");
    }

    @Test
    void dbrootCannotChangeOnceStorageObjectsExist() {
        assertEquals(Errno.EINVAL, errnoOf(() -> fs.write(root.resolve("dbroot"), temp + "\n")));
    }
}
