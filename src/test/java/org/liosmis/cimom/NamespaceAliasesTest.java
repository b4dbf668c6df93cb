package org.liosmis.cimom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.liosmis.spi.AssociationProvider;
import org.liosmis.spi.InstanceProvider;
import org.liosmis.spi.MethodProvider;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger32;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** An alias namespace is answered as the namespace it stands for, in the namespace the client asked for. */
class NamespaceAliasesTest {

    private static final String NS = "interop";
    private static final String OTHER = "root/other";

    private final CimOperations cimom;

    NamespaceAliasesTest() {
        ProviderRegistry registry = new ProviderRegistry()
                .register("Test_Child", new Children(), Set.of(NS))
                .register("Test_Link", new CrossLinks(), Set.of(NS));
        cimom = new NamespaceAliases(new Dispatcher(new TestClasses(), registry, new Namespaces(Set.of(NS, OTHER))),
                Map.of("root/interop", NS));
    }

    private static CIMObjectPath child(String namespace, String id) {
        return new CIMObjectPath(null, null, null, namespace, "Test_Child",
                new CIMProperty<?>[] {new CIMProperty<>("Id", CIMDataType.STRING_T, id, true, false, null)});
    }

    private static final class Children implements InstanceProvider, MethodProvider {
        private static CIMInstance instance(String id) {
            return new CIMInstance(child(NS, id), new CIMProperty<?>[] {
                new CIMProperty<>("Id", CIMDataType.STRING_T, id, true, false, null)});
        }

        @Override
        public Stream<CIMInstance> enumerateInstances(String namespace, String className) {
            return Stream.of(instance("a"), instance("b"));
        }

        @Override
        public CIMInstance getInstance(CIMObjectPath name) {
            return name.getKeyValue("Id") instanceof String id && Set.of("a", "b").contains(id) ? instance(id) : null;
        }

        @Override
        public MethodResult invokeMethod(CIMObjectPath objectName, String methodName, List<CIMArgument<?>> inArgs) {
            return new MethodResult(CIMDataType.UINT32_T, new UnsignedInteger32(0), List.of(
                    new CIMArgument<>("Result", new CIMDataType("Test_Base"), child(NS, "b"))));
        }
    }

    /** Links child a here to a child in another namespace. */
    private static final class CrossLinks implements AssociationProvider {
        @Override
        public Stream<CIMInstance> enumerateInstances(String namespace, String className) {
            CIMProperty<?>[] refs = {
                new CIMProperty<>("Left", new CIMDataType("Test_Child"), child(NS, "a"), true, false, null),
                new CIMProperty<>("Right", new CIMDataType("Test_Child"), child(OTHER, "z"), true, false, null)};
            return Stream.of(new CIMInstance(new CIMObjectPath(null, null, null, NS, "Test_Link", refs), refs));
        }

        @Override
        public CIMInstance getInstance(CIMObjectPath name) {
            return enumerateInstances(NS, "Test_Link").findFirst().orElse(null);
        }
    }

    @Test
    void namesComeBackInTheNamespaceAskedFor() throws Exception {
        assertEquals(List.of("ROOT/Interop", "ROOT/Interop"), cimom.enumerateInstanceNames("ROOT/Interop", "Test_Base")
                .map(CIMObjectPath::getNamespace).toList());
        assertEquals(List.of(NS, NS), cimom.enumerateInstanceNames(NS, "Test_Base")
                .map(CIMObjectPath::getNamespace).toList());
        CIMInstance got = cimom.getInstance(child("root/interop", "b"), Projection.ALL);
        assertEquals("root/interop", got.getObjectPath().getNamespace());
        assertEquals("b", got.getPropertyValue("Id"));
    }

    @Test
    void referencesIntoTheServedNamespaceFollowTheAliasAndOthersKeepTheirs() throws Exception {
        CIMInstance link = cimom.references(child("root/interop", "a"), null, null, Projection.ALL)
                .findFirst().orElseThrow();
        assertEquals("root/interop", ((CIMObjectPath) link.getPropertyValue("Left")).getNamespace());
        assertEquals(OTHER, ((CIMObjectPath) link.getPropertyValue("Right")).getNamespace());
        CIMObjectPath name = link.getObjectPath();
        assertEquals("root/interop", name.getNamespace());
        assertEquals("root/interop", ((CIMObjectPath) name.getKeyValue("Left")).getNamespace());
        assertEquals(List.of(OTHER), cimom.associatorNames(child("root/interop", "a"), null, null, null, null)
                .map(CIMObjectPath::getNamespace).toList());
    }

    @Test
    void outParametersFollowTheAlias() throws Exception {
        MethodResult result = cimom.invokeMethod(child("root/interop", "a"), "Resize", List.of());
        assertEquals("root/interop", ((CIMObjectPath) result.outArgs().get(0).getValue()).getNamespace());
    }

    @Test
    void aNamespaceNeitherServedNorAnAliasIsStillInvalid() {
        WBEMException e = assertThrows(WBEMException.class,
                () -> cimom.enumerateInstanceNames("root/PG_InterOp", "Test_Base"));
        assertEquals(WBEMException.CIM_ERR_INVALID_NAMESPACE, e.getID());
    }
}
