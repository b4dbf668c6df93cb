package org.liosmis.schema;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The MOF we ship is our own declaration: no copied notices and no documentation text from the schema. */
class ResourceProvenanceTest {

    @Test
    void shippedMofCarriesNoThirdPartyNoticeOrDescriptions() throws IOException {
        List<Path> files;
        try (Stream<Path> resources = Files.walk(Path.of("src/main/resources/org/liosmis/schema"));
                Stream<Path> project = Files.walk(Path.of("mof"))) {
            files = Stream.concat(resources, project).filter(p -> p.toString().endsWith(".mof")).toList();
        }
        assertTrue(files.size() > 10);
        for (Path file : files) {
            String text = Files.readString(file).toLowerCase(Locale.ROOT);
            assertFalse(text.contains("distributed management task force"), file.toString());
            assertFalse(text.contains("copyright"), file.toString());
            if (file.startsWith("src")) {
                assertFalse(text.contains("description ("), file + " has description text");
                assertFalse(text.contains("description("), file + " has description text");
            }
        }
    }
}
