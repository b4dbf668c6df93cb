package org.liosmis.lio.configfs.emulator;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the kernel keeps in memory for a storage object but does not show as a file: the
 * parameters written to {@code control}, the LUNs that export it and the block device an iblock
 * object holds open. Kept in hidden files ({@code .control}, {@code .exports}, {@code .device})
 * inside the object's directory so it survives restarts.
 */
final class StorageObjectState {

    private static final String CONTROL = ".control";
    private static final String EXPORTS = ".exports";
    private static final String DEVICE = ".device";

    private final Path dir;

    StorageObjectState(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Map<String, String> control() {
        Path file = dir.resolve(CONTROL);
        Map<String, String> params = new TreeMap<>();
        if (StateFiles.exists(file)) {
            Properties props = new Properties();
            try (Reader reader = new StringReader(StateFiles.read(file))) {
                props.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            props.forEach((k, v) -> params.put((String) k, (String) v));
        }
        return params;
    }

    void putControl(Map<String, String> params) {
        Map<String, String> merged = control();
        merged.putAll(params);
        Properties props = new Properties();
        props.putAll(merged);
        StringWriter out = new StringWriter();
        try {
            props.store(out, "control parameters of this storage object");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StateFiles.createFile(dir.resolve(CONTROL), out.toString(), PosixFilePermissions.fromString("rw-------"));
    }

    /** The LUN links (paths relative to the configfs root) that point at this object. */
    List<String> exports() {
        Path file = dir.resolve(EXPORTS);
        return StateFiles.exists(file) ? StateFiles.read(file).lines().filter(l -> !l.isBlank()).toList() : List.of();
    }

    boolean exported() {
        return !exports().isEmpty();
    }

    void addExport(String link) {
        List<String> links = new ArrayList<>(exports());
        links.add(link);
        writeExports(links);
    }

    void removeExport(String link) {
        List<String> links = new ArrayList<>(exports());
        links.remove(link);
        writeExports(links);
    }

    private void writeExports(List<String> links) {
        String content = links.isEmpty() ? "" : String.join("\n", links) + "\n";
        StateFiles.createFile(dir.resolve(EXPORTS), content, PosixFilePermissions.fromString("rw-------"));
    }

    /** The real path of the block device this object opened on enable, if it did. */
    Optional<Path> device() {
        Path file = dir.resolve(DEVICE);
        return StateFiles.exists(file) ? Optional.of(Path.of(StateFiles.read(file).strip())) : Optional.empty();
    }

    void holdDevice(Path device) {
        StateFiles.createFile(dir.resolve(DEVICE), device + "\n", PosixFilePermissions.fromString("rw-------"));
    }

    boolean enabled() {
        return attribute("enable").equals("1");
    }

    /** An attribute's value without the trailing newline. */
    String attribute(String relative) {
        return StateFiles.read(dir.resolve(relative)).strip();
    }

    /** For attributes some plugins lack (user objects have no attrib/block_size). */
    String attributeOr(String relative, String fallback) {
        return StateFiles.exists(dir.resolve(relative)) ? attribute(relative) : fallback;
    }

    void setAttribute(String relative, String value) {
        StateFiles.replace(dir.resolve(relative), value + "\n");
    }
}
