package org.liosmis.lio.saveconfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.liosmis.lio.Plugin;

/**
 * targetcli's saved config: {@code fabric_modules}, {@code storage_objects} and {@code targets}.
 * Only storage object entries are changed here, and only the ones asked for; everything else
 * (targets, fabric modules, other objects, keys a newer targetcli adds) stays as it was read.
 */
public final class SavedConfig {

    static final String STORAGE_OBJECTS = "storage_objects";
    private static final List<String> SECTIONS = List.of("fabric_modules", STORAGE_OBJECTS, "targets");

    private final ObjectNode root;

    private SavedConfig(ObjectNode root) {
        this.root = root;
    }

    /** What targetcli saves for a LIO without any configuration. */
    public static SavedConfig empty() {
        ObjectNode root = TargetcliJson.NODES.objectNode();
        SECTIONS.forEach(root::putArray);
        return new SavedConfig(root);
    }

    /** A saved config over a copy of {@code tree}; the problem is described if it is not one. */
    static SavedConfig of(JsonNode tree) {
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("the top level is " + tree.getNodeType() + ", not an object");
        }
        for (String section : SECTIONS) {
            JsonNode value = object.get(section);
            if (value != null && !value.isArray()) {
                throw new IllegalArgumentException("\"" + section + "\" is " + value.getNodeType() + ", not a list");
            }
        }
        return new SavedConfig(object.deepCopy());
    }

    /** A copy of the whole document. */
    public ObjectNode tree() {
        return root.deepCopy();
    }

    /** The storage objects restore will create, in the saved order; entries without a name are left out. */
    public List<SavedStorageObject> storageObjects() {
        List<SavedStorageObject> objects = new ArrayList<>();
        for (JsonNode entry : entries()) {
            String plugin = entry.path("plugin").asText("");
            String name = entry.path("name").asText("");
            if (!name.isEmpty()) {
                objects.add(new SavedStorageObject(plugin, name, text(entry.get("dev")), number(entry.get("size")),
                        text(entry.get("wwn"))));
            }
        }
        return objects;
    }

    /** Adds a storage object entry (e.g. from {@link StorageObjectDump}), replacing any with its plugin and name. */
    public void put(ObjectNode entry) {
        Plugin plugin = Backstores.plugin(entry.path("plugin").asText(""))
                .orElseThrow(() -> new IllegalArgumentException("no known plugin in " + entry));
        String name = entry.path("name").asText("");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no name in " + entry);
        }
        remove(plugin, name);
        storageObjectList().add(entry.deepCopy());
    }

    /** Removes the entries of that storage object; false if there was none. */
    public boolean remove(Plugin plugin, String name) {
        ArrayNode list = storageObjectList();
        boolean removed = false;
        for (int i = list.size() - 1; i >= 0; i--) {
            JsonNode entry = list.get(i);
            if (name.equals(entry.path("name").asText(null))
                    && Backstores.plugin(entry.path("plugin").asText("")).equals(Optional.of(plugin))) {
                list.remove(i);
                removed = true;
            }
        }
        return removed;
    }

    private Iterable<JsonNode> entries() {
        JsonNode list = root.get(STORAGE_OBJECTS);
        return list == null ? List.of() : list;
    }

    private ArrayNode storageObjectList() {
        return root.has(STORAGE_OBJECTS) ? (ArrayNode) root.get(STORAGE_OBJECTS) : root.putArray(STORAGE_OBJECTS);
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }

    private static OptionalLong number(JsonNode node) {
        return node != null && node.canConvertToLong() && node.isIntegralNumber()
                ? OptionalLong.of(node.longValue()) : OptionalLong.empty();
    }
}
