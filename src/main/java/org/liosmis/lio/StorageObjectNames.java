package org.liosmis.lio;

/** Checks a storage object name before it becomes a configfs directory name. */
public final class StorageObjectNames {

    /** Keeps names well inside NAME_MAX and readable in targetcli. */
    public static final int MAX_LENGTH = 128;

    private StorageObjectNames() {
    }

    /** Returns {@code name} or says precisely what is wrong with it. */
    public static String validate(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a storage object name must not be empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("'" + name + "' cannot be a storage object name");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("storage object name '" + name + "' is longer than "
                    + MAX_LENGTH + " characters");
        }
        for (char c : name.toCharArray()) {
            if (c == '/' || c == 0 || Character.isISOControl(c) || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("storage object name '" + name
                        + "' contains '/', whitespace or a control character");
            }
        }
        return name;
    }
}
