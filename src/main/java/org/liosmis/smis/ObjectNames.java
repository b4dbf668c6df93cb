package org.liosmis.smis;

import java.util.List;
import org.liosmis.engine.Pool;
import org.liosmis.engine.Volume;
import org.liosmis.spi.ObjectPaths;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * The instance names of lio-smis' objects: one place that decides every key, so that a
 * reference built anywhere matches the instance its provider returns.
 */
public final class ObjectNames {

    public static final String SYSTEM = "LIO_StorageSystem";
    public static final String POOL = "LIO_StoragePool";
    public static final String VOLUME = "LIO_StorageVolume";
    public static final String CONFIGURATION_SERVICE = "LIO_StorageConfigurationService";
    public static final String CONFIGURATION_CAPABILITIES = "LIO_StorageConfigurationCapabilities";
    public static final String REGISTERED_PROFILE = "LIO_RegisteredProfile";
    public static final String JOB = "LIO_ConcreteJob";
    public static final String REPLICATION_CAPABILITIES = "LIO_StorageReplicationCapabilities";
    public static final String OBJECT_MANAGER = "LIO_ObjectManager";
    public static final String NAMESPACE = "LIO_Namespace";
    public static final String COMMUNICATION_MECHANISM = "LIO_CIMXMLCommunicationMechanism";
    /** The object manager's Name: the product, since one lio-smis serves a host. */
    static final String OBJECT_MANAGER_NAME = "lio-smis";
    public static final String REPLICATION_SERVICE = "LIO_ReplicationService";
    public static final String REPLICATION_SERVICE_CAPABILITIES = "LIO_ReplicationServiceCapabilities";
    public static final String SYNCHRONIZED = "LIO_StorageSynchronized";
    /** The organisation part of every InstanceID (SMI-S "OrgID:LocalID"). */
    static final String ORG = "LIO";

    private final String modelNamespace;
    private final String interopNamespace;
    private final String systemName;

    public ObjectNames(String modelNamespace, String interopNamespace, String systemName) {
        this.modelNamespace = modelNamespace;
        this.interopNamespace = interopNamespace;
        this.systemName = systemName;
    }

    public String modelNamespace() {
        return modelNamespace;
    }

    public String interopNamespace() {
        return interopNamespace;
    }

    /** Every namespace served, interop first. */
    public List<String> namespaces() {
        return List.of(interopNamespace, modelNamespace);
    }

    public String systemName() {
        return systemName;
    }

    public CIMObjectPath system() {
        return path(modelNamespace, SYSTEM, key("CreationClassName", SYSTEM), key("Name", systemName));
    }

    public CIMObjectPath pool(Pool pool) {
        return path(modelNamespace, POOL, key("InstanceID", ORG + ":pool:" + pool.id()));
    }

    public CIMObjectPath volume(Volume volume) {
        return volume(volume.id());
    }

    public CIMObjectPath volume(String volumeId) {
        return path(modelNamespace, VOLUME, key("SystemCreationClassName", SYSTEM), key("SystemName", systemName),
                key("CreationClassName", VOLUME), key("DeviceID", volumeId));
    }

    public CIMObjectPath configurationService() {
        return path(modelNamespace, CONFIGURATION_SERVICE, key("SystemCreationClassName", SYSTEM),
                key("SystemName", systemName), key("CreationClassName", CONFIGURATION_SERVICE),
                key("Name", "StorageConfigurationService"));
    }

    public CIMObjectPath replicationService() {
        return path(modelNamespace, REPLICATION_SERVICE, key("SystemCreationClassName", SYSTEM),
                key("SystemName", systemName), key("CreationClassName", REPLICATION_SERVICE),
                key("Name", "ReplicationService"));
    }

    public CIMObjectPath replicationServiceCapabilities() {
        return path(modelNamespace, REPLICATION_SERVICE_CAPABILITIES,
                key("InstanceID", ORG + ":ReplicationServiceCapabilities"));
    }

    public CIMObjectPath configurationCapabilities() {
        return path(modelNamespace, CONFIGURATION_CAPABILITIES,
                key("InstanceID", ORG + ":StorageConfigurationCapabilities"));
    }

    /** The configuration capabilities of one pool: what CreateReplica can make with it as TargetPool. */
    public CIMObjectPath configurationCapabilities(Pool pool) {
        return path(modelNamespace, CONFIGURATION_CAPABILITIES,
                key("InstanceID", ORG + ":StorageConfigurationCapabilities:pool:" + pool.id()));
    }

