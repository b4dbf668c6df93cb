package org.liosmis.cimom;

import java.util.LinkedHashSet;
import java.util.Set;
import org.liosmis.spi.ObjectPaths;
import org.metricshub.wbem.javax.wbem.WBEMException;

/** The namespaces this object manager serves; names compare case-insensitively, slashes trimmed. */
public final class Namespaces {

    private final Set<String> names = new LinkedHashSet<>();

    public Namespaces(Set<String> namespaces) {
        namespaces.forEach(n -> names.add(ObjectPaths.normalisedNamespace(n)));
    }

    void check(String namespace) throws WBEMException {
        if (!names.contains(ObjectPaths.normalisedNamespace(namespace))) {
            throw new WBEMException(WBEMException.CIM_ERR_INVALID_NAMESPACE,
                    "namespace \"" + namespace + "\" does not exist here; this server has " + names);
        }
    }
}
