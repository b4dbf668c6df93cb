package org.liosmis.lvm;

import java.util.List;
import java.util.Locale;

/** An LVM command failed; {@link #kind()} says what the engine can tell its client. */
public final class LvmException extends Exception {

    /** What LVM's error text says went wrong. */
    public enum Kind {
        /** the volume group or logical volume does not exist */
        NOT_FOUND,
        /** a logical volume of that name exists already */
        EXISTS,
        /** the volume group or thin pool has no room */
        NO_SPACE,
        /** another LVM command held the volume group for longer than lio-smis waits */
        LOCKED,
        /** the logical volume is open or busy */
        IN_USE,
        /** the logical volume's type does not allow the change: a thin volume cannot be raid1, a linear one has no leg */
        UNSUPPORTED,
        /** anything else: the message has LVM's own words */
        FAILED
    }

    private final Kind kind;

    LvmException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Classifies a failed command by its (C locale) error text. */
    static LvmException of(List<String> command, int exitCode, String stderr) {
        String text = stderr.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        Kind kind;
        if (lower.contains("can't get lock") || lower.contains("flock failed")) {
            kind = Kind.LOCKED;
        } else if (lower.contains("already exists")) {
            kind = Kind.EXISTS;
        } else if (lower.contains("insufficient free space") || lower.contains("insufficient suitable allocatable")
                || lower.contains("out of data space")
                || lower.contains("reached threshold")) {
            kind = Kind.NO_SPACE;
        } else if (lower.contains(" in use") || lower.contains("busy")) {
            kind = Kind.IN_USE;
        } else if (lower.contains("not found") || lower.contains("failed to find")) {
            kind = Kind.NOT_FOUND;
        } else if (lower.contains("not permitted on lv") || lower.contains("does not accept lv type")) {
            kind = Kind.UNSUPPORTED;
        } else {
            kind = Kind.FAILED;
        }
        return new LvmException(kind, String.join(" ", command) + " failed (exit " + exitCode + "): "
                + lastLines(text));
    }

    /** LVM's warnings come first; the error that matters is last. */
    private static String lastLines(String text) {
        String[] lines = text.lines().map(String::strip).filter(l -> !l.startsWith("WARNING")).toArray(String[]::new);
        return lines.length == 0 ? text : String.join(" ", lines);
    }
}
