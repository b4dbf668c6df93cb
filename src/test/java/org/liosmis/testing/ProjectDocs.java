package org.liosmis.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The project's Markdown documents as a user reads them, by path from the project root. */
public final class ProjectDocs {

    private ProjectDocs() {
    }

    /** README.md, docs/*.md and the README of every other top-level directory, with their text. */
    public static Map<Path, String> markdown() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"));
                Stream<Path> top = Files.list(Path.of("."))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            top.map(dir -> dir.resolve("README.md")).filter(Files::isRegularFile).map(p -> Path.of(".").relativize(p))
                    .filter(p -> !p.equals(Path.of("README.md"))).sorted().forEach(files::add);
        }
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path file : files) {
            texts.put(file, Files.readString(file));
        }
        return texts;
    }

    /** Its paragraphs (runs of lines between blank lines; a table is one), each on one line. */
    public static List<String> paragraphs(String markdown) {
        return Stream.of(markdown.split("\\n\\s*\\n")).map(p -> p.strip().replaceAll("\\s+", " ")).toList();
    }
}
