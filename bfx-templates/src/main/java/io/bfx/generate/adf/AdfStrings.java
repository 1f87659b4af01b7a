package io.bfx.generate.adf;

import java.util.ArrayList;
import java.util.List;

/**
 * Escaping for Azure Data Factory's expression language. ADF evaluates every string of an expression-capable
 * property: a value starting with {@code @} is an expression, and {@code @{...}} anywhere in it is interpolated.
 * Every user-derived value goes through one of these methods before it reaches a template (the template engine
 * then escapes it for JSON).
 *
 * <ul>
 *   <li>{@link #literal}: a plain value in a property ADF evaluates: a leading {@code @} becomes {@code @@} and
 *       {@code @{} becomes {@code @@{}, so ADF reads the value back unchanged.</li>
 *   <li>{@link #quote}: a value placed inside an expression as a string literal: {@code 'O''Brien'}.</li>
 *   <li>{@link #interpolate}: a string that mixes literal text and {@code @{...}} parts.</li>
 * </ul>
 */
public final class AdfStrings {

    private AdfStrings() {}

    /** A literal value for an expression-capable property: ADF reads it back exactly as {@code value}. */
    public static String literal(String value) {
        String t = escapeInterpolation(value);
        return t.startsWith("@") && !t.startsWith("@@{") ? "@" + t : t;
    }

    /** An ADF expression string literal: single quotes, embedded quotes doubled. */
    public static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** An expression: {@code @} followed by the expression body, for example {@code @pipeline().RunId}. */
    public static String expression(String body) {
        if (body.startsWith("@")) {
            throw new IllegalArgumentException("An expression body does not start with '@': " + body);
        }
        return "@" + body;
    }

    /** Starts a string that mixes literal text and interpolated expressions. */
    public static Interpolation interpolate() {
        return new Interpolation();
    }

    private static String escapeInterpolation(String text) {
        return text.replace("@{", "@@{");
    }

    /** Builds {@code "text @{expr} text"}; text parts are escaped, expression parts written as they are. */
    public static final class Interpolation {
        private final List<String> parts = new ArrayList<>();
        private boolean startsWithText;

        private Interpolation() {}

        /** Literal text (user-derived or not). */
        public Interpolation text(String text) {
            if (parts.isEmpty()) {
                startsWithText = true;
            }
            parts.add(escapeInterpolation(text));
            return this;
        }

        /** An interpolated expression body, written as {@code @{body}}. */
        public Interpolation expr(String body) {
            parts.add("@{" + body + "}");
            return this;
        }

        public String build() {
            String s = String.join("", parts);
            return startsWithText && s.startsWith("@") && !s.startsWith("@@{") ? "@" + s : s;
        }
    }
}
