package org.liosmis.cimom;

/**
 * The parameters every Open operation of DSP0200 §5.4 shares.
 *
 * @param operationTimeout seconds, or null for the server's default
 * @param maxObjectCount   how many results the Open itself returns; 0 only opens the context
 */
public record OpenOptions(Long operationTimeout, boolean continueOnError, String filterQueryLanguage,
                          String filterQuery, long maxObjectCount) {
}
