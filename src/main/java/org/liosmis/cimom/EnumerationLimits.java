package org.liosmis.cimom;

import java.time.Duration;
import org.metricshub.wbem.javax.wbem.WBEMException;

/**
 * What the pull operations bound: enumeration contexts open at once, in all and per client,
 * and how long one may wait for its next operation (OperationTimeout, DSP0200 §5.4).
 *
 * @param maxOpen          contexts open at once, all clients together
 * @param maxOpenPerClient contexts open at once for one client
 * @param defaultTimeout   the OperationTimeout of an Open that gives none
 * @param maxTimeout       the longest OperationTimeout a client may ask for
 */
public record EnumerationLimits(int maxOpen, int maxOpenPerClient, Duration defaultTimeout, Duration maxTimeout) {

    public EnumerationLimits {
        if (maxOpen < 1 || maxOpenPerClient < 1 || maxOpenPerClient > maxOpen || defaultTimeout.toSeconds() < 1
                || maxTimeout.compareTo(defaultTimeout) < 0) {
            throw new IllegalArgumentException("limits must be positive, per client at most in all, and the"
                    + " default timeout at least a second and at most the longest");
        }
    }

    /**
     * Enough for consoles paging several classes at once. Each waiting context holds what its
     * enumeration read up front: about 4.5 MiB for 10,000 volumes (docs/performance.md), so
     * 32 of them stay well inside a 512 MiB heap.
     */
    public static EnumerationLimits defaults() {
        return new EnumerationLimits(32, 8, Duration.ofSeconds(60), Duration.ofMinutes(5));
    }

    /**
     * The timeout of a new context. 0 asks for none, which a bounded server cannot grant:
     * CIM_ERR_INVALID_OPERATION_TIMEOUT, as for one longer than {@link #maxTimeout}.
     */
    Duration timeout(Long requestedSeconds) throws WBEMException {
        if (requestedSeconds == null) {
            return defaultTimeout;
        }
        if (requestedSeconds < 1 || requestedSeconds > maxTimeout.toSeconds()) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_OPERATION_TIMEOUT, "OperationTimeout " + requestedSeconds
                    + " is not served: give 1 to " + maxTimeout.toSeconds() + " seconds, or none for "
                    + defaultTimeout.toSeconds());
        }
        return Duration.ofSeconds(requestedSeconds);
    }
}
