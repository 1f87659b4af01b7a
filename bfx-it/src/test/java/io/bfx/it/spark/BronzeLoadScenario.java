package io.bfx.it.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.it.spark.AwltMetadata.MetaColumn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Bronze load scenario, run on Spark for Customer, Address and SalesOrderHeader through one emission of the
 * generated load logic (a subclass: Python notebook, SQL-scripting notebook or procedures). The tests are the
 * steps of one story and run in order on the same tables:
 * <ol>
 * <li>execution 101 lands and loads: staging holds exactly the landed rows, typed, with their values;</li>
 * <li>each staged row's row_hash is the hash computed in Java from the landed values;</li>
 * <li>execution 101 loads again: persistent staging gains nothing;</li>
 * <li>execution 102 lands the same rows with one value changed: persistent staging gains exactly that row's new
 * version;</li>
 * <li>execution 103 lands the same rows as 102: persistent staging gains nothing.</li>
 * </ol>
 * Each class starts with the Bronze schemas dropped and an empty landing area of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BronzeLoadScenario {

    static final long FIRST = 101;
    static final long CHANGED = 102;
    static final long UNCHANGED = 103;

    /** The one changed value of execution 102, per table: a boolean, a NULL that gets a value, a decimal. */
    private static final Map<String, Change> CHANGES = Map.of(
            "Customer", new Change(1, "NameStyle", true),
            "Address", new Change(0, "AddressLine2", "Apartment 4"),
            "SalesOrderHeader", new Change(2, "Freight", AwltData.money("960.4675")));

    private record Change(int row, String column, Object value) {
    }

    protected Landing landing;
    /** Per object: what the latest step landed, staged and persisted (read once, reused by the next step). */
    private final Map<String, LandedTable> landed = new HashMap<>();
    private final Map<String, List<Row>> staged = new HashMap<>();
    private final Map<String, List<Row>> persisted = new HashMap<>();

    /**
     * Runs the stg and psa steps of one object for one landing execution; returns the row counts the emission
     * logs, by step (empty when it logs none).
     */
    abstract Map<String, Long> load(LandedTable table, long rowAuditId);

    @BeforeAll
    void startFromNothing() {
        Bronze.dropSchemas();
        landing = new Landing(SharedSpark.newLandingRoot(getClass().getSimpleName()));
    }

    Stream<LandedTable> tables() {
        return AwltData.all().stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void firstLoadStagesExactlyTheLandedRowsWithTheirValues(LandedTable table) {
        landing.land(table, FIRST);
        landed.put(table.object(), table);

        Map<String, Long> logged = load(table, FIRST);

        staged.put(table.object(), assertStagingHolds(table, FIRST));
        List<Row> psa = persisted(table);
        assertEquals(table.size(), psa.size(), "persistent staging after the first load");
        assertTrue(psa.stream().allMatch(r -> r.<Long>getAs("row_audit_id") == FIRST));
        if (!logged.isEmpty()) {
            assertEquals(Map.of("stg", (long) table.size(), "psa", (long) table.size()), logged,
                    "the row counts the notebook logs");
        }
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void rowHashIsTheSha1OfTheCanonicalTextOfEachLandedRow(LandedTable table) {
        List<Row> rows = earlier(staged, table);
        assertEquals(table.size(), rows.size());
        for (int i = 0; i < table.size(); i++) {
            assertEquals(ExpectedRowHash.of(table, i), rows.get(i).getAs("row_hash"),
                    table + " row " + i + ", hashed text: " + ExpectedRowHash.text(table, i));
        }
    }

    @Order(3)
    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void rerunOfTheSameExecutionAddsNothingToPersistentStaging(LandedTable table) {
        List<Row> before = earlier(persisted, table);

        load(table, FIRST);

        assertStagingHolds(landed(table), FIRST);
        assertEquals(before, persisted(table), "persistent staging after re-running execution " + FIRST);
    }

    @Order(4)
    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void oneChangedSourceRowAddsExactlyOnePersistentStagingVersion(LandedTable table) {
        Change change = CHANGES.get(table.object());
        LandedTable original = landed(table);
        LandedTable changed = original.withValue(change.row(), change.column(), change.value());
        landing.land(changed, CHANGED);
        landed.put(table.object(), changed);
        int before = earlier(persisted, table).size();

        load(table, CHANGED);

        assertStagingHolds(changed, CHANGED);
        List<Row> psa = persisted(table);
        assertEquals(before + 1, psa.size(), "one changed row, one new version");
        Object key = changed.value(change.row(), table.key());
        List<Row> versions = Bronze.versions(psa, table, key);
        assertEquals(2, versions.size(), "versions of " + table.key() + " " + key);
        Row old = versions.get(0);
        Row current = versions.get(1);
        assertEquals(FIRST, (long) old.<Long>getAs("row_audit_id"));
        assertEquals(CHANGED, (long) current.<Long>getAs("row_audit_id"));
        assertEquals(change.value(), current.getAs(change.column()));
        assertEquals(original.value(change.row(), change.column()), old.getAs(change.column()));
        assertNotEquals(old.<String>getAs("row_hash"), current.<String>getAs("row_hash"));
        assertEquals(ExpectedRowHash.of(changed, change.row()), current.getAs("row_hash"));
        for (int i = 0; i < changed.size(); i++) {
            if (i != change.row()) {
                assertEquals(1, Bronze.versions(psa, table, changed.value(i, table.key())).size(),
                        "an unchanged row keeps its one version");
            }
        }
    }

    @Order(5)
    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void unchangedReloadAddsNothingToPersistentStaging(LandedTable table) {
        LandedTable same = landed(table);
        landing.land(same, UNCHANGED);
        List<Row> before = earlier(persisted, table);

        load(table, UNCHANGED);

        assertStagingHolds(same, UNCHANGED);
        assertEquals(before, persisted(table), "persistent staging after an unchanged reload");
    }

    /** Reads persistent staging and keeps the rows for the next step's "before". */
    private List<Row> persisted(LandedTable table) {
        List<Row> rows = Bronze.psa(table);
        persisted.put(table.object(), rows);
        return rows;
    }

    private LandedTable landed(LandedTable table) {
        return earlier(landed, table);
    }

    /** What an earlier step kept for the table; fails clearly when that step did not get so far. */
    private static <T> T earlier(Map<String, T> kept, LandedTable table) {
        T value = kept.get(table.object());
        assertNotNull(value, "an earlier step of the scenario did not complete for " + table);
        return value;
    }

    /**
     * Staging holds exactly the landed rows of one execution: the columns of the metadata with the Databricks
     * types, each value the landed value cast to that type, then the system columns. Returns the staged rows.
     */
    static List<Row> assertStagingHolds(LandedTable table, long rowAuditId) {
        List<MetaColumn> meta = AwltMetadata.columns(table.qualifiedName());
        List<String> expectedColumns = new ArrayList<>(meta.stream().map(MetaColumn::name).toList());
        expectedColumns.addAll(List.of("row_audit_id", "row_record_source", "row_effective_from", "row_hash"));
        List<Row> staged = Bronze.staging(table);
        assertEquals(table.size(), staged.size(), table + ": staging rows = landed rows");
        if (staged.isEmpty()) {
            return staged;
        }
        StructField[] fields = staged.get(0).schema().fields();
        assertEquals(expectedColumns, Stream.of(fields).map(StructField::name).toList(), "staging columns");
        for (int c = 0; c < meta.size(); c++) {
            assertEquals(databricksType(meta.get(c).dataType()), fields[c].dataType(),
                    "type of " + meta.get(c).name());
        }
        for (int i = 0; i < staged.size(); i++) {
            Row s = staged.get(i);
            for (int c = 0; c < meta.size(); c++) {
                String column = meta.get(c).name();
                Object expected = cast(table.value(i, column), fields[c].dataType());
                assertEquals(expected, comparable(s.get(c)), table + " row " + i + " column " + column);
            }
            assertEquals(rowAuditId, (long) s.<Long>getAs("row_audit_id"), "row_audit_id is the landing execution");
            assertEquals("awlt", s.getAs("row_record_source"));
            assertNotNull(s.getAs("row_effective_from"));
            assertTrue(s.<String>getAs("row_hash").matches("[0-9A-F]{40}"), "row_hash is upper-case SHA-1 hex");
        }
        return staged;
    }

    /** Binary values as hex text, so that equal bytes compare equal. */
    static Object comparable(Object value) {
        return value instanceof byte[] b ? HexFormat.of().formatHex(b) : value;
    }

    /** The Databricks type of a metadata type, as bfx documents it (only the types of the example). */
    static DataType databricksType(String dataType) {
        String base = dataType.replaceAll("\\(.*", "");
        return switch (base) {
            case "Int32" -> DataTypes.IntegerType;
            case "Byte", "Int16" -> DataTypes.ShortType; // tinyint is 0..255: SMALLINT, not Spark's signed TINYINT
            case "Boolean" -> DataTypes.BooleanType;
            case "String", "AnsiString", "StringFixedLength", "AnsiStringFixedLength", "Guid", "Xml" ->
                    DataTypes.StringType;
            case "DateTime" -> DataTypes.TimestampType;
            case "Currency" -> DataTypes.createDecimalType(19, 4);
            case "Decimal" -> {
                String[] ps = dataType.replaceAll(".*\\((\\d+),\\s*(\\d+)\\)", "$1,$2").split(",");
                yield DataTypes.createDecimalType(Integer.parseInt(ps[0]), Integer.parseInt(ps[1]));
            }
            case "Binary" -> DataTypes.BinaryType;
            default -> throw new IllegalArgumentException("type " + dataType + " not covered by this test");
        };
    }

    /** A landed value as the staging column must hold it. */
    static Object cast(Object landedValue, DataType type) {
        if (landedValue == null) {
            return null;
        }
        if (type.equals(DataTypes.ShortType)) {
            int v = ((Number) landedValue).intValue();
            assertTrue(v >= Short.MIN_VALUE && v <= Short.MAX_VALUE, "test data: a SMALLINT value");
            return (short) v;
        }
        if (type instanceof DecimalType d) {
            return ((BigDecimal) landedValue).setScale(d.scale());
        }
        return comparable(landedValue);
    }
}
