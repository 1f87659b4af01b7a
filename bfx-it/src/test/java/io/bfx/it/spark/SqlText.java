package io.bfx.it.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at each {@code ;} that is outside string literals, quoted identifiers and
 * comments (Spark's lexical rules: backslash escapes in quotes, {@code --} and block comments). Written here,
 * independently of the generator's own splitter, so a statement the generator cut wrongly shows up as a failure.
 */
final class SqlText {

    private SqlText() {
    }

    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = endOfQuoted(sql, i, c);
                current.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(sql, i, end);
                i = end;
            } else if (c == ';') {
                add(out, current.toString());
                current.setLength(0);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(out, current.toString());
        return out;
    }

    /** A statement without comment lines and indentation: what to compare between emissions. */
    static String normalized(String statement) {
        return statement.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("--"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** True when the text holds nothing but blanks and {@code --} comments. */
    static boolean isCommentOnly(String sql) {
        return sql.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"));
    }

    /** The text without its leading blank and {@code --} comment lines. */
    static String withoutLeadingComments(String sql) {
        List<String> lines = sql.strip().lines().toList();
        int first = 0;
        while (first < lines.size() && (lines.get(first).isBlank() || lines.get(first).strip().startsWith("--"))) {
            first++;
        }
        return String.join("\n", lines.subList(first, lines.size()));
    }

    private static int endOfQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2; // doubled quote
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated " + quote + " quote at " + start + " in: " + sql);
    }

    private static void add(List<String> out, String statement) {
        String s = statement.strip();
        if (!s.isEmpty() && !isCommentOnly(s)) {
            out.add(s);
        }
    }
}
