package org.liosmis.cimom;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * One answer of an Open or Pull operation, produced while it is written: at most
 * MaxObjectCount results taken from the context as the host writes them, then
 * {@link #complete()} for the out-parameters. Closing a page that was not completed (its
 * writing failed, or the client went away) closes the enumeration.
 */
public final class EnumerationPage<T> implements AutoCloseable {

    /** The out-parameters EndOfSequence and EnumerationContext (null once the sequence has ended). */
    public record End(boolean endOfSequence, String enumerationContext) {
    }

    private final EnumerationContexts contexts;
    private final EnumerationContext context;
    private final Class<T> type;
    private final long maxObjectCount;
    private boolean completed;

    EnumerationPage(EnumerationContexts contexts, EnumerationContext context, Class<T> type, long maxObjectCount) {
        this.contexts = contexts;
        this.context = context;
        this.type = type;
        this.maxObjectCount = maxObjectCount;
    }

    /** The page's results, each taken from the enumeration only when asked for. */
    public Iterator<T> items() {
        Iterator<?> remaining = context.remaining();
        return new Iterator<>() {
            private long given;

            @Override
            public boolean hasNext() {
                return given < maxObjectCount && remaining.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                given++;
                return type.cast(remaining.next());
            }
        };
    }

    /** After the items: whether the enumeration has ended; a context with more waits for its next pull. */
    public End complete() {
        boolean more = context.remaining().hasNext();
        contexts.release(context, more);
        completed = true;
        return new End(!more, more ? context.id : null);
    }

    @Override
    public void close() {
        if (!completed) {
            contexts.discard(context);
        }
    }
}
