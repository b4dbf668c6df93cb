package org.liosmis.cimom;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * One open enumeration of the pull operations: what is left of its results, taken one at a
 * time from the operation's stream, and when it expires. {@link EnumerationContexts} guards
 * every field but the stream, which only the one operation holding the context touches.
 */
final class EnumerationContext {

    /** What a context enumerates, and so which Pull may continue it. */
    enum Kind {
        INSTANCES("PullInstancesWithPath"), PATHS("PullInstancePaths");

        final String pull;

        Kind(String pull) {
            this.pull = pull;
        }
    }

    final String id;
    final String client;
    final String namespace;
    final Kind kind;
    final Duration timeout;
    // an operation is writing a page from it: it neither expires nor may another operation take it
    boolean busy = true;
    Instant expiresAt;
    private Stream<?> results;
    private Iterator<?> remaining;

    EnumerationContext(String id, String client, String namespace, Kind kind, Duration timeout) {
        this.id = id;
        this.client = client;
        this.namespace = namespace;
        this.kind = kind;
        this.timeout = timeout;
    }

    void start(Stream<?> stream) {
        results = stream;
        remaining = stream.iterator();
    }

    Iterator<?> remaining() {
        return remaining;
    }

    /** Releases the stream and what it holds; a context that never started has none. */
    void closeResults() {
        if (results != null) {
            results.close();
        }
    }
}
