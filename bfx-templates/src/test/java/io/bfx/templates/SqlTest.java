package io.bfx.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SqlTest {

    /**
     * Reads a Spark SQL string literal starting at {@code start} (its opening quote), with the unescaping rules of
     * Spark's {@code ParserUtils.unescapeSQLString}: a backslash escapes the next character ({@code \n}, {@code \t},
     * {@code \r}, {@code \b}, {@code \0}, {@code \Z} name control characters; {@code \%} and {@code \_} keep their
     * backslash; anything else stands for itself); an unescaped quote ends the literal.
     */
    static Map.Entry<String, Integer> readSparkLiteral(String text, int start) {
        char quote = text.charAt(start);
        StringBuilder b = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                return Map.entry(b.toString(), i + 1);
            }
            if (c == '\\') {
                char n = text.charAt(i + 1);
                switch (n) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case '0' -> b.append('\0');
                    case 'Z' -> b.append('\u001A');
                    case '%', '_' -> b.append('\\').append(n);
                    default -> b.append(n);
                }
                i += 2;
            } else {
                b.append(c);
                i++;
            }
        }
        throw new AssertionError("unterminated literal: " + text);
    }

    /** Reads a Spark SQL backquoted identifier: a doubled backtick stands for one, a single one ends it. */
    static Map.Entry<String, Integer> readBackquoted(String text, int start) {
        StringBuilder b = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '`') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '`') {
                    b.append('`');
                    i += 2;
                    continue;
                }
                return Map.entry(b.toString(), i + 1);
            }
            b.append(c);
            i++;
        }
        throw new AssertionError("unterminated identifier: " + text);
    }

    static List<String> literalValues() {
        List<String> out = new ArrayList<>(Hostile.printable());
        out.add("new\nline");
        out.add("cr\rlf\r\n");
        out.add("tab\t");
        out.add("50% off_\\%\\_");
        out.add("\\");
        out.add("'; DROP TABLE t; --");
        return out;
    }

    @ParameterizedTest
    @MethodSource("literalValues")
    void literalRoundTripsAndEndsAtItsClosingQuote(String value) {
        String statement = "SELECT " + Sql.literal(value).sql() + " AS x FROM t";
        Map.Entry<String, Integer> read = readSparkLiteral(statement, "SELECT ".length());
        assertEquals(value, read.getKey());
        assertEquals(" AS x FROM t", statement.substring(read.getValue()));
    }

    @Test
    void literalEscapesQuotesBackslashesAndBreaks() {
        assertEquals("'it\\'s'", Sql.literal("it's").sql());
        assertEquals("'a\\\\b'", Sql.literal("a\\b").sql());
        assertEquals("'a\\nb\\rc\\td'", Sql.literal("a\nb\rc\td").sql());
        assertEquals("'say \"hi\"'", Sql.literal("say \"hi\"").sql());
        assertEquals("''", Sql.literal("").sql());
        assertEquals("'\\\\\\''", Sql.literal("\\'").sql());
        assertEquals(Sql.literal("x").sql(), Sql.literal("x").toString());
    }

    @Test
    void literalRefusesOtherControlCharacters() {
        for (char c = 0; c < 0x20; c++) {
            if (c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            String v = "a" + c + "b";
            assertThrows(TemplateException.class, () -> Sql.literal(v).sql(), "U+" + (int) c);
        }
        assertThrows(TemplateException.class, () -> Sql.literal("a\u007Fb").sql());
        assertThrows(NullPointerException.class, () -> Sql.literal(null));
    }

    @Test
    void identifierIsBackquotedWithBackticksDoubled() {
        assertEquals("`orders`", Sql.identifier("orders").sql());
        assertEquals("`a``b`", Sql.identifier("a`b").sql());
        assertEquals("``````", Sql.identifier("``").sql());
        assertEquals("`x`` FROM t; DROP TABLE t; --`", Sql.identifier("x` FROM t; DROP TABLE t; --").sql());
        assertEquals("`it's \"q\"`", Sql.identifier("it's \"q\"").sql());
    }

    @Test
    void qualifiedNameQuotesEachPartSeparately() {
        Sql.Identifier id = Sql.identifier("main", "sales.eu", "ord`ers");
        assertEquals("`main`.`sales.eu`.`ord``ers`", id.sql());
        assertEquals("main.sales.eu.ord`ers", id.plain());
        assertEquals(id.sql(), id.toString());
        assertEquals(List.of("main", "sales.eu", "ord`ers"), id.parts());
        // Read it back: three parts, and nothing after the last one.
        String sql = id.sql();
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (true) {
            Map.Entry<String, Integer> read = readBackquoted(sql, i);
            parts.add(read.getKey());
            i = read.getValue();
            if (i == sql.length()) {
                break;
            }
            assertEquals('.', sql.charAt(i));
            i++;
        }
        assertEquals(id.parts(), parts);
    }

    @ParameterizedTest
    @MethodSource("io.bfx.templates.Hostile#printable")
    void identifierRoundTrips(String part) {
        if (part.isEmpty() || part.contains("\t")) {
            return; // refused, see identifierRefusesEmptyPartsAndControlCharacters
        }
        String sql = Sql.identifier(part).sql() + " AS y";
        Map.Entry<String, Integer> read = readBackquoted(sql, 0);
        assertEquals(part, read.getKey());
        assertEquals(" AS y", sql.substring(read.getValue()));
    }

    @Test
    void identifierRefusesEmptyPartsAndControlCharacters() {
        assertThrows(IllegalArgumentException.class, () -> Sql.identifier());
        assertThrows(IllegalArgumentException.class, () -> Sql.identifier(""));
        assertThrows(IllegalArgumentException.class, () -> Sql.identifier("a", "", "b"));
        assertThrows(NullPointerException.class, () -> Sql.identifier("a", null));
        for (char c = 0; c < 0x20; c++) {
            String v = "a" + c + "b";
            assertThrows(TemplateException.class, () -> Sql.identifier("ok", v).sql(), "U+" + (int) c);
        }
        assertThrows(TemplateException.class, () -> Sql.identifier("a\u007Fb").sql());
    }

    @Test
    void identifierPartsAreCopied() {
        List<String> parts = new ArrayList<>(List.of("a", "b"));
        Sql.Identifier id = new Sql.Identifier(parts);
        parts.set(0, "x`; --");
        assertEquals("`a`.`b`", id.sql());
    }

    @Test
    void fragmentsAndNumbersAreWrittenAsGiven() {
        assertEquals("CAST(x AS BIGINT)", Sql.fragment("CAST(x AS BIGINT)").sql());
        assertEquals("-42", Sql.number(-42).sql());
        assertEquals("9223372036854775807", Sql.number(Long.MAX_VALUE).toString());
    }
}
