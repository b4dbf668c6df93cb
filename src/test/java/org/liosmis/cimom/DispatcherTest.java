package org.liosmis.cimom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.liosmis.spi.AssociationProvider;
import org.liosmis.spi.InstanceProvider;
import org.liosmis.spi.MethodProvider;
import org.liosmis.spi.MethodResult;
import org.liosmis.spi.ObjectPaths;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.cim.UnsignedInteger64;
import org.metricshub.wbem.javax.wbem.WBEMException;

class DispatcherTest {

    private static final String NS = "root/test";

    private final AtomicReference<List<CIMArgument<?>>> lastArgs = new AtomicReference<>();
    private final ProviderRegistry registry = new ProviderRegistry();
    private final Dispatcher dispatcher = new Dispatcher(new TestClasses(), registry, new Namespaces(Set.of(NS)));

    DispatcherTest() {
        registry.register("Test_Child", new Children(), Set.of(NS));
        registry.register("Test_Link", new Links(), Set.of(NS));
    }

    static CIMObjectPath child(String id) {
        return new CIMObjectPath(null, null, null, NS, "Test_Child",
                new CIMProperty<?>[] {new CIMProperty<>("Id", CIMDataType.STRING_T, id, true, false, null)});
    }

    static CIMInstance childInstance(String id) {
        return new CIMInstance(child(id), new CIMProperty<?>[] {
            new CIMProperty<>("Id", CIMDataType.STRING_T, id, true, false, null),
            new CIMProperty<>("Name", CIMDataType.STRING_T, "child " + id),
            new CIMProperty<>("Size", CIMDataType.UINT64_T, new UnsignedInteger64(BigInteger.TEN)),
            new CIMProperty<>("Extra", CIMDataType.UINT16_T, new UnsignedInteger16(7))});
    }

    class Children implements InstanceProvider, MethodProvider {
        @Override
        public Stream<CIMInstance> enumerateInstances(String namespace, String className) {
            return Stream.of(childInstance("a"), childInstance("b"));
        }

        @Override
        public CIMInstance getInstance(CIMObjectPath name) {
            return enumerateInstances(NS, "Test_Child")
                    .filter(i -> ObjectPaths.sameInstance(i.getObjectPath(), name)).findFirst().orElse(null);
        }

        @Override
        public MethodResult invokeMethod(CIMObjectPath objectName, String methodName, List<CIMArgument<?>> inArgs) {
            lastArgs.set(inArgs);
            return new MethodResult(CIMDataType.UINT32_T, new UnsignedInteger32(0), List.of());
        }
    }

    static final class Links implements AssociationProvider {
        @Override
        public Stream<CIMInstance> enumerateInstances(String namespace, String className) {
            CIMProperty<?>[] refs = {
                new CIMProperty<>("Left", new CIMDataType("Test_Child"), child("a"), true, false, null),
                new CIMProperty<>("Right", new CIMDataType("Test_Child"), child("b"), true, false, null)};
            return Stream.of(new CIMInstance(new CIMObjectPath(null, null, null, NS, "Test_Link", refs), refs));
        }

        @Override
        public CIMInstance getInstance(CIMObjectPath name) {
            return enumerateInstances(NS, "Test_Link").findFirst().orElse(null);
        }
    }

    private static void assertCimError(int code, Executable call) {
        WBEMException e = assertThrows(WBEMException.class, call);
        assertEquals(code, e.getID(), e.getMessage());
    }

    @Test
    void unknownNamespaceIsInvalidNamespace() {
        assertCimError(WBEMException.CIM_ERR_INVALID_NAMESPACE,
                () -> dispatcher.enumerateInstances("root/nope", "Test_Base", true, Projection.ALL));
    }

    @Test
    void unknownClassIsNotFoundForGetClassAndInvalidClassOtherwise() {
        assertCimError(WBEMException.CIM_ERR_NOT_FOUND, () -> dispatcher.getClass(NS, "Nope", Projection.ALL));
        assertCimError(WBEMException.CIM_ERR_INVALID_CLASS,
                () -> dispatcher.enumerateInstanceNames(NS, "Nope"));
    }

