package io.bfx.generate.databricks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits rendered SQL into statements. Generated SQL ends every statement with {@code ;} at the end of a line, and
 * bfx's literals never hold a raw line break (they are escaped), so a semicolon at a line end always ends a
 * statement.
 */
final class SqlStatements {

    private static final Pattern END = Pattern.compile(";[ \\t]*(\\r?\\n|$)");

    private SqlStatements() {}

    static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        var m = END.matcher(sql);
        int start = 0;
        while (m.find()) {
            add(out, sql.substring(start, m.start()));
            start = m.end();
        }
        add(out, sql.substring(start));
        return out;
    }

    private static void add(List<String> out, String statement) {
        String s = statement.strip();
        // A chunk of only comments is not a statement.
        boolean onlyComments = s.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"));
        if (!s.isEmpty() && !onlyComments) {
            out.add(s);
        }
    }
}
