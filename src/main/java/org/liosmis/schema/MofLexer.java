package org.liosmis.schema;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Splits MOF text (DSP0004) into tokens, dropping whitespace and comments. */
final class MofLexer {

    private static final String PUNCTUATION = "[](){},;:=#";

    private final String file;
    private final String text;
    private int pos;
    private int line = 1;

    private MofLexer(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /** Every token of the text, ending with one END token. */
    static List<MofToken> tokenize(String file, String text) {
        return new MofLexer(file, text).run();
    }

    private List<MofToken> run() {
        List<MofToken> tokens = new ArrayList<>(text.length() / 8);
        while (true) {
            skipBlanksAndComments();
            if (pos >= text.length()) {
                tokens.add(new MofToken(MofToken.Kind.END, "", null, line));
                return tokens;
            }
            tokens.add(nextToken());
        }
    }

    private void skipBlanksAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else if (text.startsWith("//", pos)) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                int startLine = line;
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new MofException(file, startLine, "unterminated comment");
                }
                countLines(pos, end);
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private MofToken nextToken() {
        char c = text.charAt(pos);
        if (c == '"') {
            return string();
        }
        if (c == '\'') {
            return character();
        }
        if (c == '$') {
            pos++;
            String name = identifierText();
            if (name.isEmpty()) {
                throw new MofException(file, line, "alias name expected after '$'");
            }
            return new MofToken(MofToken.Kind.ALIAS, "$" + name, name, line);
        }
        if (startsNumber()) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            String word = identifierText();
            return new MofToken(MofToken.Kind.IDENTIFIER, word, null, line);
        }
        if (PUNCTUATION.indexOf(c) >= 0) {
            pos++;
            return new MofToken(MofToken.Kind.PUNCTUATION, String.valueOf(c), null, line);
        }
        throw new MofException(file, line, "unexpected character '" + c + "'");
    }

    private String identifierText() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private boolean startsNumber() {
        char c = text.charAt(pos);
        int next = pos;
        if (c == '+' || c == '-') {
            next++;
        }
        if (next >= text.length()) {
            return false;
        }
        char d = text.charAt(next);
        return Character.isDigit(d) || (d == '.' && next + 1 < text.length() && Character.isDigit(text.charAt(next + 1)));
    }

    private MofToken number() {
        int start = pos;
        boolean negative = text.charAt(pos) == '-';
        if (text.charAt(pos) == '+' || negative) {
            pos++;
        }
        int digitsStart = pos;
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            pos += 2;
            int hexStart = pos;
            while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
                pos++;
            }
            if (hexStart == pos) {
                throw new MofException(file, line, "hexadecimal digits expected");
            }
            return integer(start, text.substring(hexStart, pos), 16, negative);
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        boolean real = false;
        if (pos + 1 < text.length() && text.charAt(pos) == '.' && Character.isDigit(text.charAt(pos + 1))) {
            real = true;
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E') && exponentFollows()) {
            real = true;
            pos++;
            if (text.charAt(pos) == '+' || text.charAt(pos) == '-') {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        String digits = text.substring(digitsStart, pos);
        if (real) {
            String literal = text.substring(start, pos);
            return new MofToken(MofToken.Kind.REAL, literal, Double.parseDouble(literal), line);
        }
        if (pos < text.length() && (text.charAt(pos) == 'b' || text.charAt(pos) == 'B') && !identifierCharAt(pos + 1)
                && digits.chars().allMatch(ch -> ch == '0' || ch == '1')) {
            pos++;
            return integer(start, digits, 2, negative);
        }
        if (identifierCharAt(pos)) {
            throw new MofException(file, line, "malformed number '" + text.substring(start, pos + 1) + "'");
        }
        boolean octal = digits.length() > 1 && digits.charAt(0) == '0';
        if (octal && !digits.chars().allMatch(ch -> ch >= '0' && ch <= '7')) {
            throw new MofException(file, line, "malformed octal number '" + digits + "'");
        }
        return integer(start, digits, octal ? 8 : 10, negative);
    }

    private boolean exponentFollows() {
        int next = pos + 1;
        if (next < text.length() && (text.charAt(next) == '+' || text.charAt(next) == '-')) {
            next++;
        }
        return next < text.length() && Character.isDigit(text.charAt(next));
    }

    private boolean identifierCharAt(int at) {
        return at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_');
    }

    private MofToken integer(int start, String digits, int radix, boolean negative) {
        BigInteger magnitude = new BigInteger(digits, radix);
        return new MofToken(MofToken.Kind.INTEGER, text.substring(start, pos), negative ? magnitude.negate() : magnitude, line);
    }

    private MofToken string() {
        int startLine = line;
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n') {
                throw new MofException(file, startLine, "unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return new MofToken(MofToken.Kind.STRING, value.toString(), value.toString(), startLine);
            }
            value.append(c == '\\' ? escape() : c);
        }
    }

    private MofToken character() {
        int startLine = line;
        pos++;
        if (pos >= text.length()) {
            throw new MofException(file, startLine, "unterminated character literal");
        }
        char c = text.charAt(pos++);
        char value = c == '\\' ? escape() : c;
        if (pos >= text.length() || text.charAt(pos) != '\'') {
            throw new MofException(file, startLine, "unterminated character literal");
        }
        pos++;
        return new MofToken(MofToken.Kind.CHAR, String.valueOf(value), value, startLine);
    }

    /** Reads the escape after a backslash, per DSP0004: \b \t \n \f \r \" \' \\ and \x followed by 1-4 hex digits. */
    private char escape() {
        if (pos >= text.length()) {
            throw new MofException(file, line, "unterminated escape sequence");
        }
        char c = text.charAt(pos++);
        return switch (c) {
            case 'b' -> '\b';
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'f' -> '\f';
            case 'r' -> '\r';
            case '"', '\'', '\\' -> c;
            case 'x', 'X' -> hexEscape();
            default -> throw new MofException(file, line, "invalid escape sequence '\\" + c + "'");
        };
    }

    private char hexEscape() {
        int start = pos;
        while (pos < text.length() && pos - start < 4 && Character.digit(text.charAt(pos), 16) >= 0) {
            pos++;
        }
        if (start == pos) {
            throw new MofException(file, line, "hexadecimal digits expected after '\\x'");
        }
        return (char) Integer.parseInt(text.substring(start, pos), 16);
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
    }
}
