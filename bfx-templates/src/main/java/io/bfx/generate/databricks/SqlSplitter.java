package io.bfx.generate.databricks;

import java.util.List;
import java.util.Locale;

/** Public access to statement splitting for the Silver and Gold step builders. */
public final class SqlSplitter {

    private SqlSplitter() {}

    public static List<String> split(String sql) {
        return SqlStatements.split(sql);
    }

    /** Whether a statement creates a schema or table (its leading comment lines aside). */
    public static boolean isDdl(String statement) {
        for (String line : statement.lines().toList()) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("--")) {
                continue;
            }
            String u = l.toUpperCase(Locale.ROOT);
            return u.startsWith("CREATE SCHEMA") || u.startsWith("CREATE TABLE");
        }
        return false;
    }
}
