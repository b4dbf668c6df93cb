package org.liosmis.cimom;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * The pull operations of DSP0200 §5.4 over {@link CimOperations}: an Open runs the
 * enumeration as its plain counterpart does and keeps the resulting stream in an
 * enumeration context, from which each Pull takes the next page. Nothing is collected
 * into a list here, so a client paging through many instances costs the server about one page.
 *
 * <p>Not offered: filtered enumerations (FilterQuery) and ContinueOnError.
 */
public final class PullOperations implements AutoCloseable {

    private static final long MAX_UINT32 = 0xFFFF_FFFFL;

    // an expired context's stream is released within this, whether or not any client calls again
    private static final Duration EXPIRY_CHECK = Duration.ofSeconds(1);

    private final CimOperations operations;
    private final EnumerationContexts contexts;
    private final ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("enumeration-expiry").factory());

    public PullOperations(CimOperations operations, EnumerationLimits limits) {
        this(operations, new EnumerationContexts(limits, InstantSource.system()), EXPIRY_CHECK);
    }

    PullOperations(CimOperations operations, EnumerationContexts contexts, Duration expiryCheck) {
        this.operations = operations;
        this.contexts = contexts;
        expiry.scheduleWithFixedDelay(contexts::closeExpired, expiryCheck.toMillis(), expiryCheck.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A source of results that may fail with a CIM error before the first one. */
    @FunctionalInterface
    private interface Results {
        Stream<?> open() throws WBEMException;
    }

    public EnumerationPage<CIMInstance> openEnumerateInstances(String client, String namespace, String className,
            boolean deepInheritance, Projection projection, OpenOptions options) throws WBEMException {
        return open(client, namespace, CIMInstance.class, options,
                () -> operations.enumerateInstances(namespace, className, deepInheritance, projection));
    }

    public EnumerationPage<CIMObjectPath> openEnumerateInstancePaths(String client, String namespace,
            String className, OpenOptions options) throws WBEMException {
        return open(client, namespace, CIMObjectPath.class, options,
                () -> operations.enumerateInstanceNames(namespace, className));
    }

    public EnumerationPage<CIMInstance> openAssociatorInstances(String client, CIMObjectPath instanceName,
            String assocClass, String resultClass, String role, String resultRole, Projection projection,
            OpenOptions options) throws WBEMException {
        return open(client, instanceName.getNamespace(), CIMInstance.class, options, () -> operations.associators(
                instanceName, assocClass, resultClass, role, resultRole, projection));
    }

    public EnumerationPage<CIMObjectPath> openAssociatorInstancePaths(String client, CIMObjectPath instanceName,
            String assocClass, String resultClass, String role, String resultRole, OpenOptions options)
            throws WBEMException {
        return open(client, instanceName.getNamespace(), CIMObjectPath.class, options,
                () -> operations.associatorNames(instanceName, assocClass, resultClass, role, resultRole));
    }

    public EnumerationPage<CIMInstance> openReferenceInstances(String client, CIMObjectPath instanceName,
            String resultClass, String role, Projection projection, OpenOptions options) throws WBEMException {
        return open(client, instanceName.getNamespace(), CIMInstance.class, options,
                () -> operations.references(instanceName, resultClass, role, projection));
    }

    public EnumerationPage<CIMObjectPath> openReferenceInstancePaths(String client, CIMObjectPath instanceName,
            String resultClass, String role, OpenOptions options) throws WBEMException {
        return open(client, instanceName.getNamespace(), CIMObjectPath.class, options,
                () -> operations.referenceNames(instanceName, resultClass, role));
    }

    public EnumerationPage<CIMInstance> pullInstancesWithPath(String client, String namespace, String context,
                                                              long maxObjectCount) throws WBEMException {
        return pull(client, namespace, context, CIMInstance.class, maxObjectCount);
    }

    public EnumerationPage<CIMObjectPath> pullInstancePaths(String client, String namespace, String context,
                                                            long maxObjectCount) throws WBEMException {
        return pull(client, namespace, context, CIMObjectPath.class, maxObjectCount);
    }

    public void closeEnumeration(String client, String namespace, String context) throws WBEMException {
        contexts.close(client, namespace, context);
    }

    /** Closes every open context, as the server stops. */
    @Override
    public void close() {
        expiry.shutdownNow();
        contexts.close();
    }

    private <T> EnumerationPage<T> open(String client, String namespace, Class<T> type, OpenOptions options,
                                        Results results) throws WBEMException {
        if (options.filterQuery() != null || options.filterQueryLanguage() != null) {
            throw new WBEMException(WBEMException.CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED,
                    "filtered enumerations are not served: leave FilterQuery and FilterQueryLanguage out");
        }
        if (options.continueOnError()) {
            throw new WBEMException(WBEMException.CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED,
                    "ContinueOnError is not served: an enumeration ends at its first error");
        }
        checkCount(options.maxObjectCount());
        // the slot is taken before the enumeration starts, so a refused Open costs nothing
        EnumerationContext context = contexts.open(client, namespace, kindOf(type), options.operationTimeout());
        try {
            context.start(results.open());
        } catch (WBEMException | RuntimeException e) {
            contexts.discard(context);
            throw e;
        }
        return new EnumerationPage<>(contexts, context, type, options.maxObjectCount());
    }

    private <T> EnumerationPage<T> pull(String client, String namespace, String id, Class<T> type,
                                        long maxObjectCount) throws WBEMException {
        checkCount(maxObjectCount);
        return new EnumerationPage<>(contexts, contexts.take(client, namespace, id, kindOf(type)), type,
                maxObjectCount);
    }

    private static EnumerationContext.Kind kindOf(Class<?> type) {
        return type == CIMInstance.class ? EnumerationContext.Kind.INSTANCES : EnumerationContext.Kind.PATHS;
    }

    private static void checkCount(long maxObjectCount) throws WBEMException {
        if (maxObjectCount < 0 || maxObjectCount > MAX_UINT32) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_PARAMETER,
                    "MaxObjectCount " + maxObjectCount + " is not a uint32");
        }
    }
}
