package org.liosmis.host.jmpi;

import org.liosmis.cimom.Projection;
import org.liosmis.service.ProviderProcess;
import org.liosmis.spi.MethodResult;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.pegasus.jmpi.CIMArgument;
import org.pegasus.jmpi.CIMAssociatorProvider;
import org.pegasus.jmpi.CIMClass;
import org.pegasus.jmpi.CIMException;
import org.pegasus.jmpi.CIMInstance;
import org.pegasus.jmpi.CIMInstanceProvider;
import org.pegasus.jmpi.CIMMethodProvider;
import org.pegasus.jmpi.CIMOMHandle;
import org.pegasus.jmpi.CIMObjectPath;
import org.pegasus.jmpi.CIMValue;

/**
 * lio-smis as OpenPegasus' JMPI provider manager loads it: the instance, method and
 * association shapes of every LIO_ class, handed to the same dispatcher "serve" uses. The
 * broker calls providers by class, so each call names exactly one class and polymorphism is
 * the broker's; the dispatcher still checks every path and argument.
 */
public final class LioSmisProvider implements CIMInstanceProvider, CIMMethodProvider, CIMAssociatorProvider {

    private final ProviderProcess process;

    /** The broker's constructor: one service for this provider process, from the configuration file. */
    public LioSmisProvider() {
        this(ProviderProcess.fromEnvironment());
    }

    LioSmisProvider(ProviderProcess process) {
        this.process = process;
    }

    @Override
    public void initialize(CIMOMHandle ch) {
        // the service starts on the first operation, so a configuration mistake is answered to that
        // operation (and retried on the next) instead of failing the broker's load of the provider
    }

    @Override
    public void cleanup() {
        process.stop();
    }

    @Override
    public CIMInstance getInstance(CIMObjectPath op, boolean localOnly, boolean includeQualifiers,
                                   boolean includeClassOrigin, String[] propertyList, CIMClass cc) throws CIMException {
        return call(cimom -> ToJmpi.instance(cimom.getInstance(FromJmpi.path(op),
                Projection.of(localOnly, includeQualifiers, includeClassOrigin, propertyList))));
    }

    @Override
    public CIMInstance[] enumerateInstances(CIMObjectPath op, boolean localOnly, boolean includeQualifiers,
                                            boolean includeClassOrigin, String[] propertyList, CIMClass cc)
            throws CIMException {
        return call(cimom -> ToJmpi.instances(cimom.enumerateInstances(op.getNameSpace(), op.getObjectName(),
                true, Projection.of(localOnly, includeQualifiers, includeClassOrigin, propertyList))));
    }

    @Override
    public CIMObjectPath[] enumerateInstanceNames(CIMObjectPath op, CIMClass cc) throws CIMException {
        return call(cimom -> ToJmpi.paths(cimom.enumerateInstanceNames(op.getNameSpace(), op.getObjectName())));
    }

    @Override
    public CIMObjectPath createInstance(CIMObjectPath op, CIMInstance ci) throws CIMException {
        return call(cimom -> ToJmpi.path(cimom.createInstance(FromJmpi.path(op))));
    }

    @Override
    public void setInstance(CIMObjectPath op, CIMInstance ci, boolean includeQualifiers, String[] propertyList)
            throws CIMException {
        call(cimom -> {
            cimom.modifyInstance(new org.metricshub.wbem.javax.cim.CIMInstance(FromJmpi.path(op),
                    FromJmpi.instance(ci).getProperties()), propertyList);
            return null;
        });
    }

    @Override
    public void deleteInstance(CIMObjectPath cop) throws CIMException {
        call(cimom -> {
            cimom.deleteInstance(FromJmpi.path(cop));
            return null;
        });
    }

    @Override
    public CIMInstance[] execQuery(CIMObjectPath op, String query, String ql, CIMClass cc) throws CIMException {
        return call(cimom -> ToJmpi.instances(cimom.execQuery(FromJmpi.path(op), query, ql)));
    }

