package org.liosmis.lio.configfs.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The default groups and attribute files the kernel creates with each configfs object. */
final class Templates {

    private record Entry(String mode, String path, String content) {
    }

    private static final Map<String, List<Entry>> SECTIONS = load();

    private Templates() {
    }

    /** Creates the entries of {@code section} under {@code dir}, filling in {@code vars}. */
    static void create(String section, Path dir, Map<String, String> vars) {
        List<Entry> entries = SECTIONS.get(section);
        if (entries == null) {
            throw new IllegalArgumentException("no template section " + section);
        }
        for (Entry entry : entries) {
            Path target = dir.resolve(entry.path());
            if (entry.mode().startsWith("d")) {
                if (!StateFiles.isDirectory(target)) {
                    StateFiles.createDir(target);
                }
            } else {
                StateFiles.createNew(target, fill(entry.content(), vars), StateFiles.mode(entry.mode()));
            }
        }
    }

    private static String fill(String content, Map<String, String> vars) {
        String result = content;
        for (Map.Entry<String, String> var : vars.entrySet()) {
            result = result.replace("{" + var.getKey() + "}", var.getValue());
        }
        return result;
    }

    private static Map<String, List<Entry>> load() {
        Map<String, List<Entry>> sections = new HashMap<>();
        try (InputStream in = Templates.class.getResourceAsStream("configfs-templates.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Entry> current = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    current = new ArrayList<>();
                    sections.put(line.substring(1, line.indexOf(']')), current);
                    continue;
                }
                String[] fields = line.split(" ", 3);
                String content = fields.length > 2 ? fields[2].replace("\\n", "\n") : "";
                current.add(new Entry(fields[0], fields[1], content));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sections;
    }
}
