package org.liosmis.cimom;

import org.liosmis.spi.MethodResult;
import org.liosmis.spi.ObjectPaths;
import org.metricshub.wbem.javax.cim.CIMArgument;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * One request made through an alias: the namespace the client asked for and the one it
 * stands for. Paths go in under the namespace served and come back under the one asked for,
 * references inside instances, keys and out parameters included.
 */
record NamespaceAlias(String asked, String served) {

    CIMObjectPath in(CIMObjectPath path) {
        return withNamespace(path, served);
    }

    CIMObjectPath out(CIMObjectPath path) {
        if (!ObjectPaths.normalisedNamespace(path.getNamespace()).equals(ObjectPaths.normalisedNamespace(served))) {
            return path;
        }
        CIMProperty<?>[] keys = path.getKeys().clone();
        for (int i = 0; i < keys.length; i++) {
            keys[i] = out(keys[i]);
        }
        return new CIMObjectPath(path.getScheme(), path.getHost(), path.getPort(), asked, path.getObjectName(), keys);
    }

    CIMInstance out(CIMInstance instance) {
        CIMProperty<?>[] properties = instance.getProperties().clone();
        for (int i = 0; i < properties.length; i++) {
            properties[i] = out(properties[i]);
        }
        return new CIMInstance(out(instance.getObjectPath()), properties);
    }

    MethodResult out(MethodResult result) {
        return new MethodResult(result.returnType(), result.returnValue(), result.outArgs().stream()
                .<CIMArgument<?>>map(arg -> new CIMArgument<>(arg.getName(), arg.getDataType(), out(arg.getValue())))
                .toList());
    }

    private CIMProperty<?> out(CIMProperty<?> property) {
        return new CIMProperty<>(property.getName(), property.getDataType(), out(property.getValue()),
                property.isKey(), property.isPropagated(), property.getOriginClass());
    }

    private Object out(Object value) {
        if (value instanceof CIMObjectPath path) {
            return out(path);
        }
        if (value instanceof CIMObjectPath[] paths) {
            CIMObjectPath[] result = new CIMObjectPath[paths.length];
            for (int i = 0; i < paths.length; i++) {
                result[i] = out(paths[i]);
            }
            return result;
        }
        return value;
    }

    private static CIMObjectPath withNamespace(CIMObjectPath path, String namespace) {
        return new CIMObjectPath(path.getScheme(), path.getHost(), path.getPort(), namespace, path.getObjectName(),
                path.getKeys());
    }
}
