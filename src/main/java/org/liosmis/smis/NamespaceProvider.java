package org.liosmis.smis;

import java.util.stream.Stream;
import org.metricshub.wbem.javax.cim.CIMInstance;

/** LIO_Namespace in the interop namespace: one instance per namespace served, interop included. */
final class NamespaceProvider extends FewInstancesProvider {

    /** ClassInfo 1 Other (its values stop at CIM 2.8); ClassType 2 CIM. */
    private static final int CLASS_INFO_OTHER = 1;
    private static final int CLASS_TYPE_CIM = 2;

    private final ObjectNames names;

    NamespaceProvider(ObjectNames names) {
        this.names = names;
    }

    @Override
    Stream<CIMInstance> instances() {
        return names.namespaces().stream().map(this::instance);
    }

    private CIMInstance instance(String namespace) {
        String classes = "DMTF CIM schema classes and the LIO_ classes of lio-smis";
        return new InstanceBuilder(names.namespace(namespace))
                .string("ElementName", namespace)
                .uint16("ClassInfo", CLASS_INFO_OTHER)
                .string("DescriptionOfClassInfo", classes)
                .uint16("ClassType", CLASS_TYPE_CIM)
                .string("DescriptionOfClassType", classes)
                .build();
    }
}
