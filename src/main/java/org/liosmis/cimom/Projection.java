package org.liosmis.cimom;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a client asked to see of each returned class or instance: the LocalOnly,
 * IncludeQualifiers, IncludeClassOrigin and PropertyList parameters of DSP0200.
 *
 * @param propertyList lower-cased property names, or null for "every property"
 */
public record Projection(boolean localOnly, boolean includeQualifiers, boolean includeClassOrigin,
                         Set<String> propertyList) {

    /** Everything, the way an instance operation with default parameters sees it. */
    public static final Projection ALL = new Projection(false, false, false, null);

    public Projection {
        if (propertyList != null) {
            propertyList = propertyList.stream().map(n -> n.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    public static Projection of(boolean localOnly, boolean includeQualifiers, boolean includeClassOrigin,
                                String[] propertyList) {
        return new Projection(localOnly, includeQualifiers, includeClassOrigin,
                propertyList == null ? null : Stream.of(propertyList).collect(Collectors.toSet()));
    }

    public boolean includes(String propertyName) {
        return propertyList == null || propertyList.contains(propertyName.toLowerCase(Locale.ROOT));
    }
}
