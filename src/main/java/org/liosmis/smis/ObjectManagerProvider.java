package org.liosmis.smis;

import java.util.stream.Stream;
import org.metricshub.wbem.javax.cim.CIMInstance;

/**
 * LIO_ObjectManager in the interop namespace: the embedded WBEM server, which generic clients
 * read first for the server's brand (ElementName) and version (Description).
 */
final class ObjectManagerProvider extends FewInstancesProvider {

    private final ObjectNames names;
    private final ObjectManager objectManager;

    ObjectManagerProvider(ObjectNames names, ObjectManager objectManager) {
        this.names = names;
        this.objectManager = objectManager;
    }

    @Override
    Stream<CIMInstance> instances() {
        // Description ends in "version X": what generic clients (pywbem's server discovery) parse
        return Stream.of(Status.enabled(new InstanceBuilder(names.objectManager()))
                .string("ElementName", ObjectNames.OBJECT_MANAGER_NAME)
                .string("Caption", "lio-smis WBEM server")
                .string("Description", "lio-smis SMI-S provider for Linux LIO, version " + objectManager.version())
                .bool("Started", true)
                .bool("GatherStatisticalData", false)
                .build());
    }
}
