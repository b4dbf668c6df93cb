package org.liosmis.smis;

import java.util.Locale;
import java.util.stream.Stream;
import org.metricshub.wbem.javax.cim.CIMInstance;

/** LIO_CIMXMLCommunicationMechanism in the interop namespace: one per listener of the embedded server. */
final class CommunicationMechanismProvider extends FewInstancesProvider {

    private static final int CIM_XML = 2;
    /** FunctionalProfilesSupported: 2 Basic Read, 6 Association Traversal (DSP0200's operations served). */
    private static final int[] FUNCTIONAL_PROFILES = {2, 6};
    private static final int AUTHENTICATION_BASIC = 3;
    private static final int NOT_ADVERTISED = 2;
    /** The CIMProtocolVersion the server speaks; CIMXMLProtocolVersion 1 is "1.0". */
    private static final String PROTOCOL_VERSION = "1.0";
    private static final int CIMXML_PROTOCOL_1_0 = 1;

    private final ObjectNames names;
    private final ObjectManager objectManager;

    CommunicationMechanismProvider(ObjectNames names, ObjectManager objectManager) {
        this.names = names;
        this.objectManager = objectManager;
    }

    @Override
    Stream<CIMInstance> instances() {
        return objectManager.listeners().get().stream().map(this::instance);
    }

    private CIMInstance instance(ObjectManager.Listener listener) {
        return Status.enabled(new InstanceBuilder(names.communicationMechanism(listener.scheme())))
                .string("ElementName", "CIM-XML over " + listener.scheme().toUpperCase(Locale.ROOT)
                        + ", port " + listener.port())
                .uint16("CommunicationMechanism", CIM_XML)
                .uint16s("FunctionalProfilesSupported", FUNCTIONAL_PROFILES)
                .bool("MultipleOperationsSupported", false)
                .uint16s("AuthenticationMechanismsSupported", AUTHENTICATION_BASIC)
                .uint16s("AdvertiseTypes", NOT_ADVERTISED)
                .string("Version", PROTOCOL_VERSION)
                .uint16("CIMXMLProtocolVersion", CIMXML_PROTOCOL_1_0)
                // requests are parsed strictly, but not validated against the DTD
                .bool("CIMValidated", false)
                .string("Scheme", listener.scheme())
                .uint16("Port", listener.port())
                .build();
    }
}
