package org.liosmis.host.embedded;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.liosmis.cimom.CimOperations;
import org.liosmis.cimom.Projection;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMParameter;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.CIMQualifier;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Hand-made classes and instances in root/lio: volumes in a pool (LIO_PoolVolume),
 * a method to snapshot a volume, a class with 10,000 instances produced lazily and one
 * whose enumeration breaks after it has started.
 */
final class FakeOperations implements CimOperations {

    static final String NS = "root/lio";
    static final int MANY = 10_000;

    final List<List<CIMArgument<?>>> invocations = new CopyOnWriteArrayList<>();
    /** LIO_Slow enumerations count down {@code slowStarted} and wait for {@code slowRelease}. */
    final CountDownLatch slowStarted = new CountDownLatch(1);
    final CountDownLatch slowRelease = new CountDownLatch(1);

    private static final CIMQualifier<?> KEY = new CIMQualifier<>("Key", CIMDataType.BOOLEAN_T, true, 0);
    private static final CIMQualifier<?> IN = new CIMQualifier<>("In", CIMDataType.BOOLEAN_T, true, 0);
    private static final CIMQualifier<?> OUT = new CIMQualifier<>("Out", CIMDataType.BOOLEAN_T, true, 0);

    static final CIMClass VOLUME = new CIMClass("LIO_StorageVolume", "CIM_StorageVolume",
            new CIMQualifier<?>[] {new CIMQualifier<>("Description", CIMDataType.STRING_T, "An LIO backstore <&>", 0)},
            new CIMClassProperty<?>[] {
                new CIMClassProperty<>("DeviceID", CIMDataType.STRING_T, null, new CIMQualifier<?>[] {KEY},
                        true, false, "LIO_StorageVolume"),
                new CIMClassProperty<>("ElementName", CIMDataType.STRING_T, null, new CIMQualifier<?>[0],
                        false, true, "CIM_ManagedElement"),
                new CIMClassProperty<>("BlockSize", CIMDataType.UINT64_T, null, new CIMQualifier<?>[0],
                        false, false, "LIO_StorageVolume"),
                new CIMClassProperty<>("Tags", CIMDataType.STRING_ARRAY_T, null, new CIMQualifier<?>[0],
                        false, false, "LIO_StorageVolume"),
            },
            new CIMMethod<?>[] {
                new CIMMethod<>("CreateSnapshot", CIMDataType.UINT32_T, new CIMQualifier<?>[0], new CIMParameter<?>[] {
                    new CIMParameter<>("ElementName", CIMDataType.STRING_T, new CIMQualifier<?>[] {IN}),
                    new CIMParameter<>("CopyType", CIMDataType.UINT16_T, new CIMQualifier<?>[] {IN}),
                    new CIMParameter<>("Source", new CIMDataType("LIO_StorageVolume"), new CIMQualifier<?>[] {IN}),
                    new CIMParameter<>("Job", new CIMDataType("CIM_ConcreteJob"), new CIMQualifier<?>[] {OUT}),
                }, false, "LIO_StorageVolume"),
            });

    static final CIMClass POOL = new CIMClass("LIO_StoragePool", "CIM_StoragePool", new CIMQualifier<?>[0],
            new CIMClassProperty<?>[] {new CIMClassProperty<>("InstanceID", CIMDataType.STRING_T, null,
                    new CIMQualifier<?>[] {KEY}, true, false, "LIO_StoragePool")}, new CIMMethod<?>[0]);

    static CIMObjectPath volumePath(String id) {
        return new CIMObjectPath(null, null, null, NS, "LIO_StorageVolume", new CIMProperty<?>[] {
            new CIMProperty<>("DeviceID", CIMDataType.STRING_T, id, true, false, null)});
    }

