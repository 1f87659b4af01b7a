package io.bfx.it.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.it.spark.Notebooks.SparkSqlCall;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The Bronze load scenario through the generated Python notebooks (awlt-pushdown build): the SQL of each
 * notebook, extracted with Python's ast, run on Spark with the notebook's widget values.
 */
class PythonNotebookLoadIT extends BronzeLoadScenario {

    private final GeneratedSolution solution = GeneratedSolution.pushdown();

    @Override
    Map<String, Long> load(LandedTable table, long rowAuditId) {
        return LoadStyle.PYTHON_NOTEBOOK.load(table, rowAuditId, landing);
    }

    /** What the scenario runs is all of the notebook's SQL, each statement in the step that holds it. */
    @Test
    @Order(0)
    void astExtractionFindsEverySparkSqlCallWithItsStep() {
        for (LandedTable table : AwltData.all()) {
            Path notebook = solution.notebook(table.object(), "py");
            String text = Notebooks.read(notebook);
            List<SparkSqlCall> calls = Notebooks.extract(notebook);

            assertEquals(text.split("spark\\.sql\\(", -1).length - 1, calls.size(), notebook + ": spark.sql calls");
            List<SparkSqlCall> setup = calls.stream().filter(c -> c.step() == null).toList();
            assertEquals(10, setup.size(), "five session variables, each declared and set");
            for (SparkSqlCall c : setup) {
                assertEquals(c.sql().startsWith("SET VAR "), c.args(), "only SET VAR binds the widgets: " + c.sql());
                assertFalse(c.first());
            }
            int previous = setup.get(setup.size() - 1).line();
            for (String step : List.of("stg", "psa")) {
                List<SparkSqlCall> inStep = calls.stream().filter(c -> step.equals(c.step())).toList();
                int with = lineOf(text, "with bfx_step(\"" + step + "\") as run:");
                assertTrue(with > previous, step + " comes after what precedes it");
                assertTrue(inStep.size() >= 4, step + ": schema, table, load and count");
                assertTrue(inStep.stream().allMatch(c -> c.line() > with && !c.args()), step);
                assertTrue(inStep.get(inStep.size() - 1).first(), step + " ends with the count it logs");
                assertEquals(1, inStep.stream().filter(SparkSqlCall::first).count());
                previous = inStep.get(inStep.size() - 1).line();
            }
        }
    }

    private static int lineOf(String text, String line) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(line)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line '" + line + "'");
    }
}
