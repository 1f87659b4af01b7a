package io.bfx.model.types;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses BimlFlex data type notation: {@code AnsiString(50)}, {@code Decimal(19,4)}, {@code DateTime2(7)}, ... */
public final class DataTypes {

    private static final Pattern SYNTAX = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9]*)\\s*(?:\\(([^)]*)\\))?\\s*$");

    /**
     * Results by text: a project writes the same few data types on thousands of columns, and validation and
     * generation parse each column's type several times. Results are immutable; the cache is bounded.
     */
    private static final Map<String, Parsed> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 4096;

    private DataTypes() {}

    /** Either a type or the reason it cannot be parsed. */
    public record Parsed(DataType type, String problem) {
        public boolean ok() {
            return type != null;
        }
    }

    public static List<String> kindLabels() {
        return Arrays.stream(DataType.Kind.values()).map(DataType.Kind::label).toList();
    }

    public static Parsed parse(String text) {
        if (text == null) {
            return parseText(null);
        }
        Parsed cached = PARSED.get(text);
        if (cached != null) {
            return cached;
        }
        Parsed parsed = parseText(text);
        if (PARSED.size() < MAX_CACHED) {
            PARSED.putIfAbsent(text, parsed);
        }
        return parsed;
    }

    private static Parsed parseText(String text) {
        if (text == null || text.isBlank()) {
            return fail("the data type is empty");
        }
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return fail("expected a name with optional arguments in parentheses, like AnsiString(50)");
        }
        DataType.Kind kind = null;
        for (DataType.Kind k : DataType.Kind.values()) {
            if (k.label().equalsIgnoreCase(m.group(1))) {
                kind = k;
            }
        }
        if (kind == null) {
            return fail("'" + m.group(1) + "' is not a data type");
        }
        String args = m.group(2);
        List<String> parts = args == null ? List.of()
                : Arrays.stream(args.split(",", -1)).map(String::trim).toList();
        switch (kind.args()) {
            case NONE:
                return parts.isEmpty() ? ok(new DataType(kind, null, null, null))
                        : fail(kind.label() + " takes no size");
            case LENGTH: {
                if (parts.isEmpty()) {
                    return ok(new DataType(kind, null, null, null));
                }
                if (parts.size() != 1) {
                    return fail(kind.label() + " takes one length, like " + kind.label() + "(50)");
                }
                String p = parts.get(0).toUpperCase(Locale.ROOT);
                if (p.equals("MAX") || p.equals("-1")) {
                    return ok(new DataType(kind, -1, null, null));
                }
                Integer n = number(p);
                if (n == null || n < 1 || n > 2_147_483_647) {
                    return fail("the length of " + kind.label() + " must be a positive number or MAX");
                }
                return ok(new DataType(kind, n, null, null));
            }
            case PRECISION_SCALE: {
                if (parts.isEmpty()) {
                    return ok(new DataType(kind, null, 18, 0));
                }
                if (parts.size() > 2) {
                    return fail(kind.label() + " takes a precision and a scale, like Decimal(19,4)");
                }
                Integer precision = number(parts.get(0));
                Integer scale = parts.size() == 2 ? number(parts.get(1)) : Integer.valueOf(0);
                if (precision == null || scale == null) {
                    return fail("precision and scale must be whole numbers");
                }
                DataType t = new DataType(kind, null, precision, scale);
                if (precision < 1 || precision > 38) {
                    return new Parsed(null, "precision " + precision + " is outside 1..38");
                }
                if (scale < 0 || scale > precision) {
                    return new Parsed(null, "scale " + scale + " must be between 0 and the precision " + precision);
                }
                return ok(t);
            }
            case FRACTION: {
                if (parts.isEmpty()) {
                    return ok(new DataType(kind, null, null, kind == DataType.Kind.DATE_TIME2 ? 7 : null));
                }
                Integer s = parts.size() == 1 ? number(parts.get(0)) : null;
                if (s == null || s < 0 || s > 7) {
                    return fail("the fractional-second precision of " + kind.label() + " must be 0 to 7");
                }
                return ok(new DataType(kind, null, null, s));
            }
            default:
                throw new IllegalStateException();
        }
    }

    private static Integer number(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Parsed ok(DataType t) {
        return new Parsed(t, null);
    }

    private static Parsed fail(String problem) {
        return new Parsed(null, problem);
    }
}
