package org.liosmis.host.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.security.auth.Subject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.liosmis.testing.CimQueries;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.wbem.CloseableIterator;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.metricshub.wbem.javax.wbem.client.EnumerateResponse;
import org.metricshub.wbem.javax.wbem.client.PasswordCredential;
import org.metricshub.wbem.javax.wbem.client.UserPrincipal;
import org.metricshub.wbem.javax.wbem.client.WBEMClient;
import org.metricshub.wbem.javax.wbem.client.WBEMClientFactory;

/** The SBLIM Java client (which authenticates only after a 401) against the embedded server. */
@Timeout(60)
class JavaClientTest {

    private FakeOperations operations;
    private EmbeddedServer server;
    private WBEMClient client;

    @BeforeEach
    void start() throws Exception {
        operations = new FakeOperations();
        server = TestServers.start(operations);
        client = connect(server.httpPort(), TestServers.PASSWORD);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    static WBEMClient connect(int port, String password) throws WBEMException {
        WBEMClient client = WBEMClientFactory.getClient("CIM-XML");
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(TestServers.USER));
        subject.getPrivateCredentials().add(new PasswordCredential(password));
        client.initialize(new CIMObjectPath("http", "127.0.0.1", Integer.toString(port), null, null, null),
                subject, new Locale[] {Locale.US});
        return client;
    }

    private static CIMObjectPath classPath(String className) {
        return new CIMObjectPath(null, null, null, FakeOperations.NS, className, null);
    }

    @Test
    void getsAClassWithQualifiersPropertiesAndMethods() throws Exception {
        CIMClass cimClass = client.getClass(classPath("LIO_StorageVolume"), false, true, true, null);
        assertEquals("LIO_StorageVolume", cimClass.getName());
        assertEquals("CIM_StorageVolume", cimClass.getSuperClassName());
        assertEquals("An LIO backstore <&>", cimClass.getQualifierValue("Description"));
        assertTrue(cimClass.getProperty("DeviceID").isKey());
        assertTrue(cimClass.getProperty("ElementName").isPropagated());
        assertEquals("CIM_ManagedElement", cimClass.getProperty("ElementName").getOriginClass());
        assertEquals(CIMDataType.STRING_ARRAY_T, cimClass.getProperty("Tags").getDataType());
        var method = cimClass.getMethod("CreateSnapshot");
        assertEquals(CIMDataType.UINT16_T, method.getParameter("CopyType").getDataType());
        assertEquals("LIO_StorageVolume", method.getParameter("Source").getDataType().getRefClassName());
    }

    @Test
    void enumeratesInstancesWithTypedValues() throws Exception {
        List<CIMInstance> instances = CimQueries.all(client.enumerateInstances(classPath("LIO_StorageVolume"), true, false,
                false, null));
        assertEquals(2, instances.size());
        CIMInstance first = instances.getFirst();
        assertEquals("vol1", first.getObjectPath().getKeyValue("DeviceID"));
        assertEquals(new UnsignedInteger64("512"), first.getPropertyValue("BlockSize"));
        assertArrayEquals(new String[] {"gold", "a\"b"}, (String[]) first.getPropertyValue("Tags"));
        assertEquals("20240102030405.000000+000", first.getPropertyValue("Created").toString());
    }

    @Test
    void enumeratesInstanceNamesAndGetsOne() throws Exception {
        List<CIMObjectPath> names = CimQueries.all(client.enumerateInstanceNames(classPath("LIO_StorageVolume")));
        assertEquals(2, names.size());
        CIMInstance instance = client.getInstance(names.get(1), false, false, null);
        assertEquals("volume vol2", instance.getPropertyValue("ElementName"));
    }

    @Test
    void reportsTheProviderErrorCode() {
        WBEMException error = assertThrows(WBEMException.class, () ->
                client.getInstance(FakeOperations.volumePath("nope"), false, false, null));
        assertEquals(WBEMException.CIM_ERR_NOT_FOUND, error.getID());
    }

    @Test
    void followsAssociationsAndReferences() throws Exception {
        List<CIMInstance> associated = CimQueries.all(client.associatorInstances(FakeOperations.volumePath("vol1"), null, null,
                null, null, false, null));
        assertEquals("pool1", associated.getFirst().getPropertyValue("InstanceID"));
        assertEquals("LIO_StoragePool", associated.getFirst().getObjectPath().getObjectName());
        List<CIMObjectPath> associatedNames = CimQueries.all(client.associatorNames(FakeOperations.volumePath("vol1"), null,
                null, null, null));
        assertEquals("pool1", associatedNames.getFirst().getKeyValue("InstanceID"));
        List<CIMInstance> references = CimQueries.all(client.referenceInstances(FakeOperations.volumePath("vol1"), null, null,
                false, null));
        CIMObjectPath part = (CIMObjectPath) references.getFirst().getPropertyValue("PartComponent");
        assertEquals("vol1", part.getKeyValue("DeviceID"));
        assertEquals(1, CimQueries.all(client.referenceNames(FakeOperations.volumePath("vol1"), null, null)).size());
    }

