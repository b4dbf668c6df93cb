package org.liosmis.smis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liosmis.testing.ProjectDocs;

/** A document that lists the registered profiles lists every profile the server registers. */
class RegisteredProfilesInDocsTest {

    @Test
    void everyListOfProfilesIsComplete() throws Exception {
        List<String> names = RegisteredProfileProvider.PROFILES.stream()
                .map(RegisteredProfileProvider.Profile::registeredName).toList();
        // "Array" alone is too common a word to mark a list of profiles
        List<String> markers = names.stream().filter(name -> !name.equals("Array")).toList();
        List<String> incomplete = new ArrayList<>();
        for (Map.Entry<Path, String> doc : ProjectDocs.markdown().entrySet()) {
            for (String paragraph : ProjectDocs.paragraphs(doc.getValue())) {
                if (markers.stream().anyMatch(paragraph::contains)
                        && !names.stream().allMatch(paragraph::contains)) {
                    incomplete.add(doc.getKey() + ": " + paragraph);
                }
            }
        }
        assertEquals(List.of(), incomplete, "paragraphs naming only some of " + names);
    }
}
