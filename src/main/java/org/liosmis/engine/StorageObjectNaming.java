package org.liosmis.engine;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Turns a client's ElementName into a storage object and backing file name that is safe in
 * configfs and can never leave the pool directory: only letters, digits, '-' and '_'.
 */
final class StorageObjectNaming {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_-]+");
    private static final int MAX_LENGTH = 48;

    private StorageObjectNaming() {
    }

    /**
     * A name derived from the ElementName that taken() does not reject.
     *
     * @param storageRules makes the name acceptable to what holds the data (LVM reserves some names)
     */
    static String derive(String elementName, UnaryOperator<String> storageRules, Predicate<String> taken) {
        String base = UNSAFE.matcher(elementName).replaceAll("_").replaceAll("^[_-]+", "");
        if (base.isEmpty()) {
            base = "replica";
        }
        base = storageRules.apply(base.substring(0, Math.min(base.length(), MAX_LENGTH)));
        String name = base;
        for (int n = 2; taken.test(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }
}