    public CIMObjectPath job(String jobId) {
        return path(modelNamespace, JOB, key("InstanceID", ORG + ":job:" + jobId));
    }

    public CIMObjectPath replicationCapabilities(String synchronizationType) {
        return path(modelNamespace, REPLICATION_CAPABILITIES,
                key("InstanceID", ORG + ":StorageReplicationCapabilities:" + synchronizationType));
    }

    public CIMObjectPath registeredProfile(String profileId) {
        return path(interopNamespace, REGISTERED_PROFILE, key("InstanceID", ORG + ":profile:" + profileId));
    }

    public CIMObjectPath objectManager() {
        return path(interopNamespace, OBJECT_MANAGER, key("SystemCreationClassName", SYSTEM),
                key("SystemName", systemName), key("CreationClassName", OBJECT_MANAGER),
                key("Name", OBJECT_MANAGER_NAME));
    }

    /** The LIO_Namespace instance that stands for the namespace served under this name. */
    public CIMObjectPath namespace(String namespace) {
        return path(interopNamespace, NAMESPACE, key("SystemCreationClassName", SYSTEM), key("SystemName", systemName),
                key("ObjectManagerCreationClassName", OBJECT_MANAGER), key("ObjectManagerName", OBJECT_MANAGER_NAME),
                key("CreationClassName", NAMESPACE), key("Name", namespace));
    }

    /** The CIM-XML communication mechanism of the listener with this URL scheme. */
    public CIMObjectPath communicationMechanism(String scheme) {
        return path(interopNamespace, COMMUNICATION_MECHANISM, key("SystemCreationClassName", SYSTEM),
                key("SystemName", systemName), key("CreationClassName", COMMUNICATION_MECHANISM),
                key("Name", "CIM-XML/" + scheme));
    }

    /** The pool id an instance name of LIO_StoragePool refers to, or null if it is not one of ours. */
    String poolId(CIMObjectPath poolName) {
        return ObjectPaths.inNamespace(poolName, modelNamespace) ? localId(poolName, POOL, ":pool:") : null;
    }

    /** The job id an instance name of LIO_ConcreteJob refers to, or null if it is not one of ours. */
    static String jobId(CIMObjectPath jobName) {
        return localId(jobName, JOB, ":job:");
    }

    /** The volume id (DeviceID) of an instance name of one of this system's volumes, or null. */
    String volumeId(CIMObjectPath volumeName) {
        boolean ours = ObjectPaths.inNamespace(volumeName, modelNamespace)
                && VOLUME.equalsIgnoreCase(volumeName.getObjectName())
                && SYSTEM.equals(volumeName.getKeyValue("SystemCreationClassName"))
                && systemName.equals(volumeName.getKeyValue("SystemName"))
                && VOLUME.equals(volumeName.getKeyValue("CreationClassName"));
        return ours && volumeName.getKeyValue("DeviceID") instanceof String id ? id : null;
    }

    /** The two volumes an instance name of LIO_StorageSynchronized relates. */
    record Synchronization(String sourceId, String replicaId) {
    }

    /**
     * The volumes a LIO_StorageSynchronized instance name (SystemElement the source, SyncedElement
     * the replica) relates, or null if it is not one of ours; whether they are related is not checked.
     */
    Synchronization synchronization(CIMObjectPath name) {
        if (!ObjectPaths.inNamespace(name, modelNamespace) || !SYNCHRONIZED.equalsIgnoreCase(name.getObjectName())
                || !(name.getKeyValue("SystemElement") instanceof CIMObjectPath source)
                || !(name.getKeyValue("SyncedElement") instanceof CIMObjectPath replica)) {
            return null;
        }
        String sourceId = volumeId(source);
        String replicaId = volumeId(replica);
        return sourceId == null || replicaId == null ? null : new Synchronization(sourceId, replicaId);
    }

    private static String localId(CIMObjectPath name, String className, String kind) {
        Object instanceId = name.getKeyValue("InstanceID");
        String prefix = ORG + kind;
        return className.equalsIgnoreCase(name.getObjectName()) && instanceId instanceof String s && s.startsWith(prefix)
                ? s.substring(prefix.length()) : null;
    }

    static CIMObjectPath path(String namespace, String className, CIMProperty<?>... keys) {
        return new CIMObjectPath(null, null, null, namespace, className, keys);
    }

    static CIMProperty<String> key(String name, String value) {
        return new CIMProperty<>(name, CIMDataType.STRING_T, value, true, false, null);
    }
}