    static CIMObjectPath poolPath() {
        return new CIMObjectPath(null, null, null, NS, "LIO_StoragePool", new CIMProperty<?>[] {
            new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "pool1", true, false, null)});
    }

    static CIMInstance volume(String id) {
        return new CIMInstance(volumePath(id), new CIMProperty<?>[] {
            new CIMProperty<>("DeviceID", CIMDataType.STRING_T, id, true, false, null),
            new CIMProperty<>("ElementName", CIMDataType.STRING_T, "volume " + id),
            new CIMProperty<>("BlockSize", CIMDataType.UINT64_T, new UnsignedInteger64("512")),
            new CIMProperty<>("Tags", CIMDataType.STRING_ARRAY_T, new String[] {"gold", "a\"b"}),
            new CIMProperty<>("Created", CIMDataType.DATETIME_T,
                    new CIMDateTimeAbsolute("20240102030405.000000+000")),
        });
    }

    static CIMInstance pool() {
        return new CIMInstance(poolPath(), new CIMProperty<?>[] {
            new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "pool1", true, false, null)});
    }

    static CIMInstance poolVolume(String id) {
        CIMProperty<?> group = new CIMProperty<>("GroupComponent", new CIMDataType("LIO_StoragePool"), poolPath(),
                true, false, null);
        CIMProperty<?> part = new CIMProperty<>("PartComponent", new CIMDataType("LIO_StorageVolume"), volumePath(id),
                true, false, null);
        return new CIMInstance(new CIMObjectPath(null, null, null, NS, "LIO_PoolVolume",
                new CIMProperty<?>[] {group, part}), new CIMProperty<?>[] {group, part});
    }

    private static void checkNamespace(String namespace) throws WBEMException {
        if (!NS.equalsIgnoreCase(namespace)) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_NAMESPACE, "no namespace " + namespace);
        }
    }

    @Override
    public CIMClass getClass(String namespace, String className, Projection projection) throws WBEMException {
        checkNamespace(namespace);
        return switch (className.toLowerCase(Locale.ROOT)) {
            case "lio_storagevolume" -> VOLUME;
            case "lio_storagepool" -> POOL;
            default -> throw new WBEMException(WBEMException.CIM_ERR_NOT_FOUND, "no class " + className);
        };
    }

    @Override
    public Stream<CIMClass> enumerateClasses(String namespace, String className, boolean deepInheritance,
                                             Projection projection) throws WBEMException {
        checkNamespace(namespace);
        return Stream.of(VOLUME, POOL);
    }

    @Override
    public Stream<String> enumerateClassNames(String namespace, String className, boolean deepInheritance)
            throws WBEMException {
        checkNamespace(namespace);
        return Stream.of("LIO_StorageVolume", "LIO_StoragePool");
    }

    @Override
    public CIMInstance getInstance(CIMObjectPath instanceName, Projection projection) throws WBEMException {
        Object id = instanceName.getKeyValue("DeviceID");
        if (instanceName.getObjectName().equalsIgnoreCase("LIO_StorageVolume")
                && ("vol1".equals(id) || "vol2".equals(id))) {
            return volume((String) id);
        }
        throw new WBEMException(WBEMException.CIM_ERR_NOT_FOUND, "no instance " + instanceName);
    }

    @Override
    public Stream<CIMInstance> enumerateInstances(String namespace, String className, boolean deepInheritance,
                                                  Projection projection) throws WBEMException {
        checkNamespace(namespace);
        return switch (className.toLowerCase(Locale.ROOT)) {
            case "lio_storagevolume" -> Stream.of(volume("vol1"), volume("vol2"));
            case "lio_slow" -> {
                slowStarted.countDown();
                try {
                    slowRelease.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield Stream.of(volume("slow"));
            }
            case "lio_many" -> IntStream.range(0, MANY).mapToObj(i -> volume("many" + i));
            case "lio_broken" -> breaksAt(1000);
            case "lio_brokenearly" -> breaksAt(3);
            default -> throw new WBEMException(WBEMException.CIM_ERR_INVALID_CLASS, "no class " + className);
        };
    }

    /** An enumeration that fails after {@code failing} instances, as a listing that changed under it would. */
    private static Stream<CIMInstance> breaksAt(int failing) {
        return IntStream.range(0, MANY).mapToObj(i -> {
            if (i == failing) {
                throw new IllegalStateException("the backstore list changed while it was read");
            }
            return volume("broken" + i);
        });
    }

    @Override
    public Stream<CIMObjectPath> enumerateInstanceNames(String namespace, String className) throws WBEMException {
        return enumerateInstances(namespace, className, true, Projection.ALL).map(CIMInstance::getObjectPath);
    }

    @Override
    public void deleteInstance(CIMObjectPath instanceName) throws WBEMException {
        throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED, "volumes are not deleted here");
    }

    @Override
    public void modifyInstance(CIMInstance modifiedInstance, String[] propertyList) throws WBEMException {
        throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED, "volumes are not modified here");
    }

    @Override
    public Stream<CIMInstance> associators(CIMObjectPath objectName, String assocClass, String resultClass,
                                           String role, String resultRole, Projection projection) {
        return objectName.getObjectName().equalsIgnoreCase("LIO_StorageVolume") ? Stream.of(pool()) : Stream.empty();
    }

    @Override
    public Stream<CIMObjectPath> associatorNames(CIMObjectPath objectName, String assocClass, String resultClass,
                                                 String role, String resultRole) {
        return associators(objectName, assocClass, resultClass, role, resultRole, Projection.ALL)
                .map(CIMInstance::getObjectPath);
    }

    @Override
    public Stream<CIMInstance> references(CIMObjectPath objectName, String resultClass, String role,
                                          Projection projection) {
        return objectName.getObjectName().equalsIgnoreCase("LIO_StorageVolume")
                ? Stream.of(poolVolume((String) objectName.getKeyValue("DeviceID"))) : Stream.empty();
    }

    @Override
    public Stream<CIMObjectPath> referenceNames(CIMObjectPath objectName, String resultClass, String role) {
        return references(objectName, resultClass, role, Projection.ALL).map(CIMInstance::getObjectPath);
    }

    @Override
    public MethodResult invokeMethod(CIMObjectPath objectName, String methodName, List<CIMArgument<?>> inArgs)
            throws WBEMException {
        if (!methodName.equalsIgnoreCase("CreateSnapshot")) {
            throw new WBEMException(WBEMException.CIM_ERR_METHOD_NOT_FOUND, "no method " + methodName);
        }
        invocations.add(List.copyOf(inArgs));
        CIMObjectPath job = new CIMObjectPath(null, null, null, NS, "CIM_ConcreteJob", new CIMProperty<?>[] {
            new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "job7", true, false, null)});
        return new MethodResult(CIMDataType.UINT32_T, new UnsignedInteger32(4096),
                List.of(new CIMArgument<>("Job", new CIMDataType("CIM_ConcreteJob"), job),
                        new CIMArgument<>("Progress", CIMDataType.UINT16_T, new UnsignedInteger16(0))));
    }
}
