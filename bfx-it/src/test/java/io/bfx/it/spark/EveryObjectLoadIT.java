package io.bfx.it.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object's load logic runs on Spark. The three emissions of an object carry the same statements (checked
 * here for all ten objects), and the scenario ITs run every emission in full for Customer, Address and
 * SalesOrderHeader; so each of the seven other objects (composite keys, a fixed-length string key, SMALLINT,
 * DECIMAL(8,2) and (38,6), binary, XML) is loaded through one emission, the emissions taken in turn: two rows
 * made from the metadata, into empty tables. Staging holds the landed values, persistent staging both rows, and
 * each row_hash is the hash computed in Java.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryObjectLoadIT {

    private static final long EXECUTION = 401;
    private static final Set<String> COVERED_BY_THE_SCENARIO =
            AwltData.all().stream().map(LandedTable::qualifiedName).collect(Collectors.toSet());

    private Landing landing;

    @BeforeAll
    void landEveryOtherObject() {
        Bronze.dropSchemas();
        landing = new Landing(SharedSpark.newLandingRoot(getClass().getSimpleName()));
        others().forEach(o -> landing.land(AwltData.generated(o), EXECUTION));
    }

    static List<String> others() {
        return AwltMetadata.objects().keySet().stream().filter(o -> !COVERED_BY_THE_SCENARIO.contains(o)).toList();
    }

    Stream<Arguments> loads() {
        List<String> others = others();
        assertEquals(7, others.size(), "the example's ten objects, three in the scenario");
        LoadStyle[] styles = LoadStyle.values();
        return IntStream.range(0, others.size()).mapToObj(i -> Arguments.of(styles[i % styles.length], others.get(i)));
    }

    @Test
    void theThreeEmissionsOfEveryObjectCarryTheSameStatements() {
        GeneratedSolution pushdown = GeneratedSolution.pushdown();
        GeneratedSolution scripting = GeneratedSolution.sqlScripting();
        for (String qualified : AwltMetadata.objects().keySet()) {
            String object = qualified.substring(qualified.indexOf('.') + 1);
            for (String step : List.of("stg", "psa")) {
                List<String> python = Notebooks.extract(pushdown.notebook(object, "py")).stream()
                        .filter(c -> step.equals(c.step()) && !c.first()).map(c -> SqlText.normalized(c.sql())).toList();
                List<String> script = SqlText.statements(Notebooks.scriptStep(scripting.notebook(object, "sql"), step))
                        .stream().map(SqlText::normalized).toList();
                List<String> procedure = SqlText.statements(Procedures.parse(pushdown.procedure(step, object)).body())
                        .stream().map(SqlText::normalized).toList();
                assertTrue(python.size() >= 3, object + " " + step);
                assertEquals(python, script, object + " " + step + ": Python notebook and SQL-scripting notebook");
                assertEquals(python, procedure, object + " " + step + ": Python notebook and procedure");
            }
        }
    }

    @ParameterizedTest(name = "{1} via {0}")
    @MethodSource("loads")
    void loadsTheLandedRowsIntoEmptyTables(LoadStyle style, String object) {
        LandedTable table = AwltData.generated(object); // each object loads once here: its tables do not exist yet

        style.load(table, EXECUTION, landing);

        List<Row> staged = BronzeLoadScenario.assertStagingHolds(table, EXECUTION);
        for (int i = 0; i < table.size(); i++) {
            assertEquals(ExpectedRowHash.of(table, i), staged.get(i).getAs("row_hash"),
                    table + " row " + i + ", hashed text: " + ExpectedRowHash.text(table, i));
        }
        List<Row> persisted = Bronze.psa(table);
        assertEquals(table.size(), persisted.size(), "persistent staging of a first load");
        for (int i = 0; i < table.size(); i++) {
            assertEquals(staged.get(i).<String>getAs("row_hash"), persisted.get(i).<String>getAs("row_hash"));
            assertEquals(EXECUTION, (long) persisted.get(i).<Long>getAs("row_audit_id"));
        }
    }
}
