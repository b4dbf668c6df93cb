package org.liosmis.cimom;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** The namespaces this object manager serves; names compare case-insensitively, slashes trimmed. */
public final class Namespaces {

    private final Set<String> names = new LinkedHashSet<>();

    public Namespaces(Set<String> namespaces) {
        namespaces.forEach(n -> names.add(normalise(n)));
    }

    static String normalise(String namespace) {
        String trimmed = namespace == null ? "" : namespace.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    void check(String namespace) throws WBEMException {
        if (!names.contains(normalise(namespace))) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_NAMESPACE,
                    "namespace \"" + namespace + "\" does not exist here; this server has " + names);
        }
    }
}
