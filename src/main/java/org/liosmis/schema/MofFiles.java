package org.liosmis.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A tree of MOF files, addressed by '/'-separated paths relative to its root: a directory,
 * a zip archive or a classpath folder. Include pragmas resolve within the same tree.
 */
interface MofFiles extends AutoCloseable {

    /** The file's text. @throws NoSuchFileException when there is no such file */
    String read(String path) throws IOException;

    @Override
    default void close() throws IOException {
    }

    /** The path an include names, taken relative to the folder of the including file. */
    static String resolve(String includingPath, String included) {
        String name = included.replace('\\', '/');
        int slash = includingPath.lastIndexOf('/');
        String joined = slash < 0 || name.startsWith("/") ? name : includingPath.substring(0, slash + 1) + name;
        return Path.of(joined).normalize().toString().replace('\\', '/');
    }

    static MofFiles directory(Path root) {
        return path -> Files.readString(root.resolve(path), StandardCharsets.UTF_8);
    }

    /** Entries are matched case-insensitively: schema archives built on Windows differ in case. */
    static MofFiles zip(Path archive) throws IOException {
        ZipFile zip = new ZipFile(archive.toFile());
        Map<String, ZipEntry> entries = new HashMap<>();
        zip.stream().forEach(entry -> entries.put(entry.getName().toLowerCase(Locale.ROOT), entry));
        return new MofFiles() {
            @Override
            public String read(String path) throws IOException {
                ZipEntry entry = entries.get(path.toLowerCase(Locale.ROOT));
                if (entry == null) {
                    throw new NoSuchFileException(archive + "!/" + path);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }

            @Override
            public void close() throws IOException {
                zip.close();
            }
        };
    }

    /** Resources under the given classpath folder ("" for the root). */
    static MofFiles classpath(ClassLoader loader, String folder) {
        return path -> {
            String name = folder.isEmpty() ? path : folder + "/" + path;
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null) {
                    throw new NoSuchFileException("classpath:" + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        };
    }
}
