package org.liosmis.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ElementNames clients gave volumes, by volume id. */
public interface ElementNames {

    /** No volume has a name of its own: each is named after its storage object. */
    ElementNames NONE = new ElementNames() {
        @Override
        public Optional<String> elementName(String volumeId) {
            return Optional.empty();
        }

        @Override
        public Map<String, String> elementNames() {
            return Map.of();
        }
    };

    Optional<String> elementName(String volumeId);

    /** All of them at once, for listing thousands of volumes with one query. */
    Map<String, String> elementNames();

    /** The mirrors' targets, which are volumes even while LIO has no storage object of them. */
    default List<Mirror> mirrors() {
        return List.of();
    }
}
