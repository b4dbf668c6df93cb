package org.liosmis.smis;

import java.util.stream.Stream;
import org.liosmis.spi.AssociationProvider;
import org.liosmis.spi.ObjectPaths;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * An association whose instances are computed from pairs of related objects; its two
 * reference properties are its keys.
 */
abstract class PairAssociation implements AssociationProvider {

    /** Two related objects, in the order of the association's two references. */
    record Pair(CIMObjectPath left, CIMObjectPath right) {
        boolean involves(CIMObjectPath objectName) {
            return ObjectPaths.sameInstance(left, objectName) || ObjectPaths.sameInstance(right, objectName);
        }
    }

    private final String namespace;
    private final String className;
    private final String leftRole;
    private final String rightRole;

    PairAssociation(String namespace, String className, String leftRole, String rightRole) {
        this.namespace = namespace;
        this.className = className;
        this.leftRole = leftRole;
        this.rightRole = rightRole;
    }

    abstract Stream<Pair> pairs();

    /** The pairs objectName takes part in; override where that is cheaper than a scan. */
    Stream<Pair> pairsWith(CIMObjectPath objectName) {
        return pairs().filter(pair -> pair.involves(objectName));
    }

    /** Properties beyond the two references. */
    InstanceBuilder describe(InstanceBuilder builder, Pair pair) {
        return builder;
    }

    @Override
    public Stream<CIMInstance> enumerateInstances(String namespace, String className) {
        return pairs().map(this::instance);
    }

    @Override
    public CIMInstance getInstance(CIMObjectPath instanceName) {
        Pair named = pair(instanceName);
        if (named == null) {
            return null;
        }
        return pairsWith(named.left()).filter(pair -> ObjectPaths.sameInstance(pair.left(), named.left())
                        && ObjectPaths.sameInstance(pair.right(), named.right()))
                .findFirst().map(this::instance).orElse(null);
    }

    @Override
    public Stream<CIMInstance> references(String namespace, String className, CIMObjectPath objectName) {
        return pairsWith(objectName).map(this::instance);
    }

    private CIMInstance instance(Pair pair) {
        return describe(new InstanceBuilder(path(pair)), pair).build();
    }

    /** The instance name of the association between a pair. */
    CIMObjectPath path(Pair pair) {
        return new CIMObjectPath(null, null, null, namespace, className, new CIMProperty<?>[] {
                reference(leftRole, pair.left()), reference(rightRole, pair.right())});
    }

    /** The pair an instance name of this association names, or null when it names none. */
    Pair pair(CIMObjectPath instanceName) {
        boolean ours = className.equalsIgnoreCase(instanceName.getObjectName())
                && ObjectPaths.inNamespace(instanceName, namespace);
        return ours && instanceName.getKeyValue(leftRole) instanceof CIMObjectPath left
                && instanceName.getKeyValue(rightRole) instanceof CIMObjectPath right ? new Pair(left, right) : null;
    }

    private static CIMProperty<CIMObjectPath> reference(String role, CIMObjectPath target) {
        return new CIMProperty<>(role, new CIMDataType(target.getObjectName()), target, true, false, null);
    }
}
