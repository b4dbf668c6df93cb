package org.liosmis.datapath;

/** Byte counts as people read them in messages. */
final class Bytes {

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Bytes() {
    }

    /** E.g. "104857600 bytes (100.0 MiB)": exact for scripts, rounded for people. */
    static String describe(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        return String.format("%d bytes (%.1f %s)", bytes, bytes / Math.pow(1024, unit), UNITS[unit - 1]);
    }
}
