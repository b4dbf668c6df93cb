package org.liosmis.lio.configfs.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses what is written to a storage object's {@code control}: key=value tokens. */
final class ControlTokens {

    private ControlTokens() {
    }

    /** Tokens are separated by commas or newlines; tokens without '=' are skipped like the kernel's parser does. */
    static Map<String, String> parse(String text) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String token : text.split("[,\n]")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                tokens.put(token.substring(0, eq).strip(), token.substring(eq + 1).strip());
            }
        }
        return tokens;
    }
}
