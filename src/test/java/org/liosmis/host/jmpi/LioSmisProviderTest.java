package org.liosmis.host.jmpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liosmis.service.ProviderProcess;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.pegasus.jmpi.CIMArgument;
import org.pegasus.jmpi.CIMException;
import org.pegasus.jmpi.CIMInstance;
import org.pegasus.jmpi.CIMObjectPath;
import org.pegasus.jmpi.CIMValue;
import org.pegasus.jmpi.UnsignedInt16;

/**
 * The JMPI provider class called as the broker calls it, on a demo configuration: the same
 * service, answers and refusals as "serve", with JMPI's shapes and error codes.
 */
class LioSmisProviderTest {

    @TempDir
    Path dir;
    private LioSmisProvider provider;

    private LioSmisProvider provider() throws Exception {
        Path config = Files.writeString(dir.resolve("provider.conf"), "demo = true\nstate-dir = " + dir.resolve("state") + "\n");
        provider = new LioSmisProvider(new ProviderProcess(config));
        provider.initialize(null);
        return provider;
    }

    @AfterEach
    void cleanup() {
        if (provider != null) {
            provider.cleanup();
        }
    }

    private static CIMObjectPath classPath(String className) {
        return new CIMObjectPath(className, "root/lio");
    }

    private static CIMObjectPath volume(String deviceId) throws CIMException {
        CIMObjectPath path = classPath("LIO_StorageVolume");
        path.addKey("CreationClassName", new CIMValue("LIO_StorageVolume"));
        path.addKey("DeviceID", new CIMValue(deviceId));
        path.addKey("SystemCreationClassName", new CIMValue("LIO_StorageSystem"));
        path.addKey("SystemName", new CIMValue("lio-demo"));
        return path;
    }

    private static CIMObjectPath service() throws CIMException {
        CIMObjectPath path = classPath("LIO_StorageConfigurationService");
        path.addKey("CreationClassName", new CIMValue("LIO_StorageConfigurationService"));
        path.addKey("Name", new CIMValue("StorageConfigurationService"));
        path.addKey("SystemCreationClassName", new CIMValue("LIO_StorageSystem"));
        path.addKey("SystemName", new CIMValue("lio-demo"));
        return path;
    }

    private static int code(Executable call) {
        return assertThrows(CIMException.class, call::run).getCode();
    }

    private interface Executable {
        void run() throws Exception;
    }

    @Test
    void servesInstancesWithTheirPathsAndHonoursPropertyLists() throws Exception {
        LioSmisProvider provider = provider();
        CIMObjectPath[] names = provider.enumerateInstanceNames(classPath("LIO_StorageVolume"), null);
        assertEquals(3, names.length);
        CIMInstance[] volumes = provider.enumerateInstances(classPath("LIO_StorageVolume"), false, false, false, null, null);
        assertEquals(3, volumes.length);
        assertTrue(Arrays.stream(volumes).allMatch(v -> v.getObjectPath().getKeys().size() == 4));
        CIMInstance one = provider.getInstance(volume("fileio/demo1"), false, false, false, new String[] {"BlockSize"}, null);
        assertEquals(1, one.getProperties().size());
        assertEquals("fileio/demo1", FromJmpi.path(one.getObjectPath()).getKeyValue("DeviceID"));
    }

    @Test
    void createReplicaFillsTheBrokersOutSlotsAndAJobCanBeFollowed() throws Exception {
        LioSmisProvider provider = provider();
        CIMArgument[] out = new CIMArgument[24];
        CIMValue returned = provider.invokeMethod(service(), "CreateReplica", new CIMArgument[] {
            new CIMArgument("ElementName", new CIMValue("snap")),
            new CIMArgument("CopyType", new CIMValue(new UnsignedInt16(5))),
            new CIMArgument("SourceElement", new CIMValue(volume("fileio/demo1")))}, out);
        assertEquals(4096L, ((Number) returned.getValue()).longValue());
        assertEquals("Job", out[0].getName());
        assertNull(out[1]);
        CIMObjectPath job = (CIMObjectPath) out[0].getValue().getValue();
        for (int i = 0; i < 600; i++) {
            CIMInstance state = provider.getInstance(job, false, false, false, null, null);
            if (((Number) state.getProperty("PercentComplete").getValue().getValue()).intValue() == 100) {
                break;
            }
            Thread.sleep(100);
        }
        // the client keeps the ended job until it deletes it
        CIMInstance keep = new CIMInstance("LIO_ConcreteJob");
        keep.setProperty("DeleteOnCompletion", new CIMValue(Boolean.FALSE));
        provider.setInstance(job, keep, false, new String[] {"DeleteOnCompletion"});
        assertEquals(Boolean.FALSE, provider.getInstance(job, false, false, false, null, null)
                .getProperty("DeleteOnCompletion").getValue().getValue());
        CIMInstance resized = new CIMInstance("LIO_StorageVolume");
        resized.setProperty("BlockSize", new CIMValue(4096L));
        assertEquals(WBEMException.CIM_ERR_NOT_SUPPORTED,
                code(() -> provider.setInstance(volume("fileio/demo1"), resized, false, new String[] {"BlockSize"})));
        assertEquals(WBEMException.CIM_ERR_INVALID_PARAMETER,
                code(() -> provider.setInstance(volume("fileio/demo1"), keep, false, null)));
        CIMObjectPath[] made = provider.associatorNames(classPath("LIO_AffectedJobElement"), job, "", "", "");
        assertEquals(1, made.length);
        assertEquals("fileio/snap", FromJmpi.path(made[0]).getKeyValue("DeviceID"));
        assertEquals(1, provider.references(classPath("LIO_AllocatedFromStoragePool"), made[0], "", false, false, null).length);
        assertEquals(1, provider.referenceNames(classPath("LIO_AllocatedFromStoragePool"), made[0], "").length);
        // as OpenPegasus 2.14 calls referenceNames: the object first, the association class second
        assertEquals(1, provider.referenceNames(made[0], classPath("LIO_AllocatedFromStoragePool"), "").length);
        CIMValue deleted = provider.invokeMethod(service(), "ReturnToStoragePool", new CIMArgument[] {
            new CIMArgument("TheElement", new CIMValue(made[0]))}, new CIMArgument[24]);
        assertEquals(0L, ((Number) deleted.getValue()).longValue());
    }

