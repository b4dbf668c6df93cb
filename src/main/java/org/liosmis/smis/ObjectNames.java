package org.liosmis.smis;

import org.liosmis.engine.Pool;
import org.liosmis.engine.Volume;
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
        return path(modelNamespace, VOLUME, key("SystemCreationClassName", SYSTEM), key("SystemName", systemName),
                key("CreationClassName", VOLUME), key("DeviceID", volume.id()));
    }

    public CIMObjectPath configurationService() {
        return path(modelNamespace, CONFIGURATION_SERVICE, key("SystemCreationClassName", SYSTEM),
                key("SystemName", systemName), key("CreationClassName", CONFIGURATION_SERVICE),
                key("Name", "StorageConfigurationService"));
    }

    public CIMObjectPath configurationCapabilities() {
        return path(modelNamespace, CONFIGURATION_CAPABILITIES,
                key("InstanceID", ORG + ":StorageConfigurationCapabilities"));
    }

    public CIMObjectPath registeredProfile(String profileId) {
        return path(interopNamespace, REGISTERED_PROFILE, key("InstanceID", ORG + ":profile:" + profileId));
    }

    /** The pool id an instance name of LIO_StoragePool refers to, or null if it is not one of ours. */
    static String poolId(CIMObjectPath poolName) {
        Object instanceId = poolName.getKeyValue("InstanceID");
        String prefix = ORG + ":pool:";
        return instanceId instanceof String s && s.startsWith(prefix) ? s.substring(prefix.length()) : null;
    }

    static CIMObjectPath path(String namespace, String className, CIMProperty<?>... keys) {
        return new CIMObjectPath(null, null, null, namespace, className, keys);
    }

    static CIMProperty<String> key(String name, String value) {
        return new CIMProperty<>(name, CIMDataType.STRING_T, value, true, false, null);
    }
}
