package org.liosmis.cimom;

import java.util.ArrayList;
import java.util.List;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMMethod;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMQualifier;

/** Cuts a class definition down to what GetClass / EnumerateClasses asked for. */
final class ClassProjection {

    private static final CIMQualifier<?>[] NO_QUALIFIERS = new CIMQualifier<?>[0];

    private ClassProjection() {
    }

    static CIMClass project(CIMClass cimClass, Projection projection) {
        List<CIMClassProperty<?>> properties = new ArrayList<>();
        for (CIMClassProperty<?> property : cimClass.getProperties()) {
            if ((!projection.localOnly() || !property.isPropagated()) && projection.includes(property.getName())) {
                properties.add(property.filter(projection.includeQualifiers(), projection.includeClassOrigin()));
            }
        }
        List<CIMMethod<?>> methods = new ArrayList<>();
        for (CIMMethod<?> method : cimClass.getMethods()) {
            // PropertyList filters properties only; methods are always described
            if (!projection.localOnly() || !method.isPropagated()) {
                methods.add(method.filter(projection.includeQualifiers(), projection.includeClassOrigin()));
            }
        }
        return new CIMClass(new CIMObjectPath(null, null, null, null, cimClass.getName(), null), cimClass.getSuperClassName(),
                projection.includeQualifiers() ? cimClass.getQualifiers() : NO_QUALIFIERS,
                properties.toArray(CIMClassProperty<?>[]::new), methods.toArray(CIMMethod<?>[]::new),
                cimClass.isAssociation(), cimClass.isKeyed());
    }
}
