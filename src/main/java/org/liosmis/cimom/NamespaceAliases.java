package org.liosmis.cimom;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.liosmis.spi.MethodResult;
import org.liosmis.spi.ObjectPaths;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Answers a request to an alias namespace (root/interop, which clients try after interop) as
 * the namespace it stands for. The answer carries the namespace the client asked for, so the
 * paths it follows next lead back through the name it knows.
 */
public final class NamespaceAliases implements CimOperations {

    private final CimOperations served;
    private final Map<String, String> aliases;

    /** @param aliases each alias with the namespace it stands for */
    public NamespaceAliases(CimOperations served, Map<String, String> aliases) {
        this.served = served;
        this.aliases = aliases.entrySet().stream().collect(Collectors.toMap(
                e -> ObjectPaths.normalisedNamespace(e.getKey()), Map.Entry::getValue));
    }

    /** The alias a request's namespace is, or null when it is a namespace served. */
    private NamespaceAlias alias(String namespace) {
        String served = aliases.get(ObjectPaths.normalisedNamespace(namespace));
        return served == null ? null : new NamespaceAlias(namespace, served);
    }

    private String namespace(String namespace) {
        NamespaceAlias alias = alias(namespace);
        return alias == null ? namespace : alias.served();
    }

    @Override
    public CIMClass getClass(String namespace, String className, Projection projection) throws WBEMException {
        return served.getClass(namespace(namespace), className, projection);
    }

    @Override
    public Stream<CIMClass> enumerateClasses(String namespace, String className, boolean deepInheritance,
                                             Projection projection) throws WBEMException {
        return served.enumerateClasses(namespace(namespace), className, deepInheritance, projection);
    }

    @Override
    public Stream<String> enumerateClassNames(String namespace, String className, boolean deepInheritance)
            throws WBEMException {
        return served.enumerateClassNames(namespace(namespace), className, deepInheritance);
    }

    @Override
    public CIMInstance getInstance(CIMObjectPath instanceName, Projection projection) throws WBEMException {
        NamespaceAlias alias = alias(instanceName.getNamespace());
        return alias == null ? served.getInstance(instanceName, projection)
                : alias.out(served.getInstance(alias.in(instanceName), projection));
    }

    @Override
    public Stream<CIMInstance> enumerateInstances(String namespace, String className, boolean deepInheritance,
                                                  Projection projection) throws WBEMException {
        NamespaceAlias alias = alias(namespace);
        return alias == null ? served.enumerateInstances(namespace, className, deepInheritance, projection)
                : served.enumerateInstances(alias.served(), className, deepInheritance, projection).map(alias::out);
    }

    @Override
    public Stream<CIMObjectPath> enumerateInstanceNames(String namespace, String className) throws WBEMException {
        NamespaceAlias alias = alias(namespace);
        return alias == null ? served.enumerateInstanceNames(namespace, className)
                : served.enumerateInstanceNames(alias.served(), className).map(alias::out);
    }

    @Override
    public void deleteInstance(CIMObjectPath instanceName) throws WBEMException {
        NamespaceAlias alias = alias(instanceName.getNamespace());
        served.deleteInstance(alias == null ? instanceName : alias.in(instanceName));
    }

    @Override
    public void modifyInstance(CIMInstance modifiedInstance, String[] propertyList) throws WBEMException {
        NamespaceAlias alias = alias(modifiedInstance.getObjectPath().getNamespace());
        served.modifyInstance(alias == null ? modifiedInstance
                : new CIMInstance(alias.in(modifiedInstance.getObjectPath()), modifiedInstance.getProperties()),
                propertyList);
    }

    @Override
    public Stream<CIMInstance> associators(CIMObjectPath objectName, String assocClass, String resultClass,
                                           String role, String resultRole, Projection projection) throws WBEMException {
        NamespaceAlias alias = alias(objectName.getNamespace());
        return alias == null ? served.associators(objectName, assocClass, resultClass, role, resultRole, projection)
                : served.associators(alias.in(objectName), assocClass, resultClass, role, resultRole, projection)
                        .map(alias::out);
    }

    @Override
    public Stream<CIMObjectPath> associatorNames(CIMObjectPath objectName, String assocClass, String resultClass,
                                                 String role, String resultRole) throws WBEMException {
        NamespaceAlias alias = alias(objectName.getNamespace());
        return alias == null ? served.associatorNames(objectName, assocClass, resultClass, role, resultRole)
                : served.associatorNames(alias.in(objectName), assocClass, resultClass, role, resultRole)
                        .map(alias::out);
    }

    @Override
    public Stream<CIMInstance> references(CIMObjectPath objectName, String resultClass, String role,
                                          Projection projection) throws WBEMException {
        NamespaceAlias alias = alias(objectName.getNamespace());
        return alias == null ? served.references(objectName, resultClass, role, projection)
                : served.references(alias.in(objectName), resultClass, role, projection).map(alias::out);
    }

    @Override
    public Stream<CIMObjectPath> referenceNames(CIMObjectPath objectName, String resultClass, String role)
            throws WBEMException {
        NamespaceAlias alias = alias(objectName.getNamespace());
        return alias == null ? served.referenceNames(objectName, resultClass, role)
                : served.referenceNames(alias.in(objectName), resultClass, role).map(alias::out);
    }

    @Override
    public MethodResult invokeMethod(CIMObjectPath objectName, String methodName, List<CIMArgument<?>> inArgs)
            throws WBEMException {
        NamespaceAlias alias = alias(objectName.getNamespace());
        return alias == null ? served.invokeMethod(objectName, methodName, inArgs)
                : alias.out(served.invokeMethod(alias.in(objectName), methodName, inArgs));
    }
}
