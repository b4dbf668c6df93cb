package org.liosmis.smis;

import java.util.List;
import java.util.stream.Stream;
import org.metricshub.wbem.javax.cim.CIMInstance;

/**
 * LIO_RegisteredProfile in the interop namespace: the SNIA profiles a console looks for
 * first. Only profiles whose required parts are served are registered: the Server profile only
 * when lio-smis is its own WBEM server (a broker registers its own).
 */
final class RegisteredProfileProvider extends FewInstancesProvider {

    /** A registered profile; id is the local part of its InstanceID. */
    record Profile(String id, String registeredName, String registeredVersion) {
    }

    static final Profile ARRAY = new Profile("Array", "Array", "1.5.0");
    static final Profile BLOCK_SERVICES = new Profile("BlockServices", "Block Services", "1.5.0");
    static final Profile COPY_SERVICES = new Profile("CopyServices", "Copy Services", "1.5.0");
    static final Profile JOB_CONTROL = new Profile("JobControl", "Job Control", "1.5.0");
    static final Profile REPLICATION_SERVICES = new Profile("ReplicationServices", "Replication Services", "1.5.0");
    /** The profiles of the storage itself, whichever WBEM server hosts lio-smis. */
    static final List<Profile> PROFILES = List.of(ARRAY, BLOCK_SERVICES, COPY_SERVICES, JOB_CONTROL,
            REPLICATION_SERVICES);
    static final Profile SERVER = new Profile("Server", "Server", "1.5.0");

    /** RegisteredOrganization 11: SNIA; AdvertiseTypes 2: Not Advertised (no SLP here). */
    private static final int ORGANIZATION_SNIA = 11;
    private static final int NOT_ADVERTISED = 2;

    private final ObjectNames names;
    private final List<Profile> profiles;

    RegisteredProfileProvider(ObjectNames names, boolean objectManager) {
        this.names = names;
        this.profiles = objectManager ? Stream.concat(PROFILES.stream(), Stream.of(SERVER)).toList() : PROFILES;
    }

    @Override
    Stream<CIMInstance> instances() {
        return profiles.stream().map(this::instance);
    }

    private CIMInstance instance(Profile profile) {
        return new InstanceBuilder(names.registeredProfile(profile.id()))
                .string("ElementName", "SNIA " + profile.registeredName() + " " + profile.registeredVersion())
                .uint16("RegisteredOrganization", ORGANIZATION_SNIA)
                .string("RegisteredName", profile.registeredName())
                .string("RegisteredVersion", profile.registeredVersion())
                .uint16s("AdvertiseTypes", NOT_ADVERTISED)
                .build();
    }
}
