package org.liosmis.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMParameter;
import org.metricshub.wbem.javax.cim.CIMQualifier;

/**
 * Builds the resolved view of a class from its own declarations and its already resolved
 * superclass: inherited members are marked propagated and keep their origin class, a
 * redeclared member (Override) replaces the inherited one, and qualifiers without the
 * Restricted flavor flow down to the subclass and to overriding members.
 */
final class InheritanceMerger {

    private static final String OVERRIDE = "Override";
    private static final String KEY = "Key";
    private static final String ASSOCIATION = "Association";

    private InheritanceMerger() {
    }

    /** Local members carry their own qualifiers only, with origin className and propagated false. */
    static CIMClass merge(String className, CIMClass superclass, List<CIMQualifier<?>> qualifiers,
            List<CIMClassProperty<?>> properties, List<CIMMethod<?>> methods) {
        List<CIMQualifier<?>> classQualifiers = superclass == null
                ? qualifiers
                : inherit(List.of(superclass.getQualifiers()), qualifiers);

        Map<String, CIMClassProperty<?>> mergedProperties = new LinkedHashMap<>();
        Map<String, CIMMethod<?>> mergedMethods = new LinkedHashMap<>();
        if (superclass != null) {
            for (CIMClassProperty<?> inherited : superclass.getProperties()) {
                mergedProperties.put(key(inherited.getName()), propagated(inherited));
            }
            for (CIMMethod<?> inherited : superclass.getMethods()) {
                mergedMethods.put(key(inherited.getName()), propagated(inherited));
            }
        }
        for (CIMClassProperty<?> local : properties) {
            CIMClassProperty<?> overridden = superclass == null ? null : superclass.getProperty(overriddenName(local.getName(), local.getQualifierValue(OVERRIDE)));
            if (overridden != null) {
                mergedProperties.remove(key(overridden.getName()));
            }
            mergedProperties.put(key(local.getName()), overriding(className, local, overridden));
        }
        for (CIMMethod<?> local : methods) {
            CIMMethod<?> overridden = superclass == null ? null : superclass.getMethod(overriddenName(local.getName(), local.getQualifierValue(OVERRIDE)));
            if (overridden != null) {
                mergedMethods.remove(key(overridden.getName()));
            }
            mergedMethods.put(key(local.getName()), overriding(className, local, overridden));
        }

        CIMClassProperty<?>[] mergedArray = mergedProperties.values().toArray(CIMClassProperty<?>[]::new);
        boolean keyed = mergedProperties.values().stream().anyMatch(CIMClassProperty::isKey);
        boolean association = classQualifiers.stream()
                .anyMatch(q -> q.getName().equalsIgnoreCase(ASSOCIATION) && Boolean.TRUE.equals(q.getValue()));
        return new CIMClass(new CIMObjectPath(null, null, null, null, className, null),
                superclass == null ? null : superclass.getName(),
                classQualifiers.toArray(CIMQualifier<?>[]::new), mergedArray,
                mergedMethods.values().toArray(CIMMethod<?>[]::new), association, keyed);
    }

    /** Override may name the overridden member; without a value it is the member of the same name. */
    private static String overriddenName(String name, Object overrideValue) {
        return overrideValue instanceof String target && !target.isEmpty() ? target : name;
    }

    private static <E> CIMClassProperty<E> propagated(CIMClassProperty<E> inherited) {
        return new CIMClassProperty<>(inherited.getName(), inherited.getDataType(), inherited.getValue(),
                inherit(List.of(inherited.getQualifiers()), List.of()).toArray(CIMQualifier<?>[]::new),
                inherited.isKey(), true, inherited.getOriginClass());
    }

    private static CIMClassProperty<?> overriding(String className, CIMClassProperty<?> local, CIMClassProperty<?> overridden) {
        List<CIMQualifier<?>> qualifiers = overridden == null
                ? List.of(local.getQualifiers())
                : inherit(List.of(overridden.getQualifiers()), List.of(local.getQualifiers()));
        // an override without a default keeps the inherited default, when the type still allows it
        Object value = local.getValue() == null && overridden != null && overridden.getDataType().equals(local.getDataType())
                ? overridden.getValue()
                : local.getValue();
        return new CIMClassProperty<>(local.getName(), local.getDataType(), value,
                qualifiers.toArray(CIMQualifier<?>[]::new), isKey(qualifiers), false, className);
    }

    private static <E> CIMMethod<E> propagated(CIMMethod<E> inherited) {
        CIMParameter<?>[] parameters = inherited.getParameters();
        CIMParameter<?>[] propagatedParameters = new CIMParameter<?>[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            propagatedParameters[i] = parameter(parameters[i], null);
        }
        return new CIMMethod<>(inherited.getName(), inherited.getDataType(),
                inherit(List.of(inherited.getQualifiers()), List.of()).toArray(CIMQualifier<?>[]::new),
                propagatedParameters, true, inherited.getOriginClass());
    }

    private static CIMMethod<?> overriding(String className, CIMMethod<?> local, CIMMethod<?> overridden) {
        List<CIMQualifier<?>> qualifiers = overridden == null
                ? List.of(local.getQualifiers())
                : inherit(List.of(overridden.getQualifiers()), List.of(local.getQualifiers()));
        CIMParameter<?>[] parameters = local.getParameters();
        CIMParameter<?>[] merged = new CIMParameter<?>[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            CIMParameter<?> inherited = overridden == null ? null : overridden.getParameter(parameters[i].getName());
            merged[i] = inherited == null ? parameters[i] : parameter(inherited, parameters[i]);
        }
        return new CIMMethod<>(local.getName(), local.getDataType(), qualifiers.toArray(CIMQualifier<?>[]::new),
                merged, false, className);
    }

    /** The local parameter (or, without one, the inherited one) with the inherited qualifiers flowing in. */
    private static CIMParameter<?> parameter(CIMParameter<?> inherited, CIMParameter<?> local) {
        CIMParameter<?> declared = local == null ? inherited : local;
        List<CIMQualifier<?>> qualifiers = inherit(List.of(inherited.getQualifiers()),
                local == null ? List.of() : List.of(local.getQualifiers()));
        return new CIMParameter<>(declared.getName(), declared.getDataType(), qualifiers.toArray(CIMQualifier<?>[]::new));
    }

    /** The local qualifiers, then the inherited ones that propagate and are not redeclared, marked propagated. */
    private static List<CIMQualifier<?>> inherit(List<CIMQualifier<?>> inherited, List<CIMQualifier<?>> local) {
        List<CIMQualifier<?>> result = new ArrayList<>(local);
        for (CIMQualifier<?> qualifier : inherited) {
            if (Flavors.inherited(qualifier.getFlavor())
                    && local.stream().noneMatch(l -> l.getName().equalsIgnoreCase(qualifier.getName()))) {
                result.add(new CIMQualifier<>(qualifier.getName(), qualifier.getDataType(), qualifier.getValue(),
                        qualifier.getFlavor(), true));
            }
        }
        return result;
    }

    static boolean isKey(List<CIMQualifier<?>> qualifiers) {
        return qualifiers.stream().anyMatch(q -> q.getName().equalsIgnoreCase(KEY) && Boolean.TRUE.equals(q.getValue()));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