    @Test
    void getClassLocalOnlyHidesInheritedMembers() throws Exception {
        CIMClass local = dispatcher.getClass(NS, "test_child", new Projection(true, true, false, null));
        assertEquals(1, local.getPropertyCount());
        assertEquals("Extra", local.getProperty(0).getName());
        CIMClass all = dispatcher.getClass(NS, "Test_Child", Projection.ALL);
        assertEquals(4, all.getPropertyCount());
        assertEquals(1, all.getMethodCount());
    }

    @Test
    void enumerateClassNamesShallowAndDeep() throws Exception {
        assertEquals(List.of("Test_Base", "Test_Link"), dispatcher.enumerateClassNames(NS, null, false).toList());
        assertEquals(List.of("Test_Child"), dispatcher.enumerateClassNames(NS, "Test_Base", false).toList());
    }

    @Test
    void enumerationIsPolymorphicAndDeepInheritanceFalseCutsSubclassProperties() throws Exception {
        List<CIMInstance> deep = dispatcher.enumerateInstances(NS, "Test_Base", true, Projection.ALL).toList();
        assertEquals(2, deep.size());
        assertEquals(NS, deep.get(0).getObjectPath().getNamespace());
        assertEquals(4, deep.get(0).getPropertyCount());
        List<CIMInstance> shallow = dispatcher.enumerateInstances(NS, "Test_Base", false, Projection.ALL).toList();
        assertNull(shallow.get(0).getProperty("Extra"));
        assertEquals(2, dispatcher.enumerateInstanceNames(NS, "Test_Base").count());
    }

    @Test
    void propertyListKeepsOnlyNamedPropertiesAndIgnoresUnknownNames() throws Exception {
        Projection projection = Projection.of(false, false, false, new String[] {"name", "NoSuchProperty"});
        CIMInstance instance = dispatcher.getInstance(child("a"), projection);
        assertEquals(1, instance.getPropertyCount());
        assertEquals("child a", instance.getPropertyValue("Name"));
    }

    @Test
    void instanceNamesAreCheckedAgainstTheClassKeys() {
        CIMObjectPath wrongKey = new CIMObjectPath(null, null, null, NS, "Test_Child",
                new CIMProperty<?>[] {new CIMProperty<>("Name", CIMDataType.STRING_T, "a", true, false, null)});
        assertCimError(WBEMException.CIM_ERR_INVALID_PARAMETER, () -> dispatcher.getInstance(wrongKey, Projection.ALL));
        CIMObjectPath noKeys = new CIMObjectPath(null, null, null, NS, "Test_Child", null);
        assertCimError(WBEMException.CIM_ERR_INVALID_PARAMETER, () -> dispatcher.getInstance(noKeys, Projection.ALL));
        assertCimError(WBEMException.CIM_ERR_NOT_FOUND, () -> dispatcher.getInstance(child("zz"), Projection.ALL));
    }

    @Test
    void associatorsFollowRolesAndFilters() throws Exception {
        assertEquals(List.of(child("b")).toString(),
                dispatcher.associatorNames(child("a"), null, null, null, null).toList().toString());
        assertEquals(0, dispatcher.associatorNames(child("a"), null, null, "Right", null).count());
        assertEquals(1, dispatcher.associators(child("b"), "Test_Link", "Test_Base", "Right", "Left",
                Projection.ALL).count());
        assertEquals(1, dispatcher.references(child("a"), "Test_Link", "Left", Projection.ALL).count());
        assertEquals(1, dispatcher.referenceNames(child("b"), null, null).count());
    }

