package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.liosmis.cli.DemoReplicaClientTest.awaitJob;
import static org.liosmis.cli.DemoReplicaClientTest.call;
import static org.liosmis.cli.DemoReplicaClientTest.copyType;
import static org.liosmis.cli.DemoReplicaClientTest.elementName;
import static org.liosmis.cli.DemoReplicaClientTest.reference;
import static org.liosmis.cli.DemoReplicaClientTest.sha256;
import static org.liosmis.cli.DemoReplicaClientTest.volume;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.cli.DemoReplicaClientTest.Call;
import org.liosmis.testing.CimQueries;
import org.liosmis.testing.RestoredData;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;

/**
 * ModifySynchronization of LIO_StorageConfigurationService through the SBLIM Java client: restore
 * a source from its snapshot and read its bytes back, resync, detach, and every bad input.
 */
@Tag(DemoTarget.ANY_HOST)
class DemoModifySynchronizationTest {

    private static final int DETACH = 2;
    private static final int RESYNC = 4;
    private static final int RESTORE = 5;

    @TempDir
    Path stateDir;
    private DemoTarget target;
    private WBEMClient client;
    private Path sourceFile;
    private byte[] sourceData;
    private CIMObjectPath synchronization;

    @BeforeEach
    void start() throws Exception {
        target = DemoTarget.open(stateDir);
        client = target.client();
        sourceFile = target.stateDir().resolve("pool/demo1.img");
        sourceData = Files.readAllBytes(sourceFile);
        Call made = call(client, "CreateReplica", elementName("before-upgrade"), copyType(4),
                reference("SourceElement", volume("fileio/demo1")));
        if (made.returnValue() == 4096) {
            assertEquals(7, ((Number) awaitJob(client, (CIMObjectPath) made.out("Job"))
                    .getPropertyValue("JobState")).intValue());
        }
        List<CIMObjectPath> relationships = CimQueries.all(client.referenceNames(volume("fileio/demo1"),
                "CIM_StorageSynchronized", "SystemElement"));
        assertEquals(1, relationships.size());
        synchronization = relationships.get(0);
    }

    /** A shared remote demo gets its source's data back. */
    @AfterEach
    void stop() throws Exception {
        Files.write(sourceFile, sourceData);
        target.close();
    }

    @Test
    void restoreBringsBackTheSnapshotsBytesAndKeepsTheRelationship() throws Exception {
        String pattern = sha256(sourceFile);
        RestoredData.overwrite(sourceFile);
        assertNotEquals(pattern, sha256(sourceFile));
        CIMInstance sourceBefore = client.getInstance(volume("fileio/demo1"), false, false, null);

        awaitCompleted(modify(RESTORE, synchronization));
        assertEquals(pattern, sha256(sourceFile));
        CIMInstance sourceAfter = client.getInstance(volume("fileio/demo1"), false, false, null);
        assertEquals(sourceBefore.getPropertyValue("Name"), sourceAfter.getPropertyValue("Name"), "the same NAA identity");
        CIMInstance relationship = client.getInstance(synchronization, false, false, null);
        assertEquals(2, ((Number) relationship.getPropertyValue("ProgressStatus")).intValue());

        RestoredData.overwrite(sourceFile);
        awaitCompleted(modify(RESTORE, synchronization));
        assertEquals(pattern, sha256(sourceFile), "a snapshot can be restored again");
    }

    @Test
    void resyncMakesTheSnapshotTheSourceOfNowAndDetachEndsTheRelationship() throws Exception {
        RestoredData.overwrite(sourceFile);
        awaitCompleted(modify(RESYNC, synchronization));
        CIMObjectPath replica = (CIMObjectPath) synchronization.getKeyValue("SyncedElement");
        Path replicaFile = target.stateDir().resolve("pool/before-upgrade.img");
        assertEquals(sha256(sourceFile), sha256(replicaFile));

        assertEquals(0, modify(DETACH, synchronization).returnValue());
        assertTrue(CimQueries.all(client.referenceNames(volume("fileio/demo1"), "CIM_StorageSynchronized", null)).isEmpty());
        assertEquals("before-upgrade", client.getInstance(replica, false, false, null).getPropertyValue("ElementName"));
        assertEquals(5, modify(DETACH, synchronization).returnValue(), "that Synchronization is gone");
        assertEquals(5, modify(RESTORE, synchronization).returnValue());
    }

    @Test
    void badInputGetsItsReturnCodeAndChangesNothing() throws Exception {
        String data = sha256(sourceFile);
        for (int notOffered : new int[] {3, 6, 7, 8, 9, 10, 11, 12, 13}) {
            assertEquals(1, modify(notOffered, synchronization).returnValue(), "Operation " + notOffered);
        }
        for (int invalid : new int[] {0, 1, 14, 32767, 32768, 65535}) {
            assertEquals(5, modify(invalid, synchronization).returnValue(), "Operation " + invalid);
        }
        CIMArgument<?> sync = reference("Synchronization", synchronization);
        assertEquals(5, call(client, "ModifySynchronization", sync).returnValue(), "no Operation");
        assertEquals(5, call(client, "ModifySynchronization", operation(RESTORE)).returnValue(), "no Synchronization");
        CIMObjectPath reversed = synchronization("SyncedElement", synchronization.getKeyValue("SystemElement"),
                "SystemElement", synchronization.getKeyValue("SyncedElement"));
        assertEquals(5, modify(RESTORE, reversed).returnValue(), "the source is no replica of its snapshot");
        CIMObjectPath unrelated = synchronization("SystemElement", volume("fileio/demo2"),
                "SyncedElement", synchronization.getKeyValue("SyncedElement"));
        assertEquals(5, modify(DETACH, unrelated).returnValue(), "no such relationship");
        assertEquals(5, modify(RESTORE, volume("fileio/demo1")).returnValue(), "a volume is no Synchronization");

        assertEquals(data, sha256(sourceFile));
        assertEquals(1, CimQueries.all(client.referenceNames(volume("fileio/demo1"), "CIM_StorageSynchronized", null)).size());
        assertEquals(1, CimQueries.all(client.associatorNames(DemoReplicaClientTest.service(), "CIM_OwningJobElement",
                null, null, null)).size(), "no job but the snapshot's");
    }

    private Call modify(int operation, CIMObjectPath relationship) throws Exception {
        return call(client, "ModifySynchronization", operation(operation), reference("Synchronization", relationship));
    }

    private static CIMArgument<?> operation(int value) {
        return new CIMArgument<>("Operation", CIMDataType.UINT16_T, new UnsignedInteger16(value));
    }

    private void awaitCompleted(Call call) throws Exception {
        if (call.returnValue() == 0) {
            return;
        }
        assertEquals(4096, call.returnValue());
        CIMInstance job = awaitJob(client, (CIMObjectPath) call.out("Job"));
        assertEquals(7, ((Number) job.getPropertyValue("JobState")).intValue(), job.toString());
    }

    private static CIMObjectPath synchronization(String role1, Object ref1, String role2, Object ref2) {
        CIMProperty<?>[] keys = {
            new CIMProperty<>(role1, new CIMDataType("LIO_StorageVolume"), ref1, true, false, null),
            new CIMProperty<>(role2, new CIMDataType("LIO_StorageVolume"), ref2, true, false, null)};
        return new CIMObjectPath(null, null, null, "root/lio", "LIO_StorageSynchronized", keys);
    }
}