    @Test
    void invokesAMethodWithTypedAndReferenceArguments() throws Exception {
        List<CIMArgument<?>> out = new ArrayList<>();
        CIMArgument<?>[] in = {
            new CIMArgument<>("ElementName", CIMDataType.STRING_T, "snap1"),
            new CIMArgument<>("CopyType", CIMDataType.UINT16_T, new UnsignedInteger16(4)),
            new CIMArgument<>("Source", new CIMDataType("LIO_StorageVolume"), FakeOperations.volumePath("vol2")),
        };
        CIMArgument<?>[] outArgs = new CIMArgument<?>[2];
        Object result = client.invokeMethod(FakeOperations.volumePath("vol1"), "CreateSnapshot", in, outArgs);
        assertEquals(new UnsignedInteger32(4096), result);
        for (CIMArgument<?> argument : outArgs) {
            out.add(argument);
        }
        CIMObjectPath job = (CIMObjectPath) out.stream().filter(a -> a.getName().equals("Job")).findFirst()
                .orElseThrow().getValue();
        assertEquals("job7", job.getKeyValue("InstanceID"));
        List<CIMArgument<?>> received = operations.invocations.getFirst();
        assertEquals(new UnsignedInteger16(4), received.get(1).getValue());
        assertEquals("vol2", ((CIMObjectPath) received.get(2).getValue()).getKeyValue("DeviceID"));
    }

    @Test
    void streamsTenThousandInstances() throws Exception {
        int count = 0;
        CloseableIterator<CIMInstance> iterator = client.enumerateInstances(classPath("LIO_Many"), true, false,
                false, null);
        try {
            while (iterator.hasNext()) {
                CIMInstance instance = iterator.next();
                assertEquals("many" + count, instance.getPropertyValue("DeviceID"));
                count++;
            }
        } finally {
            iterator.close();
        }
        assertEquals(FakeOperations.MANY, count);
    }

    @Test
    void aFailureMidStreamIsNotAShortSuccess() {
        // the connection is dropped before the last chunk: the client sees a broken response
        WBEMException error = assertThrows(WBEMException.class, () -> CimQueries.all(client.enumerateInstances(
                classPath("LIO_Broken"), true, false, false, null)));
        assertEquals(WBEMException.CIM_ERR_FAILED, error.getID());
    }

    @Test
    void pullsTenThousandInstancesInPages() throws Exception {
        UnsignedInteger32 page = new UnsignedInteger32(1500);
        EnumerateResponse<CIMInstance> response = client.enumerateInstances(classPath("LIO_Many"), true, false, null,
                null, null, null, false, page);
        List<Object> ids = new ArrayList<>();
        int pages = 1;
        CimQueries.all(response.getResponses()).forEach(i -> ids.add(i.getPropertyValue("DeviceID")));
        while (!response.isEnd()) {
            response = client.getInstancesWithPath(classPath("LIO_Many"), response.getContext(), page);
            CimQueries.all(response.getResponses()).forEach(i -> ids.add(i.getPropertyValue("DeviceID")));
            pages++;
        }
        assertEquals(7, pages);
        assertEquals(FakeOperations.MANY, ids.size());
        assertEquals("many9999", ids.getLast());
    }

    @Test
    void aPageThatFailsIsAnErrorAndEndsItsEnumeration() throws Exception {
        // LIO_BrokenEarly fails at its fourth instance, before the page has sent anything
        EnumerateResponse<CIMObjectPath> first = client.enumerateInstancePaths(classPath("LIO_BrokenEarly"), null,
                null, null, false, new UnsignedInteger32(2));
        assertEquals(2, CimQueries.all(first.getResponses()).size());
        assertFalse(first.isEnd());
        WBEMException failed = assertThrows(WBEMException.class, () -> client.getInstancePaths(
                classPath("LIO_BrokenEarly"), first.getContext(), new UnsignedInteger32(10)));
        assertEquals(WBEMException.CIM_ERR_FAILED, failed.getID(), failed.toString());
        WBEMException gone = assertThrows(WBEMException.class, () -> client.getInstancePaths(
                classPath("LIO_BrokenEarly"), first.getContext(), new UnsignedInteger32(10)));
        assertEquals(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT, gone.getID(), gone.toString());
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        WBEMClient intruder = connect(server.httpPort(), "wrong");
        try {
            assertThrows(WBEMException.class, () -> intruder.getClass(classPath("LIO_StorageVolume"), false, true,
                    false, null));
        } finally {
            intruder.close();
        }
        assertFalse(CimQueries.all(client.enumerateInstanceNames(classPath("LIO_StorageVolume"))).isEmpty());
    }
}
