package org.liosmis.schema;

import java.util.List;
import java.util.Locale;
import org.metricshub.wbem.javax.cim.CIMFlavor;

/**
 * Qualifier flavor words and their CIMFlavor bits. No bit set means the CIM defaults
 * EnableOverride and ToSubclass; each word sets or clears its bit.
 */
final class Flavors {

    private Flavors() {
    }

    static boolean isFlavor(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "enableoverride", "disableoverride", "tosubclass", "restricted", "translatable", "toinstance" -> true;
            default -> false;
        };
    }

    /** The flavor after applying the words, in order, to base. */
    static int apply(int base, List<String> words) {
        int flavor = base;
        for (String word : words) {
            flavor = switch (word.toLowerCase(Locale.ROOT)) {
                case "enableoverride" -> flavor & ~CIMFlavor.DISABLEOVERRIDE;
                case "disableoverride" -> flavor | CIMFlavor.DISABLEOVERRIDE;
                case "tosubclass" -> flavor & ~CIMFlavor.RESTRICTED;
                case "restricted" -> flavor | CIMFlavor.RESTRICTED;
                case "translatable" -> flavor | CIMFlavor.TRANSLATE;
                default -> flavor; // ToInstance has no JSR48 bit and no effect on classes
            };
        }
        return flavor;
    }

    static boolean inherited(int flavor) {
        return (flavor & CIMFlavor.RESTRICTED) == 0;
    }
}
