package io.bfx.templates;

/**
 * Escaping of plain string values for each output format. Each escaper assumes the template put the quotes around
 * the value; it makes sure nothing inside the value can end the quoted string.
 */
public final class Escapers {

    private Escapers() {}

    public static String escape(OutputFormat format, String value) {
        return switch (format) {
            case JSON -> json(value);
            case YAML -> yamlDoubleQuoted(value);
            case PYTHON -> python(value);
            case POWERSHELL -> powershellSingleQuoted(value);
            case SHELL -> shellSingleQuoted(value);
            case TEXT -> text(value);
            case SQL -> throw new TemplateException("A plain string reached a SQL template. SQL values must be typed "
                    + "(identifier, literal or fragment) so that they are escaped for their place; value: "
                    + abbreviate(value));
        };
    }

    /** Content of a JSON string (RFC 8259), also escaping U+2028/2029 for JavaScript-based readers. */
    public static String json(String s) {
        if (plain(s, false)) {
            return s; // the common case: nothing to escape, no copy
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Content of a YAML double-quoted scalar. */
    public static String yamlDoubleQuoted(String s) {
        if (plain(s, true)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    // YAML readers refuse the C1 controls (U+0080-U+009F) and U+FFFE/U+FFFF written raw
                    // ("special characters are not allowed"), so they are escaped like the C0 controls.
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
                            || c == 0xFFFE || c == 0xFFFF) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Content of a Python string literal in single or double quotes (not a raw or triple-quoted string). */
    public static String python(String s) {
        if (plain(s, false) && s.indexOf('\'') < 0 && s.indexOf(0x7F) < 0) {
            return s; // U+2028/2029 are written as they are, but plain() sends them the long way: same result
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * Content of a PowerShell single-quoted string: quotes are doubled. PowerShell also treats the typographic
     * single quotes as quote characters, so they are doubled too.
     */
    public static String powershellSingleQuoted(String s) {
        refuseControl(s, OutputFormat.POWERSHELL);
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c);
            if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Whether none of {@code s}'s characters is escaped by {@link #json} (control characters, quote, backslash,
     * U+2028/2029), and with {@code yaml} none of those {@link #yamlDoubleQuoted} escapes besides (C1 controls,
     * DEL, U+FEFF, U+FFFE, U+FFFF).
     */
    private static boolean plain(String s, boolean yaml) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x2028 || c == 0x2029) {
                return false;
            }
            if (yaml && ((c >= 0x7F && c <= 0x9F) || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF)) {
                return false;
            }
        }
        return true;
    }

    /** Content of a POSIX shell single-quoted string. */
    public static String shellSingleQuoted(String s) {
        refuseControl(s, OutputFormat.SHELL);
        return s.replace("'", "'\\''");
    }

    private static String text(String s) {
        refuseControl(s, OutputFormat.TEXT);
        return s;
    }

    private static void refuseControl(String s, OutputFormat f) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw new TemplateException("A control character cannot be written into " + f + " output: "
                        + abbreviate(s));
            }
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
