package org.liosmis.cimom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.liosmis.schema.ClassRepository;
import org.liosmis.spi.AssociationProvider;
import org.liosmis.spi.ObjectPaths;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * Associators and References (and their Names forms) from the association providers'
 * instances, with the AssocClass, ResultClass, Role and ResultRole filters of DSP0200.
 * Results are gathered before the response starts, so every error is reported whole. An
 * associated object deleted between the association's naming it and its being fetched is left
 * out of Associators, as it would have been a moment later.
 */
final class AssociationTraversal {

    private final ClassRepository classes;
    private final ProviderRegistry providers;
    private final RequestChecks checks;
    private final InstanceFetcher fetcher;

    AssociationTraversal(ClassRepository classes, ProviderRegistry providers, RequestChecks checks,
                         InstanceFetcher fetcher) {
        this.classes = classes;
        this.providers = providers;
        this.checks = checks;
        this.fetcher = fetcher;
    }

    /** One association instance together with the role the source object plays in it. */
    private record Link(CIMInstance association, CIMClass associationClass, String sourceRole) {
    }

    Stream<CIMInstance> references(CIMObjectPath objectName, String resultClass, String role, Projection projection)
            throws WBEMException {
        CIMObjectPath source = source(objectName);
        String assocFilter = checks.filterClass("ResultClass", resultClass);
        List<CIMInstance> result = new ArrayList<>();
        for (Link link : links(source, assocFilter, role)) {
            result.add(InstanceProjection.project(link.association(), link.associationClass(),
                    link.associationClass(), true, projection, source.getNamespace()));
        }
        return result.stream();
    }

    Stream<CIMObjectPath> associatorNames(CIMObjectPath objectName, String assocClass, String resultClass,
                                          String role, String resultRole) throws WBEMException {
        return associated(objectName, assocClass, resultClass, role, resultRole).stream();
    }

    Stream<CIMInstance> associators(CIMObjectPath objectName, String assocClass, String resultClass,
                                    String role, String resultRole, Projection projection) throws WBEMException {
        List<CIMInstance> result = new ArrayList<>();
        for (CIMObjectPath path : associated(objectName, assocClass, resultClass, role, resultRole)) {
            CIMObjectPath checked = checks.instanceName(path);
            CIMClass cimClass = classes.getClass(checked.getObjectName());
            CIMInstance instance = fetchUnlessGone(checked);
            if (instance != null) {
                result.add(InstanceProjection.project(instance, cimClass, cimClass, true, projection,
                        checked.getNamespace()));
            }
        }
        return result.stream();
    }

    /** The associated instance, or null when it was deleted after the association named it. */
    private CIMInstance fetchUnlessGone(CIMObjectPath path) throws WBEMException {
        try {
            return fetcher.fetch(path);
        } catch (WBEMException e) {
            if (e.getID() == WBEMException.CIM_ERR_NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private List<CIMObjectPath> associated(CIMObjectPath objectName, String assocClass, String resultClass,
                                           String role, String resultRole) throws WBEMException {
        CIMObjectPath source = source(objectName);
        String assocFilter = checks.filterClass("AssocClass", assocClass);
        String resultFilter = checks.filterClass("ResultClass", resultClass);
        Map<String, CIMObjectPath> result = new LinkedHashMap<>();
        for (Link link : links(source, assocFilter, role)) {
            for (CIMClassProperty<?> reference : references(link.associationClass())) {
                if (reference.getName().equalsIgnoreCase(link.sourceRole()) || !matches(resultRole, reference)) {
                    continue;
                }
                Object value = link.association().getPropertyValue(reference.getName());
                if (value instanceof CIMObjectPath target
                        && (resultFilter == null || classes.isSubclassOf(target.getObjectName(), resultFilter))) {
                    CIMObjectPath full = InstanceProjection.withNamespace(target, source.getNamespace());
                    result.putIfAbsent(key(full), full);
                }
            }
        }
        return new ArrayList<>(result.values());
    }

    private static String key(CIMObjectPath path) {
        return path.getNamespace().toLowerCase(Locale.ROOT) + ":" + path.toString().toLowerCase(Locale.ROOT);
    }

    /** The source object must be an existing instance: class-level traversal is not offered. */
    private CIMObjectPath source(CIMObjectPath objectName) throws WBEMException {
        if (objectName.getKeys().length == 0) {
            checks.existingClass(objectName.getNamespace(), objectName.getObjectName());
            throw new WBEMException(WBEMException.CIM_ERR_NOT_SUPPORTED,
                    "associations of classes are not served; name an instance of " + objectName.getObjectName());
        }
        CIMObjectPath source = checks.instanceName(objectName);
        fetcher.fetch(source);
        return source;
    }

    private List<Link> links(CIMObjectPath source, String assocFilter, String role) throws WBEMException {
        String namespace = source.getNamespace();
        List<Link> links = new ArrayList<>();
        for (String name : classes.subclassNames(assocFilter, true)) {
            addLinks(links, namespace, name, source, role);
        }
        if (assocFilter != null) {
            addLinks(links, namespace, assocFilter, source, role);
        }
        return links;
    }

    private void addLinks(List<Link> links, String namespace, String className, CIMObjectPath source, String role)
            throws WBEMException {
        AssociationProvider provider = providers.associationProvider(namespace, className).orElse(null);
        CIMClass associationClass = classes.getClass(className);
        if (provider == null || !associationClass.isAssociation()) {
            return;
        }
        List<String> roles = sourceRoles(associationClass, source, role);
        if (roles.isEmpty()) {
            return;
        }
        provider.references(namespace, associationClass.getName(), source).forEach(association -> {
            for (String sourceRole : roles) {
                if (association.getPropertyValue(sourceRole) instanceof CIMObjectPath ref
                        && ObjectPaths.sameInstance(ref, source)) {
                    links.add(new Link(association, associationClass, sourceRole));
                }
            }
        });
    }

    /** The references of the association through which the source's class can take part. */
    private List<String> sourceRoles(CIMClass associationClass, CIMObjectPath source, String role) {
        List<String> roles = new ArrayList<>();
        for (CIMClassProperty<?> reference : references(associationClass)) {
            if (matches(role, reference)
                    && classes.isSubclassOf(source.getObjectName(), reference.getDataType().getRefClassName())) {
                roles.add(reference.getName());
            }
        }
        return roles;
    }

    private static List<CIMClassProperty<?>> references(CIMClass associationClass) {
        List<CIMClassProperty<?>> references = new ArrayList<>();
        for (CIMClassProperty<?> property : associationClass.getProperties()) {
            if (property.getDataType().getType() == CIMDataType.REFERENCE) {
                references.add(property);
            }
        }
        return references;
    }

    private static boolean matches(String role, CIMClassProperty<?> reference) {
        return role == null || role.isEmpty() || role.equalsIgnoreCase(reference.getName());
    }
}
