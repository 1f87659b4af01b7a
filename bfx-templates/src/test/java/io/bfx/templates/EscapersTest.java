package io.bfx.templates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

class EscapersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> all() {
        return Hostile.all();
    }

    static List<String> printable() {
        return Hostile.printable();
    }

    static List<String> withControls() {
        return Hostile.withControls();
    }

    // ---------------------------------------------------------------- JSON

    @ParameterizedTest
    @MethodSource("all")
    void jsonRoundTripsThroughJackson(String value) throws Exception {
        String escaped = Escapers.json(value);
        JsonNode node = JSON.readTree("{\"v\": \"" + escaped + "\"}");
        assertEquals(value, node.get("v").textValue());
        assertEquals(1, node.size(), "the value must not end the string and add members");
    }

    @ParameterizedTest
    @MethodSource("all")
    void jsonOutputHasNoRawControlOrLineSeparator(String value) {
        String escaped = Escapers.json(value);
        for (char c : escaped.toCharArray()) {
            assertFalse(c < 0x20 || c == '\u2028' || c == '\u2029', () -> "raw U+" + Integer.toHexString(c));
        }
    }

    @Test
    void jsonEscapesTheWayTheSpecSays() {
        assertEquals("a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0000\\u001f\\u2028\\u2029'", Escapers.json(
                "a\"b\\c\n\r\t\b\f\0\u001F\u2028\u2029'"));
        assertEquals("\u00e9\uD83D\uDE00\u007F", Escapers.json("\u00e9\uD83D\uDE00\u007F"));
    }

    @Test
    void jsonIsAlsoValidForAStrictParserRefusingControlCharacters() throws Exception {
        // Jackson refuses raw control characters in strings unless told otherwise: prove the default is in force.
        assertFalse(JSON.getFactory().isEnabled(JsonParser.Feature.ALLOW_UNQUOTED_CONTROL_CHARS));
        assertThrows(Exception.class, () -> JSON.readTree("{\"v\": \"a\nb\"}"));
    }

    // ---------------------------------------------------------------- YAML

    @ParameterizedTest
    @MethodSource("all")
    void yamlRoundTripsThroughSnakeYaml(String value) {
        String document = "v: \"" + Escapers.yamlDoubleQuoted(value) + "\"\nw: after\n";
        Map<String, Object> map = new Yaml().load(document);
        assertEquals(value, map.get("v"));
        assertEquals("after", map.get("w"));
        assertEquals(2, map.size());
    }

    @Test
    void yamlEscapesQuotesBackslashesAndBreaks() {
        assertEquals("\\\"\\\\\\n\\r\\t\\u0000\\u007f\\u0085\\u2028\\u2029\\ufeff'#: ",
                Escapers.yamlDoubleQuoted("\"\\\n\r\t\0\u007F\u0085\u2028\u2029\uFEFF'#: "));
    }

    // ---------------------------------------------------------------- Python

    @Test
    void pythonRoundTripsThroughPython3InBothQuoteStyles() {
        List<String> values = all();
        StringBuilder source = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String e = Escapers.python(values.get(i));
            source.append("s").append(i).append(" = '").append(e).append("'\n");
            source.append("d").append(i).append(" = \"").append(e).append("\"\n");
            names.add("s" + i);
            names.add("d" + i);
        }
        List<List<Integer>> got = Interpreters.python(source.toString(), names.toArray(String[]::new));
        for (int i = 0; i < values.size(); i++) {
            List<Integer> expected = Interpreters.codePoints(values.get(i));
            assertEquals(expected, got.get(2 * i), "single-quoted value " + i);
            assertEquals(expected, got.get(2 * i + 1), "double-quoted value " + i);
        }
    }

    @Test
    void pythonOutputHasNoRawLineBreakOrControl() {
        for (String value : all()) {
            for (char c : Escapers.python(value).toCharArray()) {
                assertFalse(c < 0x20 || c == 0x7F, () -> "raw control U+" + Integer.toHexString(c));
            }
        }
        assertEquals("\\\\\\'\\\"\\n\\r\\t\\x00\\x1b\\x7f", Escapers.python("\\'\"\n\r\t\0\u001B\u007F"));
    }

    // ---------------------------------------------------------------- POSIX shell

    @Test
    void shellRoundTripsThroughBashAndSh() {
        for (String shell : List.of("bash", "sh")) {
            for (String value : printable()) {
                String script = "v='" + Escapers.shellSingleQuoted(value) + "'\nprintf %s \"$v\"\n";
                assertArrayEquals(value.getBytes(StandardCharsets.UTF_8), Interpreters.shell(shell, script),
                        () -> shell + " on " + value);
                String direct = "printf %s '" + Escapers.shellSingleQuoted(value) + "'";
                assertArrayEquals(value.getBytes(StandardCharsets.UTF_8), Interpreters.shell(shell, direct),
                        () -> shell + " on " + value);
            }
        }
    }

    @Test
    void shellEndsAndReopensTheQuoteAroundAQuote() {
        assertEquals("it'\\''s", Escapers.shellSingleQuoted("it's"));
        assertEquals("'\\'''\\''", Escapers.shellSingleQuoted("''"));
        assertEquals("$HOME `x` \"y\" \\", Escapers.shellSingleQuoted("$HOME `x` \"y\" \\"));
    }

    @ParameterizedTest
    @MethodSource("withControls")
    void shellRefusesControlCharacters(String value) {
        assertThrows(TemplateException.class, () -> Escapers.shellSingleQuoted(value));
        assertThrows(TemplateException.class, () -> Escapers.escape(OutputFormat.SHELL, value));
    }

    // ---------------------------------------------------------------- PowerShell

    /** PowerShell's single-quote characters (the language specification, 2.3.5.2). */
    static final String PS_QUOTES = "'\u2018\u2019\u201A\u201B";

    /**
     * Reads a PowerShell single-quoted string starting at {@code start} (its opening quote) the way the language
     * specification defines it: a quote character followed by another one stands for one quote character; a lone
     * one ends the string. Returns the value and the index after the closing quote.
     */
    static Map.Entry<String, Integer> readPowerShellSingleQuoted(String text, int start) {
        assertTrue(PS_QUOTES.indexOf(text.charAt(start)) >= 0);
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= text.length()) {
                throw new AssertionError("unterminated string: " + text);
            }
            char c = text.charAt(i);
            if (PS_QUOTES.indexOf(c) >= 0) {
                if (i + 1 < text.length() && PS_QUOTES.indexOf(text.charAt(i + 1)) >= 0) {
                    value.append(text.charAt(i + 1));
                    i += 2;
                    continue;
                }
                return Map.entry(value.toString(), i + 1);
            }
            value.append(c);
            i++;
        }
    }

    @ParameterizedTest
    @MethodSource("printable")
    void powershellStringEndsExactlyAtTheClosingQuote(String value) {
        String statement = "$v = '" + Escapers.powershellSingleQuoted(value) + "'; Remove-Item -Recurse C:\\";
        Map.Entry<String, Integer> read = readPowerShellSingleQuoted(statement, statement.indexOf('\''));
        assertEquals(value, read.getKey());
        assertEquals("; Remove-Item -Recurse C:\\", statement.substring(read.getValue()));
    }

    @ParameterizedTest
    @ValueSource(chars = {'\'', '\u2018', '\u2019', '\u201A', '\u201B'})
    void powershellDoublesEverySingleQuoteCharacter(char quote) {
        assertEquals("a" + quote + quote + "b", Escapers.powershellSingleQuoted("a" + quote + "b"));
        assertEquals("" + quote + quote + quote + quote, Escapers.powershellSingleQuoted("" + quote + quote));
    }

    @Test
    void powershellLeavesWhatIsNotSpecialInSingleQuotesAlone() {
        // No expansion in single-quoted strings: $, backtick and double quotes (also typographic) are plain text.
        String s = "$env:PATH `n \"x\" \u201Cy\u201D \u201Ez\u201F \\ @() $(Get-Date)\ttab";
        assertEquals(s, Escapers.powershellSingleQuoted(s));
    }

    @ParameterizedTest
    @MethodSource("withControls")
    void powershellRefusesControlCharacters(String value) {
        assertThrows(TemplateException.class, () -> Escapers.powershellSingleQuoted(value));
        assertThrows(TemplateException.class, () -> Escapers.escape(OutputFormat.POWERSHELL, value));
    }

    // ---------------------------------------------------------------- Text and SQL

    @ParameterizedTest
    @MethodSource("printable")
    void textWritesPrintableValuesAsIs(String value) {
        assertEquals(value, Escapers.escape(OutputFormat.TEXT, value));
    }

    @ParameterizedTest
    @MethodSource("withControls")
    void textRefusesControlCharacters(String value) {
        assertThrows(TemplateException.class, () -> Escapers.escape(OutputFormat.TEXT, value));
    }

    @Test
    void everyControlCharacterButTabIsRefusedByTheQuotingFormats() {
        for (OutputFormat f : List.of(OutputFormat.SHELL, OutputFormat.POWERSHELL, OutputFormat.TEXT)) {
            for (char c = 0; c < 0x20; c++) {
                String v = "a" + c + "b";
                if (c == '\t') {
                    assertEquals(v, Escapers.escape(f, v));
                } else {
                    assertThrows(TemplateException.class, () -> Escapers.escape(f, v), f + " U+" + (int) c);
                }
            }
            assertThrows(TemplateException.class, () -> Escapers.escape(f, "a\u007Fb"));
        }
    }

    @Test
    void aPlainStringCannotBeEscapedForSql() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> Escapers.escape(OutputFormat.SQL, "x'; DROP TABLE t; --"));
        assertTrue(e.getMessage().contains("SQL"), e.getMessage());
    }

    @Test
    void everyFormatGoesToItsOwnEscaper() {
        String v = "a'b\"c\\d";
        assertEquals(Escapers.json(v), Escapers.escape(OutputFormat.JSON, v));
        assertEquals(Escapers.yamlDoubleQuoted(v), Escapers.escape(OutputFormat.YAML, v));
        assertEquals(Escapers.python(v), Escapers.escape(OutputFormat.PYTHON, v));
        assertEquals(Escapers.powershellSingleQuoted(v), Escapers.escape(OutputFormat.POWERSHELL, v));
        assertEquals(Escapers.shellSingleQuoted(v), Escapers.escape(OutputFormat.SHELL, v));
        assertEquals(v, Escapers.escape(OutputFormat.TEXT, v));
    }

    @Test
    void formatIsTakenFromTheTemplateName() {
        assertEquals(OutputFormat.JSON, OutputFormat.ofTemplate("adf/pipeline.json.mustache"));
        assertEquals(OutputFormat.YAML, OutputFormat.ofTemplate("bundle/job.yml.mustache"));
        assertEquals(OutputFormat.YAML, OutputFormat.ofTemplate("bundle/job.YAML.mustache"));
        assertEquals(OutputFormat.SQL, OutputFormat.ofTemplate("a.sql.mustache"));
        assertEquals(OutputFormat.PYTHON, OutputFormat.ofTemplate("a.py.mustache"));
        assertEquals(OutputFormat.POWERSHELL, OutputFormat.ofTemplate("a.ps1.mustache"));
        assertEquals(OutputFormat.SHELL, OutputFormat.ofTemplate("a.sh.mustache"));
        assertEquals(OutputFormat.TEXT, OutputFormat.ofTemplate("a.md.mustache"));
        assertEquals(OutputFormat.TEXT, OutputFormat.ofTemplate("a.txt.mustache"));
        assertEquals(OutputFormat.JSON, OutputFormat.ofTemplate("test/part.json"));
        assertThrows(IllegalArgumentException.class, () -> OutputFormat.ofTemplate("a.xml.mustache"));
    }
}
