package io.bfx.it.spark;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;

/** Reads the Bronze tables the generated SQL wrote (schemas awlt_stg and awlt_psa of the example). */
final class Bronze {

    static final String STAGING = "awlt_stg";
    static final String PERSISTENT_STAGING = "awlt_psa";

    private Bronze() {
    }

    static String table(String schema, LandedTable t) {
        return SharedSpark.CATALOG + ".`" + schema + "`.`" + t.table() + "`";
    }

    /** The staging rows, by key. */
    static List<Row> staging(LandedTable t) {
        return SharedSpark.session().sql("SELECT * FROM " + table(STAGING, t) + " ORDER BY " + keys(t))
                .collectAsList();
    }

    /** The persistent staging rows, by key and landing execution. */
    static List<Row> psa(LandedTable t) {
        return SharedSpark.session().sql("SELECT * FROM " + table(PERSISTENT_STAGING, t) + " ORDER BY " + keys(t)
                + ", row_audit_id").collectAsList();
    }

    private static String keys(LandedTable t) {
        return t.keys().stream().map(k -> "`" + k + "`").collect(Collectors.joining(", "));
    }

    /** The versions of one key among persistent staging rows (as {@link #psa} returns them), oldest first. */
    static List<Row> versions(List<Row> psa, LandedTable t, Object key) {
        return psa.stream().filter(r -> r.get(r.fieldIndex(t.key())).equals(key)).toList();
    }

    static void dropSchemas() {
        SharedSpark.dropBronzeSchemas(STAGING, PERSISTENT_STAGING);
    }
}
