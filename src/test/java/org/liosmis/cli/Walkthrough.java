package org.liosmis.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The wbemcli walk-through of a document, between its walkthrough markers, run as written
 * against a target: only its first line, saying where the server is, gives way to the
 * target's URL, and "$LIO/interop:" names the target's interop namespace.
 */
final class Walkthrough {

    private Walkthrough() {
    }

    /** The code of the block, less its first line (LIO=...), for the target. */
    static String script(Path document, DemoTarget target) throws Exception {
        String text = Files.readString(document);
        String block = text.substring(text.indexOf("<!-- walkthrough:start -->"), text.indexOf("<!-- walkthrough:end -->"));
        int fence = block.indexOf("```");
        List<String> lines = block.substring(block.indexOf('\n', fence) + 1, block.lastIndexOf("```")).lines().toList();
        assertTrue(lines.get(0).startsWith("LIO="), lines.get(0));
        return String.join("\n", lines.subList(1, lines.size()))
                .replace("$LIO/interop:", "$LIO/" + target.interopNamespace() + ":");
    }

    /** Runs (part of) a script with $LIO set to the target's URL. */
    static Wbemcli.Result run(String script, DemoTarget target) throws Exception {
        return Wbemcli.run(script, Map.of("LIO", target.url()));
    }
}
