package org.liosmis.schema;

/**
 * One lexical unit of MOF text. Keywords are plain identifiers: MOF keywords are
 * case-insensitive and also legal as names (a qualifier called Association, a property
 * called Description), so the parser decides from context.
 */
record MofToken(Kind kind, String text, Object value, int line) {

    enum Kind {
        IDENTIFIER,
        /** value: the unescaped String */
        STRING,
        /** value: the Character */
        CHAR,
        /** value: a BigInteger */
        INTEGER,
        /** value: a Double */
        REAL,
        /** "$name", value: the name */
        ALIAS,
        PUNCTUATION,
        END
    }

    boolean is(String punctuationOrWord) {
        return (kind == Kind.PUNCTUATION || kind == Kind.IDENTIFIER) && text.equalsIgnoreCase(punctuationOrWord);
    }

    String describe() {
        return switch (kind) {
            case END -> "end of file";
            case STRING -> "string \"" + text + "\"";
            default -> "'" + text + "'";
        };
    }
}
