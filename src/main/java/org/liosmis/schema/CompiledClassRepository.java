package org.liosmis.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMQualifierType;

/** The classes of a finished compilation; never changes, so it can be shared between threads. */
final class CompiledClassRepository implements ClassRepository {

    private final Map<String, CIMClass> classes;
    private final Map<String, CIMQualifierType<?>> qualifierTypes;
    private final Map<String, List<String>> directSubclasses;
    private final List<String> roots;
    private final List<String> names;

    /** classes: resolved, every superclass before its subclasses. */
    CompiledClassRepository(Collection<CIMClass> classes, Collection<CIMQualifierType<?>> qualifierTypes) {
        Map<String, CIMClass> byName = new LinkedHashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        List<String> rootNames = new ArrayList<>();
        for (CIMClass cimClass : classes) {
            byName.put(key(cimClass.getName()), cimClass);
            String superclass = cimClass.getSuperClassName();
            if (superclass == null) {
                rootNames.add(cimClass.getName());
            } else {
                children.computeIfAbsent(key(superclass), k -> new ArrayList<>()).add(cimClass.getName());
            }
        }
        Map<String, CIMQualifierType<?>> qualifiers = new LinkedHashMap<>();
        qualifierTypes.forEach(q -> qualifiers.put(key(q.getName()), q));
        Map<String, List<String>> frozenChildren = new HashMap<>();
        children.forEach((k, v) -> frozenChildren.put(k, List.copyOf(v)));

        this.classes = Map.copyOf(byName);
        this.qualifierTypes = Map.copyOf(qualifiers);
        this.directSubclasses = Map.copyOf(frozenChildren);
        this.roots = List.copyOf(rootNames);
        this.names = byName.values().stream().map(CIMClass::getName).toList();
    }

    @Override
    public CIMClass getClass(String className) {
        return className == null ? null : classes.get(key(className));
    }

    @Override
    public List<String> subclassNames(String className, boolean deep) {
        if (className == null) {
            return deep ? names : roots;
        }
        List<String> direct = directSubclasses.getOrDefault(key(className), List.of());
        if (!deep) {
            return direct;
        }
        List<String> all = new ArrayList<>();
        collectDescendants(direct, all);
        return List.copyOf(all);
    }

    private void collectDescendants(List<String> children, List<String> into) {
        for (String child : children) {
            into.add(child);
            collectDescendants(directSubclasses.getOrDefault(key(child), List.of()), into);
        }
    }

    @Override
    public boolean isSubclassOf(String className, String ancestorName) {
        CIMClass current = getClass(className);
        while (current != null) {
            if (current.getName().equalsIgnoreCase(ancestorName)) {
                return true;
            }
            current = getClass(current.getSuperClassName());
        }
        return false;
    }

    @Override
    public CIMQualifierType<?> getQualifierType(String name) {
        return name == null ? null : qualifierTypes.get(key(name));
    }

    @Override
    public List<String> classNames() {
        return names;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
