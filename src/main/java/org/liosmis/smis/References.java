package org.liosmis.smis;

import java.util.Arrays;
import org.metricshub.wbem.javax.cim.CIMObjectPath;

/** How refusals describe a reference argument and where it must lead. */
final class References {

    private References() {
    }

    /** Where a reference argument must lead; one naming no namespace leads to the method's own. */
    static String inModelNamespace(ObjectNames names) {
        return " in namespace " + names.modelNamespace() + " (or in none)";
    }

    /** A reference as given, its namespace and host spelt out (a path's text hides where one ends). */
    static String given(Object argument) {
        if (!(argument instanceof CIMObjectPath path)) {
            return String.valueOf(argument);
        }
        String host = path.getHost() == null || path.getHost().isEmpty() ? "" : " on host \"" + path.getHost() + "\"";
        return path.getObjectName() + " " + Arrays.toString(path.getKeys()) + " in namespace \"" + path.getNamespace()
                + "\"" + host;
    }
}
