package org.liosmis.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class MofLexerTest {

    private static List<MofToken> tokens(String text) {
        return MofLexer.tokenize("t.mof", text);
    }

    private static Object value(String text) {
        return tokens(text).getFirst().value();
    }

    @Test
    void integersInEveryRadix() {
        assertEquals(BigInteger.valueOf(42), value("42"));
        assertEquals(BigInteger.valueOf(-42), value("-42"));
        assertEquals(BigInteger.valueOf(7), value("+7"));
        assertEquals(BigInteger.ZERO, value("0"));
        assertEquals(BigInteger.valueOf(0x8000), value("0x8000"));
        assertEquals(BigInteger.valueOf(-255), value("-0XfF"));
        assertEquals(BigInteger.valueOf(5), value("101b"));
        assertEquals(BigInteger.valueOf(8), value("010"));
        assertEquals(new BigInteger("18446744073709551615"), value("18446744073709551615"));
    }

    @Test
    void reals() {
        assertEquals(1.5, value("1.5"));
        assertEquals(-0.25, value("-.25"));
        assertEquals(2.5e-3, value("2.5E-3"));
        assertEquals(MofToken.Kind.REAL, tokens("3e2").getFirst().kind());
    }

    @Test
    void stringsWithEscapes() {
        assertEquals("a\"b\\c\nd\te\u00e9'", value("\"a\\\"b\\\\c\\nd\\te\\x00E9\\'\""));
        assertEquals('x', value("'x'"));
        assertEquals('\n', value("'\\n'"));
    }

    @Test
    void commentsAndLineNumbers() {
        List<MofToken> tokens = tokens("// first\nclass /* a\n comment */ X\n{\n};");
        assertEquals(List.of("class", "X", "{", "}", ";", ""), tokens.stream().map(MofToken::text).toList());
        assertEquals(List.of(2, 3, 4, 5, 5, 5), tokens.stream().map(MofToken::line).toList());
    }

    @Test
    void aliasesAndPunctuation() {
        List<MofToken> tokens = tokens("as $Pool1 [ ] ( ) { } , ; : = #");
        assertEquals(MofToken.Kind.ALIAS, tokens.get(1).kind());
        assertEquals("Pool1", tokens.get(1).value());
        assertEquals(14, tokens.size());
    }

    @Test
    void errorsCarryTheirLine() {
        assertEquals(2, assertThrows(MofException.class, () -> tokens("\n\"open\nnext")).line());
        assertEquals(3, assertThrows(MofException.class, () -> tokens("\n\n\"bad \\q escape\"")).line());
        assertEquals(1, assertThrows(MofException.class, () -> tokens("/* never\n closed")).line());
        MofException unexpected = assertThrows(MofException.class, () -> tokens("a\nb\n  @"));
        assertEquals("t.mof:3: unexpected character '@'", unexpected.getMessage());
        assertEquals(1, assertThrows(MofException.class, () -> tokens("12abc")).line());
        assertEquals(1, assertThrows(MofException.class, () -> tokens("09")).line());
    }
}