    @Test
    void refusalsKeepTheirReturnCodesAndErrorsTheirExactStatusCodes() throws Exception {
        LioSmisProvider provider = provider();
        CIMValue refused = provider.invokeMethod(service(), "CreateReplica", new CIMArgument[] {
            new CIMArgument("CopyType", new CIMValue(new UnsignedInt16(4))),
            new CIMArgument("SourceElement", new CIMValue(volume("fileio/nope")))}, new CIMArgument[24]);
        assertEquals(5L, ((Number) refused.getValue()).longValue());
        assertEquals(WBEMException.CIM_ERR_NOT_FOUND,
                code(() -> provider.getInstance(volume("fileio/nope"), false, false, false, null, null)));
        // 17 is beyond what JMPI's own exception can say
        assertEquals(WBEMException.CIM_ERR_METHOD_NOT_FOUND,
                code(() -> provider.invokeMethod(service(), "Explode", new CIMArgument[0], new CIMArgument[24])));
        assertEquals(WBEMException.CIM_ERR_INVALID_PARAMETER, code(() -> provider.invokeMethod(service(), "CreateReplica",
                new CIMArgument[] {new CIMArgument("CopyType", new CIMValue("lots"))}, new CIMArgument[24])));
        assertEquals(WBEMException.CIM_ERR_NOT_SUPPORTED,
                code(() -> provider.createInstance(volume("fileio/x"), new CIMInstance("LIO_StorageVolume"))));
        assertEquals(WBEMException.CIM_ERR_NOT_SUPPORTED,
                code(() -> provider.execQuery(classPath("LIO_StorageVolume"), "SELECT * FROM LIO_StorageVolume", "WQL", null)));
        CIMException invalidClass = assertThrows(CIMException.class,
                () -> provider.enumerateInstanceNames(classPath("LIO_NoSuchClass"), null));
        assertEquals(WBEMException.CIM_ERR_INVALID_CLASS, invalidClass.getCode());
        assertFalse(invalidClass.getMessage().contains("Exception"), invalidClass.getMessage());
    }

    @Test
    void operationsRunWithTheProvidersClassLoaderAsContextAndGiveTheBrokersBack() throws Exception {
        provider();
        ProviderProcess process = new ProviderProcess(dir.resolve("provider.conf"));
        ClassLoader brokers = new java.net.URLClassLoader(new java.net.URL[0], null);
        Thread.currentThread().setContextClassLoader(brokers);
        try {
            provider.cleanup();
            assertEquals(ProviderProcess.class.getClassLoader(),
                    process.call(cimom -> Thread.currentThread().getContextClassLoader()));
            assertEquals(brokers, Thread.currentThread().getContextClassLoader());
        } finally {
            Thread.currentThread().setContextClassLoader(ProviderProcess.class.getClassLoader());
            process.stop();
        }
    }

    @Test
    void aStartThatFailsIsAnsweredThenTriedAgainAndCleanupReleasesTheState() throws Exception {
        Path config = dir.resolve("provider.conf");
        LioSmisProvider early = new LioSmisProvider(new ProviderProcess(config));
        CIMException notConfigured = assertThrows(CIMException.class,
                () -> early.enumerateInstanceNames(classPath("LIO_StorageVolume"), null));
        assertEquals(WBEMException.CIM_ERR_FAILED, notConfigured.getCode());
        assertTrue(notConfigured.getMessage().startsWith("lio-smis cannot start: no lio-smis configuration at " + config),
                notConfigured.getMessage());
        LioSmisProvider provider = provider();
        assertEquals(3, early.enumerateInstanceNames(classPath("LIO_StorageVolume"), null).length);
        // the state directory is held by one service at a time: the second waits for cleanup
        assertEquals(WBEMException.CIM_ERR_FAILED, code(() -> provider.enumerateInstanceNames(classPath("LIO_StorageVolume"), null)));
        early.cleanup();
        assertEquals(3, provider.enumerateInstanceNames(classPath("LIO_StorageVolume"), null).length);
    }
}
