package io.bfx.templates;

import java.util.Objects;

/**
 * A complete Python string literal for multi-line text (SQL statements in a notebook), written triple-quoted so
 * that a reader sees the SQL as SQL. In a Python template it is written as the whole literal, quotes included:
 * {@code spark.sql({{statement}})}.
 */
public record PythonText(String value) {

    public PythonText {
        Objects.requireNonNull(value, "value");
    }

    /** The literal: {@code """...""" } with backslashes, double quotes and control characters escaped. */
    public String literal() {
        if (plain()) {
            return "\"\"\"" + value + "\"\"\""; // the common case: nothing to escape, one copy
        }
        StringBuilder b = new StringBuilder(value.length() + 8).append("\"\"\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append('\n');
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
        return b.append("\"\"\"").toString();
    }

    /** Whether {@link #literal} escapes none of the value's characters. */
    private boolean plain() {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"' || (c < 0x20 && c != '\n') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return literal();
    }
}