    @Override
    public CIMValue invokeMethod(CIMObjectPath op, String methodName, CIMArgument[] inArgs, CIMArgument[] outArgs)
            throws CIMException {
        return call(cimom -> {
            MethodResult result = cimom.invokeMethod(FromJmpi.path(op), methodName, FromJmpi.arguments(inArgs));
            ToJmpi.outArguments(result.outArgs(), outArgs);
            CIMValue returned = ToJmpi.value(result.returnValue());
            if (returned == null) {
                // the broker reads the return value without looking for null
                throw new CimError(WBEMException.CIM_ERR_FAILED, methodName + " returned no value");
            }
            return returned;
        });
    }

    @Override
    public CIMInstance[] associators(CIMObjectPath assocName, CIMObjectPath pathName, String resultClass, String role,
                                     String resultRole, boolean includeQualifiers, boolean includeClassOrigin,
                                     String[] propertyList) throws CIMException {
        Traversal from = traversal(assocName, pathName);
        return call(cimom -> ToJmpi.instances(cimom.associators(from.source(), from.associationClass(),
                given(resultClass), given(role), given(resultRole),
                Projection.of(false, includeQualifiers, includeClassOrigin, propertyList))));
    }

    @Override
    public CIMObjectPath[] associatorNames(CIMObjectPath assocName, CIMObjectPath pathName, String resultClass,
                                           String role, String resultRole) throws CIMException {
        Traversal from = traversal(assocName, pathName);
        return call(cimom -> ToJmpi.paths(cimom.associatorNames(from.source(), from.associationClass(),
                given(resultClass), given(role), given(resultRole))));
    }

    @Override
    public CIMInstance[] references(CIMObjectPath assocName, CIMObjectPath pathName, String role,
                                    boolean includeQualifiers, boolean includeClassOrigin, String[] propertyList)
            throws CIMException {
        Traversal from = traversal(assocName, pathName);
        return call(cimom -> ToJmpi.instances(cimom.references(from.source(), from.associationClass(),
                given(role), Projection.of(false, includeQualifiers, includeClassOrigin, propertyList))));
    }

    @Override
    public CIMObjectPath[] referenceNames(CIMObjectPath assocName, CIMObjectPath pathName, String role)
            throws CIMException {
        Traversal from = traversal(assocName, pathName);
        return call(cimom -> ToJmpi.paths(cimom.referenceNames(from.source(), from.associationClass(),
                given(role))));
    }

    /** Where an association operation starts: the object named and the association class asked for. */
    private record Traversal(org.metricshub.wbem.javax.cim.CIMObjectPath source, String associationClass) {
    }

    /**
     * The object (in the operation's namespace when it names none) and the association class.
     * OpenPegasus 2.14 passes referenceNames' two paths the other way round, so the object is
     * told by its keys: an association class path has none.
     */
    private static Traversal traversal(CIMObjectPath assocName, CIMObjectPath pathName) throws CIMException {
        boolean swapped = pathName.getKeys().isEmpty() && !assocName.getKeys().isEmpty();
        CIMObjectPath association = swapped ? pathName : assocName;
        org.metricshub.wbem.javax.cim.CIMObjectPath source = FromJmpi.path(swapped ? assocName : pathName);
        if (source.getNamespace() == null) {
            source = new org.metricshub.wbem.javax.cim.CIMObjectPath(null, null, null, association.getNameSpace(),
                    source.getObjectName(), source.getKeys());
        }
        return new Traversal(source, association.getObjectName());
    }

    /** A filter parameter: the broker passes an empty string for one the client left out. */
    private static String given(String filter) {
        return filter == null || filter.isEmpty() ? null : filter;
    }

    /** One operation on the service, its failures as CIM errors with their exact codes. */
    private <T> T call(ProviderProcess.Operation<T, CIMException> operation) throws CIMException {
        try {
            return process.call(operation);
        } catch (WBEMException e) {
            throw new CimError(e.getID(), e.getMessage());
        }
    }
}
