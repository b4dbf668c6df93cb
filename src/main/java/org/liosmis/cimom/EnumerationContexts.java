package org.liosmis.cimom;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metricshub.wbem.javax.wbem.WBEMException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open enumeration contexts, bounded by {@link EnumerationLimits}. A context is named by
 * 128 random bits and answers only the client that opened it, so no one can guess or take
 * over another's enumeration. Expired contexts are closed by {@link #closeExpired()} and by
 * every call before it looks for a context.
 */
final class EnumerationContexts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnumerationContexts.class);

    private final EnumerationLimits limits;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, EnumerationContext> open = new LinkedHashMap<>();

    EnumerationContexts(EnumerationLimits limits, InstantSource clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** A new context, held by the calling operation until it {@link #release}s or {@link #discard}s it. */
    EnumerationContext open(String client, String namespace, EnumerationContext.Kind kind, Long timeoutSeconds)
            throws WBEMException {
        var timeout = limits.timeout(timeoutSeconds);
        closeExpired();
        synchronized (this) {
            if (open.size() >= limits.maxOpen()) {
                throw new WBEMException(WBEMException.CIM_ERR_SERVER_LIMITS_EXCEEDED, "the server has "
                        + limits.maxOpen() + " enumerations open, its most: try again once some have ended");
            }
            if (open.values().stream().filter(c -> c.client.equals(client)).count() >= limits.maxOpenPerClient()) {
                throw new WBEMException(WBEMException.CIM_ERR_SERVER_LIMITS_EXCEEDED, "this client has "
                        + limits.maxOpenPerClient() + " enumerations open, its most: pull them to their end or"
                        + " close them (CloseEnumeration) first");
            }
            byte[] bits = new byte[16];
            random.nextBytes(bits);
            var context = new EnumerationContext(HexFormat.of().formatHex(bits), client, namespace, kind, timeout);
            open.put(context.id, context);
            return context;
        }
    }

    /** The client's context for the next page, held until released or discarded. */
    EnumerationContext take(String client, String namespace, String id, EnumerationContext.Kind kind)
            throws WBEMException {
        closeExpired();
        synchronized (this) {
            EnumerationContext context = find(client, namespace, id);
            if (context.kind != kind) {
                throw new WBEMException(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT, "enumeration context " + id
                        + " enumerates " + (context.kind == EnumerationContext.Kind.INSTANCES ? "instances" : "paths")
                        + ": continue it with " + context.kind.pull);
            }
            if (context.busy) {
                throw new WBEMException(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT, "enumeration context " + id
                        + " is in use by another operation; pull it one operation at a time");
            }
            context.busy = true;
            return context;
        }
    }

    /** After a page: a context with more to give waits for its next pull; one at its end is closed. */
    void release(EnumerationContext context, boolean more) {
        if (!more) {
            discard(context);
            return;
        }
        synchronized (this) {
            context.busy = false;
            context.expiresAt = clock.instant().plus(context.timeout);
        }
    }

    /** Closes a context its operation could not complete: a failed page leaves no enumeration behind. */
    void discard(EnumerationContext context) {
        synchronized (this) {
            open.remove(context.id);
        }
        context.closeResults();
    }

    /** CloseEnumeration. */
    void close(String client, String namespace, String id) throws WBEMException {
        closeExpired();
        EnumerationContext context;
        synchronized (this) {
            context = find(client, namespace, id);
            if (context.busy) {
                throw new WBEMException(WBEMException.CIM_ERR_PULL_CANNOT_BE_ABANDONED, "enumeration context " + id
                        + " is in use by another operation; close it once that has answered");
            }
            open.remove(id);
        }
        context.closeResults();
    }

    /** Closes the contexts whose timeout has passed since their last operation. */
    void closeExpired() {
        closeAll(expire());
    }

    synchronized int openCount() {
        return open.size();
    }

    /** Closes every context, as the server stops. */
    @Override
    public void close() {
        List<EnumerationContext> all;
        synchronized (this) {
            all = new ArrayList<>(open.values());
            open.clear();
        }
        closeAll(all);
    }

    // another client's context is answered as unknown: its existence is none of this client's business
    private EnumerationContext find(String client, String namespace, String id) throws WBEMException {
        EnumerationContext context = id == null ? null : open.get(id);
        if (context == null || !context.client.equals(client)) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_ENUMERATION_CONTEXT, "no enumeration context " + id
                    + " is open: it ended, was closed, or expired after its OperationTimeout without a pull");
        }
        if (!context.namespace.equalsIgnoreCase(namespace)) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_NAMESPACE, "enumeration context " + id
                    + " was opened in namespace " + context.namespace + ", not " + namespace);
        }
        return context;
    }

    private synchronized List<EnumerationContext> expire() {
        var now = clock.instant();
        List<EnumerationContext> expired = new ArrayList<>();
        for (var it = open.values().iterator(); it.hasNext(); ) {
            EnumerationContext context = it.next();
            if (!context.busy && !now.isBefore(context.expiresAt)) {
                it.remove();
                expired.add(context);
            }
        }
        return expired;
    }

    // outside the lock: closing a stream runs whatever its providers registered; one that fails
    // must not keep the others open, nor stop the periodic expiry that calls this
    private static void closeAll(List<EnumerationContext> contexts) {
        for (EnumerationContext context : contexts) {
            try {
                context.closeResults();
            } catch (RuntimeException e) {
                LOG.warn("enumeration context {} did not close cleanly: {}", context.id, e.toString());
            }
        }
    }
}
