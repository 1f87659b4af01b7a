package io.bfx.model.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses BimlFlex's {@code DatabricksTableProperties} clause into key/value pairs, so that bfx renders (and
 * escapes) the properties itself instead of pasting user text into DDL.
 */
public final class TablePropertiesClause {

    private static final Pattern CLAUSE = Pattern.compile("(?is)^\\s*(?:TBLPROPERTIES\\s*)?\\((.*)\\)\\s*$");
    private static final Pattern KEY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.]*$");

    private TablePropertiesClause() {}

    public static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        Matcher m = CLAUSE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected TBLPROPERTIES (key = value, ...)");
        }
        String body = m.group(1).trim();
        if (body.isEmpty()) {
            return out;
        }
        // Commas and '=' inside quotes belong to the value: 'comment' = 'orders, lines' is one property. Splitting
        // the raw text on every comma refused that clause, which Databricks accepts.
        for (String pair : splitOutsideQuotes(body, ',')) {
            int eq = indexOutsideQuotes(pair, '=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected key = value in '" + pair.trim() + "'");
            }
            String key = unquote(pair.substring(0, eq).trim());
            String value = unquote(pair.substring(eq + 1).trim());
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("'" + key + "' is not a valid property key");
            }
            if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalArgumentException("property '" + key + "' has no valid value");
            }
            // Databricks refuses a clause that sets a key twice; keeping the last value silently dropped one.
            if (out.containsKey(key)) {
                throw new IllegalArgumentException("property '" + key + "' is given twice");
            }
            out.put(key, value);
        }
        return out;
    }

    private static java.util.List<String> splitOutsideQuotes(String text, char separator) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int start = 0;
        int at;
        while ((at = indexOutsideQuotes(text.substring(start), separator)) >= 0) {
            parts.add(text.substring(start, start + at));
            start += at + 1;
        }
        String last = text.substring(start);
        if (!last.isBlank()) {
            parts.add(last); // a trailing comma is tolerated, as before
        }
        return parts;
    }

    /** The first {@code c} that is not inside '...', "..." or `...`; an unclosed quote is refused. */
    private static int indexOutsideQuotes(String text, char c) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
            } else if (ch == c) {
                return i;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a quote (" + quote + ") is not closed in '" + text.trim() + "'");
        }
        return -1;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && ((s.startsWith("'") && s.endsWith("'")) || (s.startsWith("`") && s.endsWith("`"))
                || (s.startsWith("\"") && s.endsWith("\"")))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
