package org.liosmis.lio;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** rtslib's HBA numbering: every storage object gets its own HBA, the lowest free index across plugins. */
final class HbaIndexes {

    private HbaIndexes() {
    }

    static int lowestFree(Collection<Hba> hbas) {
        Set<Integer> used = hbas.stream().map(Hba::index).collect(Collectors.toSet());
        int index = 0;
        while (used.contains(index)) {
            index++;
        }
        return index;
    }
}
