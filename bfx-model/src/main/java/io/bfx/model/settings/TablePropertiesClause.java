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
        for (String pair : body.split(",")) {
            int eq = pair.indexOf('=');
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
            out.put(key, value);
        }
        return out;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && ((s.startsWith("'") && s.endsWith("'")) || (s.startsWith("`") && s.endsWith("`"))
                || (s.startsWith("\"") && s.endsWith("\"")))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
