package io.bfx.it.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.it.spark.AwltMetadata.MetaColumn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Every generated DDL file (sql/ddl/**, one per object) runs on Spark as a deployer runs it: statement by
 * statement, after changing the catalog defaults it declares (the file says to) to the test catalog.
 */
class GeneratedDdlIT {

    private static final Pattern DECLARE = Pattern.compile(
            "(?s)DECLARE OR REPLACE VARIABLE (bfx_\\w+_catalog) STRING DEFAULT '[^']*'");
    private static final List<String> SYSTEM_COLUMNS =
            List.of("row_audit_id", "row_record_source", "row_effective_from", "row_hash");

    @Test
    void everyDdlFileCreatesTheStagingAndPersistentStagingTableOfItsObject() {
        SparkSession spark = SharedSpark.session();
        Bronze.dropSchemas();
        List<Path> files = GeneratedSolution.pushdown().ddlFiles();
        Set<String> objects = AwltMetadata.objects().keySet();
        assertEquals(10, objects.size(), "the example has ten objects");
        Set<String> expectedFiles = objects.stream().map(o -> "awlt_" + o.substring(o.indexOf('.') + 1) + ".sql")
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> actualFiles = files.stream().map(p -> p.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expectedFiles, actualFiles, "one DDL file per object");

        for (Path file : files) {
            run(file);
        }

        for (String schema : List.of(Bronze.STAGING, Bronze.PERSISTENT_STAGING)) {
            // SHOW TABLES lists the session's temporary views too (the notebooks' bfx_landed_* views).
            Set<String> tables = spark.sql("SHOW TABLES IN " + SharedSpark.CATALOG + ".`" + schema + "`")
                    .collectAsList().stream().filter(r -> !r.getBoolean(2)).map(r -> r.getString(1)).collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = objects.stream()
                    .map(o -> ("awlt_" + o.substring(o.indexOf('.') + 1)).toLowerCase(Locale.ROOT))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, tables, "tables of " + schema);
            for (String object : objects) {
                List<String> columns = new ArrayList<>(
                        AwltMetadata.columns(object).stream().map(MetaColumn::name).toList());
                columns.addAll(SYSTEM_COLUMNS);
                StructType actual = spark.table(SharedSpark.CATALOG + ".`" + schema + "`.`awlt_"
                        + object.substring(object.indexOf('.') + 1) + "`").schema();
                assertEquals(columns.size(), actual.size(), object + " in " + schema + ": column count");
                assertEquals(columns, List.of(actual.fieldNames()), object + " in " + schema + ": columns");
                for (MetaColumn c : AwltMetadata.columns(object)) {
                    StructField f = actual.apply(c.name());
                    assertEquals(c.nullable(), f.nullable(), object + "." + c.name() + " nullability");
                }
            }
        }
        StructType order = spark.table(SharedSpark.CATALOG + ".awlt_stg.awlt_SalesOrderHeader").schema();
        assertEquals("SMALLINT", order.apply("RevisionNumber").dataType().sql(), "tinyint lands as SMALLINT");
        assertEquals("DECIMAL(19,4)", order.apply("TotalDue").dataType().sql(), "money is DECIMAL(19,4)");
        assertEquals("TIMESTAMP", order.apply("ShipDate").dataType().sql());

        // CREATE ... IF NOT EXISTS: a second run of every file is harmless and keeps the tables (empty).
        for (Path file : files) {
            run(file);
        }
        List<Row> rows = spark.sql("SELECT count(*) FROM " + SharedSpark.CATALOG + ".awlt_psa.awlt_Customer")
                .collectAsList();
        assertEquals(0L, rows.get(0).getLong(0));
    }

    /** Runs one DDL file; each catalog variable it declares is then set to the test catalog. */
    private static void run(Path file) {
        SparkSession spark = SharedSpark.session();
        List<String> statements = SqlText.statements(Notebooks.read(file));
        assertTrue(statements.size() >= 4, file + ": schema and table of staging and persistent staging");
        for (String statement : statements) {
            try {
                spark.sql(statement);
            } catch (RuntimeException e) {
                throw new AssertionError(file.getFileName() + " failed on Spark: " + e.getMessage()
                        + "\n--- statement ---\n" + statement, e);
            }
            Matcher m = DECLARE.matcher(SqlText.withoutLeadingComments(statement));
            if (m.matches()) {
                spark.sql("SET VAR " + m.group(1) + " = '" + SharedSpark.CATALOG + "'");
            }
        }
    }
}
