package org.liosmis.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A replica's {@link VolumeLabel} in extended attributes of its backing file ({@code user.lio-smis.*}):
 * they go wherever the file goes and are gone with it.
 */
final class FileLabels {

    private static final String ELEMENT_NAME = "lio-smis.element-name";
    private static final String SOURCE = "lio-smis.source";
    private static final String SOURCE_NAA = "lio-smis.source-naa";
    private static final String METHOD = "lio-smis.copy-method";
    private static final String SYNCED = "lio-smis.synced";

    private FileLabels() {
    }

    static void write(Path file, VolumeLabel label) throws IOException {
        UserDefinedFileAttributeView view = view(file);
        write(view, ELEMENT_NAME, label.elementName());
        write(view, SOURCE, label.sourceId());
        write(view, SOURCE_NAA, label.sourceNaa());
        write(view, METHOD, label.method().name());
        write(view, SYNCED, label.whenSynced().toString());
    }

    /** The replica's data is the source's of {@code when} again, made by {@code method} (a resync). */
    static void synced(Path file, CopyMethod method, Instant when) throws IOException {
        UserDefinedFileAttributeView view = view(file);
        write(view, METHOD, method.name());
        write(view, SYNCED, when.toString());
    }

    /** An existing volume became a snapshot of {@code sourceId}, holding its data of {@code when}. */
    static void related(Path file, String sourceId, String sourceNaa, CopyMethod method, Instant when)
            throws IOException {
        UserDefinedFileAttributeView view = view(file);
        write(view, SOURCE, sourceId);
        write(view, SOURCE_NAA, sourceNaa);
        synced(file, method, when);
    }

    /** The replica is no longer one (detached): a rebuild of the state database must not relate it again. */
    static void detached(Path file) throws IOException {
        UserDefinedFileAttributeView view = view(file);
        List<String> names = view.list();
        for (String name : List.of(SOURCE, SOURCE_NAA)) {
            if (names.contains(name)) {
                view.delete(name);
            }
        }
    }

    /** Empty when the file carries no label (made before lio-smis kept them, or copied without its attributes). */
    static Optional<VolumeLabel> read(Path file) throws IOException {
        UserDefinedFileAttributeView view = view(file);
        List<String> names = view.list();
        if (!names.contains(ELEMENT_NAME)) {
            return Optional.empty();
        }
        String method = read(view, names, METHOD);
        String synced = read(view, names, SYNCED);
        try {
            return Optional.of(new VolumeLabel(read(view, names, ELEMENT_NAME), read(view, names, SOURCE),
                    read(view, names, SOURCE_NAA), method == null ? null : CopyMethod.valueOf(method),
                    synced == null ? null : Instant.parse(synced)));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IOException("its lio-smis attributes are not as lio-smis writes them: " + e.getMessage(), e);
        }
    }

    private static UserDefinedFileAttributeView view(Path file) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        if (view == null) {
            throw new IOException("the file system of " + file + " has no extended attributes");
        }
        return view;
    }

    private static void write(UserDefinedFileAttributeView view, String name, String value) throws IOException {
        if (value != null) {
            view.write(name, StandardCharsets.UTF_8.encode(value));
        }
    }

    private static String read(UserDefinedFileAttributeView view, List<String> names, String name) throws IOException {
        if (!names.contains(name)) {
            return null;
        }
        ByteBuffer value = ByteBuffer.allocate(view.size(name));
        view.read(name, value);
        return StandardCharsets.UTF_8.decode(value.flip()).toString();
    }
}
