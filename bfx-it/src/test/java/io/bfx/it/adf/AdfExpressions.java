package io.bfx.it.adf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An evaluator for the subset of Azure Data Factory's expression language the generated pipelines use, written
 * from the documentation (control-flow-expression-language-functions.md):
 *
 * <ul>
 *   <li>a JSON string starting with {@code @} is an expression; {@code @@} at the start stands for a literal
 *       {@code @}; a string containing {@code @{...}} is interpolated, {@code @@{} stands for a literal {@code @{};
 *       any other string is a literal;</li>
 *   <li>string literals in single quotes with {@code ''} for a quote, integers, {@code true}, {@code false},
 *       {@code null};</li>
 *   <li>functions {@code if, equals, not, or, and, string, concat, coalesce, activity, pipeline};</li>
 *   <li>property access {@code .name}, null-safe {@code ?.name} and {@code [index]}; reading a property that does
 *       not exist is an error, as in ADF.</li>
 * </ul>
 *
 * Values are String, Long, Boolean, null, Map (objects) and List (arrays).
 */
final class AdfExpressions {

    /** What {@code activity('X')} and {@code pipeline()} return. */
    record Context(Map<String, Object> activities, Map<String, Object> pipeline) {

        static Context of(Map<String, Object> activities, String pipelineName, String runId,
                Map<String, Object> parameters) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("Pipeline", pipelineName);
            p.put("RunId", runId);
            p.put("parameters", parameters);
            p.put("globalParameters", Map.of());
            return new Context(activities, p);
        }
    }

    /** Thrown for what ADF would refuse at run time or what this subset does not know. */
    static final class EvaluationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EvaluationException(String message) {
            super(message);
        }
    }

    private AdfExpressions() {}

    /** The value of a JSON string property, as ADF computes it. */
    static Object evaluate(String property, Context context) {
        if (property.startsWith("@@")) {
            return property.substring(1);
        }
        if (property.startsWith("@") && !property.startsWith("@{")) {
            return new Parser(property.substring(1), context).parseWhole();
        }
        if (property.contains("@{")) {
            return interpolate(property, context);
        }
        return property;
    }

    private static String interpolate(String s, Context context) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("@@{", i)) {
                out.append("@{");
                i += 3;
            } else if (s.startsWith("@{", i)) {
                int end = endOfInterpolation(s, i + 2);
                out.append(text(new Parser(s.substring(i + 2, end), context).parseWhole()));
                i = end + 1;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The index of the '}' closing an interpolation that starts at {@code from}; quotes are skipped. */
    private static int endOfInterpolation(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        throw new EvaluationException("Unclosed @{ in: " + s);
    }

    /** How ADF writes a value into a string. */
    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return v.toString();
    }

    private static final class Parser {
        private final String s;
        private final Context context;
        private int pos;

        Parser(String s, Context context) {
            this.s = s;
            this.context = context;
        }

        Object parseWhole() {
            Object v = expression();
            skipSpaces();
            if (pos != s.length()) {
                throw error("unexpected '" + s.substring(pos) + "'");
            }
            return v;
        }

        private EvaluationException error(String what) {
            return new EvaluationException(what + " at " + pos + " in: " + s);
        }

        private void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private boolean eat(String token) {
            skipSpaces();
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!eat(token)) {
                throw error("expected '" + token + "'");
            }
        }

        private Object expression() {
            Object v = primary();
            while (true) {
                if (eat("?.")) {
                    String name = identifier();
                    v = v == null ? null : property(v, name, true);
                } else if (eat(".")) {
                    v = property(v, identifier(), false);
                } else if (eat("[")) {
                    Object index = expression();
                    expect("]");
                    v = index(v, index);
                } else {
                    return v;
                }
            }
        }

        private Object primary() {
            skipSpaces();
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            if (c == '\'') {
                return stringLiteral();
            }
            if (Character.isDigit(c) || c == '-') {
                int start = pos++;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                String n = s.substring(start, pos);
                return n.contains(".") ? new BigDecimal(n) : (Object) Long.parseLong(n);
            }
            String name = identifier();
            switch (name) {
                case "true":
                    return Boolean.TRUE;
                case "false":
                    return Boolean.FALSE;
                case "null":
                    return null;
                default:
                    break;
            }
            expect("(");
            List<Object> args = new ArrayList<>();
            if (!eat(")")) {
                do {
                    args.add(expression());
                } while (eat(","));
                expect(")");
            }
            return call(name, args);
        }

        private String stringLiteral() {
            StringBuilder b = new StringBuilder();
            pos++; // opening quote
            while (true) {
                if (pos >= s.length()) {
                    throw error("unclosed string literal");
                }
                char c = s.charAt(pos++);
                if (c == '\'') {
                    if (pos < s.length() && s.charAt(pos) == '\'') {
                        b.append('\'');
                        pos++;
                    } else {
                        return b.toString();
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private String identifier() {
            skipSpaces();
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a name");
            }
            return s.substring(start, pos);
        }

        private Object call(String function, List<Object> args) {
            switch (function) {
                case "if":
                    arity(function, args, 3);
                    return bool(function, args.get(0)) ? args.get(1) : args.get(2);
                case "equals":
                    arity(function, args, 2);
                    return same(args.get(0), args.get(1));
                case "not":
                    arity(function, args, 1);
                    return !bool(function, args.get(0));
                case "or":
                    atLeast(function, args, 2);
                    return args.stream().anyMatch(a -> bool(function, a));
                case "and":
                    atLeast(function, args, 2);
                    return args.stream().allMatch(a -> bool(function, a));
                case "string":
                    arity(function, args, 1);
                    return text(args.get(0));
                case "concat": {
                    atLeast(function, args, 1);
                    StringBuilder b = new StringBuilder();
                    args.forEach(a -> b.append(text(a)));
                    return b.toString();
                }
                case "coalesce":
                    atLeast(function, args, 1);
                    return args.stream().filter(Objects::nonNull).findFirst().orElse(null);
                case "activity": {
                    arity(function, args, 1);
                    Object name = args.get(0);
                    if (!context.activities().containsKey(name)) {
                        throw error("activity '" + name + "' has no output in this test");
                    }
                    return context.activities().get(name);
                }
                case "pipeline":
                    arity(function, args, 0);
                    return context.pipeline();
                default:
                    throw error("function " + function + " is not in the supported subset");
            }
        }

        private void arity(String f, List<Object> args, int n) {
            if (args.size() != n) {
                throw error(f + " takes " + n + " arguments, got " + args.size());
            }
        }

        private void atLeast(String f, List<Object> args, int n) {
            if (args.size() < n) {
                throw error(f + " takes at least " + n + " arguments");
            }
        }

        private boolean bool(String f, Object v) {
            if (v instanceof Boolean b) {
                return b;
            }
            throw error(f + " expects a boolean, got " + v);
        }

        private static boolean same(Object a, Object b) {
            if (a instanceof Number x && b instanceof Number y) {
                return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
            }
            return Objects.equals(a, b);
        }

        private Object property(Object v, String name, boolean nullSafe) {
            if (v instanceof Map<?, ?> m) {
                if (m.containsKey(name)) {
                    return m.get(name);
                }
                if (nullSafe) {
                    return null;
                }
                throw error("property '" + name + "' doesn't exist, available properties are " + m.keySet());
            }
            throw error("cannot select property '" + name + "' of " + v);
        }

        private Object index(Object v, Object i) {
            if (v instanceof List<?> l && i instanceof Long n) {
                return l.get(n.intValue());
            }
            if (v instanceof Map<?, ?> && i instanceof String key) {
                return property(v, key, false);
            }
            throw error("cannot index " + v + " with " + i);
        }
    }
}
