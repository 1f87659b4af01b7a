package io.bfx.it.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.it.spark.AwltMetadata.MetaColumn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
                .filter(n -> n.startsWith("awlt_")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expectedFiles, actualFiles, "one Bronze DDL file per object");
        files = files.stream().filter(p -> p.getFileName().toString().startsWith("awlt_")).toList();

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

    /**
     * The Silver and Gold DDL files (one per object's Data Vault unit, one per dimension and fact) create exactly
     * the tables, columns, types and nullability that the notebooks create for themselves: a deployer who runs the
     * scripts up front gets the tables the loads expect.
     */
    @Test
    void silverAndGoldDdlFilesCreateTheTablesTheNotebooksCreate() {
        SparkSession spark = SharedSpark.session();
        Bronze.dropSchemas();
        SilverGold.dropSchemas();
        List<Path> all = GeneratedSolution.pushdown().ddlFiles();
        List<Path> bronze = all.stream().filter(p -> p.getFileName().toString().startsWith("awlt_")).toList();
        List<Path> silverGold = all.stream().filter(p -> !bronze.contains(p)).toList();
        Set<String> names = silverGold.stream().map(p -> p.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>();
        AwltMetadata.objects().keySet().forEach(o -> expected.add("dv_awlt_" + o.substring(o.indexOf('.') + 1) + ".sql"));
        ExpectedMart.DIMENSIONS.forEach(d -> expected.add(d.name() + ".sql"));
        ExpectedMart.FACTS.forEach(f -> expected.add(f.name() + ".sql"));
        assertEquals(expected, names, "one Silver DDL file per object, one Gold DDL file per dimension and fact");

        bronze.forEach(GeneratedDdlIT::run);
        silverGold.forEach(GeneratedDdlIT::run);
        Map<String, String> fromScripts = schemas(spark);
        assertTrue(fromScripts.keySet().containsAll(List.of(SilverGold.DATA_VAULT + ".hub_customer",
                SilverGold.DATA_VAULT + ".lnk_customeraddress", SilverGold.DATA_VAULT + ".sat_customer",
                SilverGold.MART + ".dimcustomer", SilverGold.MART + ".factsalesorder")), fromScripts.keySet()::toString);

        // The same tables as the notebooks create them: each unit once over empty persistent staging.
        SilverGold.dropSchemas();
        Layers layers = Layers.example(new Landing(SharedSpark.newLandingRoot(getClass().getSimpleName())),
                Layers.Emission.PYTHON_NOTEBOOK);
        AwltMetadata.objects().keySet().forEach(o -> layers.dataVault(o.substring(o.indexOf('.') + 1)));
        layers.gold();
        assertEquals(fromScripts, schemas(spark), "tables of the DDL scripts and of the notebooks");
    }

    /** Every table of the Silver and Gold schemas: its columns with type and nullability, by schema.table. */
    private static Map<String, String> schemas(SparkSession spark) {
        Map<String, String> out = new TreeMap<>();
        for (String schema : List.of(SilverGold.DATA_VAULT, SilverGold.MART)) {
            for (Row t : spark.sql("SHOW TABLES IN " + SharedSpark.CATALOG + ".`" + schema + "`").collectAsList()) {
                if (t.getBoolean(2)) {
                    continue; // a temporary view of a notebook
                }
                StructType s = spark.table(SilverGold.table(schema, t.getString(1))).schema();
                StringBuilder columns = new StringBuilder();
                for (StructField f : s.fields()) {
                    columns.append(f.name()).append(' ').append(f.dataType().sql()).append(f.nullable() ? "" : " NOT NULL")
                            .append(", ");
                }
                out.put(schema + "." + t.getString(1).toLowerCase(Locale.ROOT), columns.toString());
            }
        }
        return out;
    }

    /** Runs one DDL file; each catalog variable it declares is then set to the test catalog. */
    private static void run(Path file) {
        SparkSession spark = SharedSpark.session();
        List<String> statements = SqlText.statements(Notebooks.read(file));
        assertTrue(statements.size() >= 4, file + ": catalog variables, schemas and tables");
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