    @Test
    void anAssociatedObjectDeletedBeforeItIsFetchedIsLeftOutOfAssociators() throws Exception {
        // b is gone (deleted just after the association was read): the link still names it
        ProviderRegistry afterDelete = new ProviderRegistry().register("Test_Child", new Children() {
            @Override
            public CIMInstance getInstance(CIMObjectPath name) {
                return ObjectPaths.sameInstance(name, child("b")) ? null : super.getInstance(name);
            }
        }, Set.of(NS)).register("Test_Link", new Links(), Set.of(NS));
        Dispatcher racing = new Dispatcher(new TestClasses(), afterDelete, new Namespaces(Set.of(NS)));
        assertEquals(List.of(), racing.associators(child("a"), null, null, null, null, Projection.ALL).toList());
        assertCimError(WBEMException.CIM_ERR_NOT_FOUND,
                () -> racing.associators(child("b"), null, null, null, null, Projection.ALL));
    }

    @Test
    void associationFiltersNamingUnknownClassesAreInvalidParameters() {
        assertCimError(WBEMException.CIM_ERR_INVALID_PARAMETER,
                () -> dispatcher.associatorNames(child("a"), "No_Such", null, null, null));
        assertCimError(WBEMException.CIM_ERR_NOT_SUPPORTED, () -> dispatcher.referenceNames(
                new CIMObjectPath(null, null, null, NS, "Test_Child", null), null, null));
        assertCimError(WBEMException.CIM_ERR_NOT_FOUND,
                () -> dispatcher.associatorNames(child("zz"), null, null, null, null));
    }

    @Test
    void untypedArgumentsAreCoercedToDeclaredTypes() throws Exception {
        dispatcher.invokeMethod(child("a"), "resize", List.of(
                new CIMArgument<>("count", CIMDataType.STRING_T, "4"),
                new CIMArgument<>("Target", new CIMDataType("Test_Child"), child("b"))));
        assertEquals(new UnsignedInteger16(4), lastArgs.get().get(0).getValue());
        assertEquals("Count", lastArgs.get().get(0).getName());
    }

    @Test
    void badArgumentsAreRejectedBeforeTheProvider() {
        assertCimError(WBEMException.CIM_ERR_INVALID_PARAMETER, () -> dispatcher.invokeMethod(child("a"), "Resize",
                List.of(new CIMArgument<>("Count", CIMDataType.STRING_T, "70000"))));
        assertCimError(WBEMException.CIM_ERR_INVALID_PARAMETER, () -> dispatcher.invokeMethod(child("a"), "Resize",
                List.of(new CIMArgument<>("Bogus", CIMDataType.STRING_T, "1"))));
        assertCimError(WBEMException.CIM_ERR_INVALID_PARAMETER, () -> dispatcher.invokeMethod(child("a"), "Resize",
                List.of(new CIMArgument<>("Result", new CIMDataType("Test_Child"), child("b")))));
        assertCimError(WBEMException.CIM_ERR_INVALID_PARAMETER, () -> dispatcher.invokeMethod(child("a"), "Resize",
                List.of(new CIMArgument<>("Target", CIMDataType.STRING_T, "not a reference"))));
        assertCimError(WBEMException.CIM_ERR_METHOD_NOT_FOUND,
                () -> dispatcher.invokeMethod(child("a"), "Explode", List.of()));
        assertCimError(WBEMException.CIM_ERR_NOT_FOUND,
                () -> dispatcher.invokeMethod(child("zz"), "Resize", List.of()));
        assertCimError(WBEMException.CIM_ERR_INVALID_PARAMETER, () -> dispatcher.invokeMethod(
                new CIMObjectPath(null, null, null, NS, "Test_Child", null), "Resize", List.of()));
        assertNull(lastArgs.get());
    }

    @Test
    void providerInstancesThatBreakTheirClassFailLoudly() {
        registry.register("Test_Base", new InstanceProvider() {
            @Override
            public Stream<CIMInstance> enumerateInstances(String namespace, String className) {
                return Stream.of(new CIMInstance(child("x"), new CIMProperty<?>[] {
                    new CIMProperty<>("Size", CIMDataType.STRING_T, "big")}));
            }

            @Override
            public CIMInstance getInstance(CIMObjectPath name) {
                return null;
            }
        }, Set.of(NS));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> dispatcher.enumerateInstances(NS, "Test_Base", true, Projection.ALL).toList());
        assertTrue(e.getMessage().contains("Size"), e.getMessage());
    }
}
