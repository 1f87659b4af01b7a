package io.bfx.it.spark;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;

/**
 * Reads the Silver and Gold tables the generated SQL wrote (schemas awlt_dv and awlt_dm of the example) as plain
 * Java values, and snapshots them to show that a re-run changes nothing.
 */
final class SilverGold {

    static final String DATA_VAULT = "awlt_dv";
    static final String MART = "awlt_dm";

    /** The start of every first dimension version (GlobalDefaultDate) and of ghost records. */
    static final Instant BEGINNING = LocalDateTime.of(1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    /** The end of an open version. */
    static final Instant END_OF_TIME = LocalDateTime.of(9999, 12, 31, 0, 0).toInstant(ZoneOffset.UTC);

    private SilverGold() {
    }

    static String table(String schema, String table) {
        return SharedSpark.CATALOG + ".`" + schema + "`.`" + table + "`";
    }

    static boolean exists(String schema, String table) {
        return SharedSpark.session().catalog().tableExists(SharedSpark.CATALOG + "." + schema + "." + table);
    }

    /** The rows of a table as lists of Java values (binary as hex text), those the SQL condition selects. */
    static List<List<Object>> rows(String schema, String table, List<String> columns, String where) {
        String select = columns.stream().map(c -> c.startsWith("row_") ? c : "`" + c + "`")
                .collect(Collectors.joining(", "));
        List<Row> rows = SharedSpark.session().sql("SELECT " + select + " FROM " + table(schema, table)
                + (where == null ? "" : " WHERE " + where)).collectAsList();
        List<List<Object>> out = new ArrayList<>();
        for (Row r : rows) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < r.length(); i++) {
                values.add(BronzeLoadScenario.comparable(r.get(i)));
            }
            out.add(values);
        }
        return out;
    }

    /** Every row of a table as column name to value, ordered by the given SQL. */
    static List<Map<String, Object>> records(String schema, String table, String orderBy) {
        List<Row> rows = SharedSpark.session().sql("SELECT * FROM " + table(schema, table)
                + (orderBy == null ? "" : " ORDER BY " + orderBy)).collectAsList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String f : r.schema().fieldNames()) {
                m.put(f, BronzeLoadScenario.comparable(r.getAs(f)));
            }
            out.add(m);
        }
        return out;
    }

    static long count(String schema, String table) {
        return count(schema, table, "true");
    }

    static long count(String schema, String table, String where) {
        return SharedSpark.session().sql("SELECT count(*) FROM " + table(schema, table) + " WHERE " + where).first()
                .getLong(0);
    }

    /** Every table of the schemas, with all its rows in a stable order: equal snapshots mean nothing changed. */
    static Map<String, List<String>> snapshot(String... schemas) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String schema : schemas) {
            List<Row> tables = SharedSpark.session().sql("SHOW TABLES IN " + SharedSpark.CATALOG + ".`" + schema
                    + "`").collectAsList();
            for (Row t : tables.stream().filter(r -> !r.getBoolean(2)).sorted(
                    java.util.Comparator.comparing(r -> r.getString(1))).toList()) {
                List<String> rows = SharedSpark.session().table(table(schema, t.getString(1))).collectAsList()
                        .stream().map(SilverGold::text).sorted().toList();
                out.put(schema + "." + t.getString(1), rows);
            }
        }
        return out;
    }

    private static String text(Row r) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < r.length(); i++) {
            Object v = r.get(i);
            values.add(v instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(v));
        }
        return String.join("|", values);
    }

    static void dropSchemas() {
        SharedSpark.dropBronzeSchemas(DATA_VAULT, MART);
    }
}
