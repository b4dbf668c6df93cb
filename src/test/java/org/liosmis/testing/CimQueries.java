package org.liosmis.testing;

import java.util.ArrayList;
import java.util.List;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.wbem.CloseableIterator;

/** What the tests' SBLIM clients need around a query: its results as a list, a class's path. */
public final class CimQueries {

    private CimQueries() {
    }

    /** Every item of an enumeration, the iterator closed. */
    public static <T> List<T> all(CloseableIterator<T> iterator) {
        List<T> items = new ArrayList<>();
        try {
            iterator.forEachRemaining(items::add);
        } finally {
            iterator.close();
        }
        return items;
    }

    public static CIMObjectPath path(String namespace, String className) {
        return new CIMObjectPath(null, null, null, namespace, className, null);
    }
}
