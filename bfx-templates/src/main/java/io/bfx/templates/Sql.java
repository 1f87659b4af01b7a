package io.bfx.templates;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Typed SQL values for SQL templates. A SQL template only accepts these, so every identifier is quoted with
 * backticks and every literal is quoted and escaped, whoever wrote the template and whatever the metadata holds.
 */
public sealed interface Sql {

    /** The SQL text of this value, ready to be placed in a statement. */
    String sql();

    /** A (possibly qualified) identifier: each part in backticks, embedded backticks doubled. */
    record Identifier(List<String> parts) implements Sql {
        public Identifier {
            parts = List.copyOf(parts);
            if (parts.isEmpty() || parts.stream().anyMatch(p -> p == null || p.isEmpty())) {
                throw new IllegalArgumentException("Identifier parts must not be empty: " + parts);
            }
        }

        @Override
        public String sql() {
            return parts.stream().map(Sql::quoteIdentifier).collect(Collectors.joining("."));
        }

        /** The name without quotes, as the user wrote it. */
        public String plain() {
            return String.join(".", parts);
        }

        @Override
        public String toString() {
            return sql();
        }
    }

    /** A string literal: single quotes, with backslash and quote escaped (Spark and Databricks SQL rules). */
    record Literal(String value) implements Sql {
        public Literal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String sql() {
            return quoteLiteral(value);
        }

        @Override
        public String toString() {
            return sql();
        }
    }

    /**
     * SQL text assembled by bfx's own code from typed pieces (identifiers, literals, keywords and types from a fixed
     * list). Never built from user text directly.
     */
    record Fragment(String text) implements Sql {
        @Override
        public String sql() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static Identifier identifier(String... parts) {
        return new Identifier(Arrays.asList(parts));
    }

    static Literal literal(String value) {
        return new Literal(value);
    }

    static Fragment fragment(String text) {
        return new Fragment(text);
    }

    /** Text for a {@code --} comment: control characters (which could end the comment) become spaces. */
    static Fragment comment(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.chars().forEach(c -> b.append(c < 0x20 || c == 0x7F ? ' ' : (char) c));
        return new Fragment(b.toString());
    }

    static Fragment number(long n) {
        return new Fragment(Long.toString(n));
    }

    static String quoteIdentifier(String part) {
        for (int i = 0; i < part.length(); i++) {
            // DEL is a control character too, as in Escapers: refused like the C0 controls.
            if (part.charAt(i) < 0x20 || part.charAt(i) == 0x7F) {
                throw new TemplateException("Control character in SQL identifier: " + part);
            }
        }
        return "`" + part.replace("`", "``") + "`";
    }

    static String quoteLiteral(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    // DEL is a control character too, as in Escapers: refused like the C0 controls.
                    if (c < 0x20 || c == 0x7F) {
                        throw new TemplateException("Control character in SQL literal");
                    }
                    b.append(c);
                }
            }
        }
        return b.append('\'').toString();
    }
}
