package org.liosmis.cimom;

import java.util.ArrayList;
import java.util.List;
import org.liosmis.spi.CimValues;
import org.metricshub.wbem.javax.cim.CIMClass;
import org.metricshub.wbem.javax.cim.CIMClassProperty;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * Checks a provider's instance against its class and cuts it down to what the client asked
 * for. A property the class does not declare, or a value of the wrong type, is a provider
 * bug: it fails loudly here instead of reaching a client as malformed CIM.
 */
final class InstanceProjection {

    private InstanceProjection() {
    }

    /**
     * @param instanceClass the instance's own class
     * @param requestedClass the class the client named; with deepInheritance false only
     *                       its properties are returned
     */
    static CIMInstance project(CIMInstance instance, CIMClass instanceClass, CIMClass requestedClass,
                               boolean deepInheritance, Projection projection, String namespace) {
        List<CIMProperty<?>> properties = new ArrayList<>();
        for (CIMProperty<?> property : instance.getProperties()) {
            CIMClassProperty<?> declared = instanceClass.getProperty(property.getName());
            if (declared == null) {
                throw new IllegalStateException(instanceClass.getName() + " has no property " + property.getName());
            }
            CIMDataType type = embedded(declared, property.getValue())
                    ? property.getDataType() : checkType(instanceClass, declared, property.getValue());
            if (projection.includes(declared.getName()) && visible(declared, requestedClass, deepInheritance)) {
                properties.add(new CIMProperty<>(declared.getName(), type, property.getValue(),
                        declared.isKey(), declared.isPropagated(),
                        projection.includeClassOrigin() ? declared.getOriginClass() : null));
            }
        }
        return new CIMInstance(withNamespace(instance.getObjectPath(), namespace),
                properties.toArray(CIMProperty<?>[]::new));
    }

    private static boolean visible(CIMClassProperty<?> declared, CIMClass requestedClass, boolean deepInheritance) {
        // LocalOnly is deprecated for instances and its default (true) would hide every inherited
        // property from clients that leave it out, so it is ignored here, as DSP0200 allows
        return deepInheritance || requestedClass.getProperty(declared.getName()) != null;
    }

    /** An EmbeddedInstance / EmbeddedObject string property carries a whole instance on the wire. */
    private static boolean embedded(CIMClassProperty<?> declared, Object value) {
        return (value instanceof CIMInstance || value instanceof CIMInstance[])
                && declared.getDataType().getType() == CIMDataType.STRING
                && (declared.hasQualifier("EmbeddedInstance") || declared.hasQualifier("EmbeddedObject"));
    }

    private static CIMDataType checkType(CIMClass cimClass, CIMClassProperty<?> declared, Object value) {
        if (value != null) {
            Class<?> element = CimValues.javaType(declared.getDataType().getType());
            Class<?> expected = declared.getDataType().isArray() ? element.arrayType() : element;
            if (!expected.isInstance(value)) {
                throw new IllegalStateException(cimClass.getName() + "." + declared.getName() + " is declared "
                        + ValueCoercer.typeName(declared.getDataType()) + " but holds a " + value.getClass().getSimpleName());
            }
        }
        return declared.getDataType();
    }

    static CIMObjectPath withNamespace(CIMObjectPath path, String namespace) {
        if (path.getNamespace() != null && !path.getNamespace().isEmpty()) {
            return path;
        }
        return new CIMObjectPath(path.getScheme(), path.getHost(), path.getPort(), namespace,
                path.getObjectName(), path.getKeys());
    }
}
