package org.liosmis.cimom;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.liosmis.schema.ClassRepository;
import org.liosmis.spi.InstanceProvider;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The object manager's core: validates each request against the class repository, finds
 * the providers of the class and its subclasses, and shapes what they return to the
 * request's projection. Providers only ever see well-formed requests.
 */
public final class Dispatcher implements CimOperations {

    private final ClassRepository classes;
    private final ProviderRegistry providers;
    private final RequestChecks checks;
    private final AssociationTraversal associations;
    private final MethodInvocation methods;

    public Dispatcher(ClassRepository classes, ProviderRegistry providers, Namespaces namespaces) {
        this.classes = classes;
        this.providers = providers;
        this.checks = new RequestChecks(namespaces, classes);
        this.associations = new AssociationTraversal(classes, providers, checks, this::fetch);
        this.methods = new MethodInvocation(classes, providers, checks, this::fetch);
    }

    @Override
    public CIMClass getClass(String namespace, String className, Projection projection) throws WBEMException {
        CIMClass cimClass = classes.getClass(checkedName(namespace, className));
        if (cimClass == null) {
            throw new WBEMException(WBEMException.CIM_ERR_NOT_FOUND,
                    "class \"" + className + "\" does not exist in namespace " + namespace);
        }
        return ClassProjection.project(cimClass, projection);
    }

    @Override
    public Stream<CIMClass> enumerateClasses(String namespace, String className, boolean deepInheritance,
                                             Projection projection) throws WBEMException {
        return enumerateClassNames(namespace, className, deepInheritance)
                .map(name -> ClassProjection.project(classes.getClass(name), projection));
    }

    @Override
    public Stream<String> enumerateClassNames(String namespace, String className, boolean deepInheritance)
            throws WBEMException {
        checks.namespace(namespace);
        String base = className == null || className.isEmpty() ? null : checks.existingClass(namespace, className).getName();
        return classes.subclassNames(base, deepInheritance).stream();
    }

    /** GetClass on an unknown class is CIM_ERR_NOT_FOUND (DSP0200), not INVALID_CLASS. */
    private String checkedName(String namespace, String className) throws WBEMException {
        checks.namespace(namespace);
        if (className == null || className.isEmpty()) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER, "ClassName is required");
        }
        return className;
    }

    @Override
    public CIMInstance getInstance(CIMObjectPath instanceName, Projection projection) throws WBEMException {
        CIMObjectPath path = checks.instanceName(instanceName);
        CIMClass cimClass = classes.getClass(path.getObjectName());
        return InstanceProjection.project(fetch(path), cimClass, cimClass, true, projection, path.getNamespace());
    }

    /** The instance itself from its provider; CIM_ERR_NOT_FOUND when there is none. */
    CIMInstance fetch(CIMObjectPath path) throws WBEMException {
        InstanceProvider provider = providers.instanceProvider(path.getNamespace(), path.getObjectName())
                .orElseThrow(() -> notFound(path));
        CIMInstance instance = provider.getInstance(path);
        if (instance == null) {
            throw notFound(path);
        }
        return instance;
    }

    static WBEMException notFound(CIMObjectPath path) {
        return new WBEMException(WBEMException.CIM_ERR_NOT_FOUND, "no instance " + path);
    }

    @Override
    public Stream<CIMInstance> enumerateInstances(String namespace, String className, boolean deepInheritance,
                                                  Projection projection) throws WBEMException {
        CIMClass requested = checks.existingClass(namespace, className);
        List<Stream<CIMInstance>> parts = new ArrayList<>();
        for (String name : classAndSubclasses(requested)) {
            InstanceProvider provider = providers.instanceProvider(namespace, name).orElse(null);
            if (provider != null) {
                CIMClass instanceClass = classes.getClass(name);
                parts.add(provider.enumerateInstances(namespace, name).map(instance -> InstanceProjection.project(
                        instance, instanceClass, requested, deepInheritance, projection, namespace)));
            }
        }
        return concat(parts);
    }

    @Override
    public Stream<CIMObjectPath> enumerateInstanceNames(String namespace, String className) throws WBEMException {
        CIMClass requested = checks.existingClass(namespace, className);
        List<Stream<CIMObjectPath>> parts = new ArrayList<>();
        for (String name : classAndSubclasses(requested)) {
            InstanceProvider provider = providers.instanceProvider(namespace, name).orElse(null);
            if (provider != null) {
                parts.add(provider.enumerateInstanceNames(namespace, name)
                        .map(path -> InstanceProjection.withNamespace(path, namespace)));
            }
        }
        return concat(parts);
    }

    // Stream.concat stays lazy when read through iterator(), as hosts and pull contexts do;
    // flatMap would produce a whole provider's results on the first step
    private static <T> Stream<T> concat(List<Stream<T>> parts) {
        return parts.stream().reduce(Stream::concat).orElseGet(Stream::empty);
    }

    private List<String> classAndSubclasses(CIMClass cimClass) {
        List<String> names = new ArrayList<>();
        names.add(cimClass.getName());
        names.addAll(classes.subclassNames(cimClass.getName(), true));
        return names;
    }

    @Override
    public void modifyInstance(CIMInstance modifiedInstance, String[] propertyList) throws WBEMException {
        CIMObjectPath path = checks.instanceName(modifiedInstance.getObjectPath());
        CIMInstance changes = InstanceChanges.of(classes.getClass(path.getObjectName()), path, modifiedInstance,
                propertyList);
        fetch(path);
        providers.instanceProvider(path.getNamespace(), path.getObjectName()).orElseThrow().modifyInstance(changes);
    }

    @Override
    public void deleteInstance(CIMObjectPath instanceName) throws WBEMException {
        CIMObjectPath path = checks.instanceName(instanceName);
        fetch(path);
        providers.instanceProvider(path.getNamespace(), path.getObjectName()).orElseThrow().deleteInstance(path);
    }

    @Override
    public Stream<CIMInstance> associators(CIMObjectPath objectName, String assocClass, String resultClass,
                                           String role, String resultRole, Projection projection) throws WBEMException {
        return associations.associators(objectName, assocClass, resultClass, role, resultRole, projection);
    }

    @Override
    public Stream<CIMObjectPath> associatorNames(CIMObjectPath objectName, String assocClass, String resultClass,
                                                 String role, String resultRole) throws WBEMException {
        return associations.associatorNames(objectName, assocClass, resultClass, role, resultRole);
    }

    @Override
    public Stream<CIMInstance> references(CIMObjectPath objectName, String resultClass, String role,
                                          Projection projection) throws WBEMException {
        return associations.references(objectName, resultClass, role, projection);
    }

    @Override
    public Stream<CIMObjectPath> referenceNames(CIMObjectPath objectName, String resultClass, String role)
            throws WBEMException {
        return associations.references(objectName, resultClass, role, Projection.ALL).map(CIMInstance::getObjectPath);
    }

    @Override
    public MethodResult invokeMethod(CIMObjectPath objectName, String methodName, List<CIMArgument<?>> inArgs)
            throws WBEMException {
        return methods.invoke(objectName, methodName, inArgs);
    }
}
