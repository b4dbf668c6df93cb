package org.liosmis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.liosmis.testing.ProjectDocs;

/** What a new user copies or follows from the documents works on a fresh machine. */
class DocumentationTest {

    /** The target of a Markdown link, {@code [text](target)}. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    /** A document named in prose or in a source comment. */
    private static final Pattern DOCUMENT_NAME = Pattern.compile("\\bdocs/[A-Za-z0-9_-]+\\.md");
    /** Maven offline (-o) fails on a machine whose local Maven repository is still empty. */
    private static final Pattern OFFLINE_MAVEN = Pattern.compile("mvnw\\b.*\\s-o(\\s|$)");

    @Test
    void everyLinkAndEveryNamedDocumentLeadsSomewhere() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Map.Entry<Path, String> doc : ProjectDocs.markdown().entrySet()) {
            Matcher link = LINK.matcher(doc.getValue());
            while (link.find()) {
                String target = link.group(1);
                if (!target.matches("[a-z]+:.*") && !leadsSomewhere(doc.getKey(), target)) {
                    broken.add(doc.getKey() + ": (" + target + ")");
                }
            }
        }
        for (Path file : textFiles()) {
            Matcher name = DOCUMENT_NAME.matcher(Files.readString(file));
            while (name.find()) {
                if (!Files.isRegularFile(Path.of(name.group()))) {
                    broken.add(file + ": " + name.group());
                }
            }
        }
        assertEquals(List.of(), broken, "links and document names that lead nowhere");
    }

    @Test
    void noCommandToCopyNeedsAFilledMavenRepository() throws IOException {
        List<String> offline = new ArrayList<>();
        List<Path> files = new ArrayList<>(ProjectDocs.markdown().keySet());
        files.addAll(List.of(Path.of("pom.xml"), Path.of(".ci/run"), Path.of("docker/Dockerfile")));
        for (Path file : files) {
            Files.readAllLines(file).stream().filter(line -> OFFLINE_MAVEN.matcher(line).find())
                    .forEach(line -> offline.add(file + ": " + line.strip()));
        }
        assertEquals(List.of(), offline, "Maven run offline (-o)");
    }

    @Test
    void shellBlocksAreFencedAsBash() throws IOException {
        List<String> plainSh = new ArrayList<>();
        for (Map.Entry<Path, String> doc : ProjectDocs.markdown().entrySet()) {
            doc.getValue().lines().filter(line -> line.strip().matches("```(sh|shell)"))
                    .forEach(line -> plainSh.add(doc.getKey() + ": " + line));
        }
        assertEquals(List.of(), plainSh, "shell blocks use bash ($(...), ${VAR/a/b}, functions) and say so");
    }

    /** A relative link: the file exists, and so does the heading its #anchor names. */
    private static boolean leadsSomewhere(Path doc, String target) throws IOException {
        int hash = target.indexOf('#');
        Path file = hash == 0 ? doc : doc.resolveSibling(hash < 0 ? target : target.substring(0, hash));
        if (!Files.exists(file)) {
            return false;
        }
        if (hash < 0) {
            return true;
        }
        String anchor = target.substring(hash + 1);
        return Files.readAllLines(file).stream().filter(line -> line.startsWith("#"))
                .anyMatch(heading -> anchorOf(heading).equals(anchor));
    }

    /** The anchor a Markdown renderer gives a heading: lower case, punctuation dropped, spaces as '-'. */
    private static String anchorOf(String heading) {
        return heading.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    /** Files whose comments and prose may name a document. */
    private static List<Path> textFiles() throws IOException {
        List<Path> files = new ArrayList<>(ProjectDocs.markdown().keySet());
        try (Stream<Path> sources = Files.walk(Path.of("src"))) {
            sources.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
        }
        return files;
    }
}
