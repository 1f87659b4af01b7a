package io.bfx.it.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.it.spark.Notebooks.SparkSqlCall;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The Silver and Gold steps of the example are written once and emitted three ways; every step of every unit
 * carries the same statements in each: the Python notebook (read with Python's ast), the SQL-scripting notebook
 * (the build with sqlScripting: true) and the step's procedure. The load ITs run each emission for real on part of
 * the story ({@link AllLayersLoadIT}); this check carries that proof to every unit. Files only, no Spark.
 */
class SilverGoldStatementsIT {

    /** The table a step's logged count reads: its own table, which also names its procedure. */
    private static final Pattern COUNTED = Pattern.compile("SELECT count\\(\\*\\) FROM IDENTIFIER\\('.*`\\.`(\\w+)`'\\)");

    @Test
    void everySilverAndGoldStepIsTheSameInTheThreeEmissions() {
        GeneratedSolution pushdown = GeneratedSolution.pushdown();
        GeneratedSolution scripting = GeneratedSolution.sqlScripting();
        List<String> units = pushdown.units("py");
        assertEquals(units, scripting.units("sql"), "the same units in both builds");
        // Ten Data Vault units (one per object), three dimensions, two facts; 35 steps as the job's 35 Silver and
        // Gold tasks: 9 hubs, 11 links, 10 satellites, 3 dimensions, 2 facts.
        assertEquals(15, units.size(), "units " + units);
        int steps = 0;
        for (String unit : units) {
            for (Step step : steps(pushdown, unit)) {
                List<String> script = SqlText.statements(Notebooks.scriptStep(scripting.unitNotebook(unit, "sql"),
                        step.name())).stream().map(SqlText::normalized).toList();
                List<String> procedure = SqlText.statements(Procedures.parse(pushdown.loadProcedure(step.table()))
                        .body()).stream().map(SqlText::normalized).toList();
                assertTrue(step.statements().size() >= 3, unit + " " + step.name() + ": schema, table, load");
                assertEquals(step.statements(), script, unit + " " + step.name() + ": Python and SQL-scripting notebook");
                assertEquals(step.statements(), procedure, unit + " " + step.name() + ": Python notebook and procedure");
                steps++;
            }
        }
        assertEquals(35, steps);
    }

    @Test
    void everyNormalFormStepIsTheSameInTheNotebookAndTheProcedure() {
        GeneratedSolution normalForm = GeneratedSolution.normalForm();
        List<String> units = normalForm.units("py").stream().filter(u -> u.startsWith("nf_")).toList();
        assertEquals(10, units.size(), "a normal-form unit per object: " + units);
        for (String unit : units) {
            List<Step> steps = steps(normalForm, unit);
            assertEquals(1, steps.size(), unit);
            Step step = steps.get(0);
            assertEquals("nf", step.name());
            assertEquals(unit.substring("nf_".length()), step.table(), "the normal-form table is named as Bronze's");
            assertEquals(step.statements(), SqlText.statements(Procedures.parse(normalForm.loadProcedure(step.table()))
                    .body()).stream().map(SqlText::normalized).toList(), unit);
        }
    }

    /** One step of a unit's Python notebook: its name, the table it counts, its statements but the count. */
    private record Step(String name, String table, List<String> statements) {
    }

    private static List<Step> steps(GeneratedSolution solution, String unit) {
        List<SparkSqlCall> calls = Notebooks.extract(solution.unitNotebook(unit, "py"));
        Set<String> names = new LinkedHashSet<>();
        calls.stream().filter(c -> c.step() != null).forEach(c -> names.add(c.step()));
        List<Step> steps = new ArrayList<>();
        for (String name : names) {
            List<SparkSqlCall> in = calls.stream().filter(c -> name.equals(c.step())).toList();
            SparkSqlCall count = in.get(in.size() - 1);
            assertTrue(count.first(), unit + " " + name + " ends with the count it logs");
            Matcher m = COUNTED.matcher(count.sql());
            assertTrue(m.matches(), unit + " " + name + ": " + count.sql());
            steps.add(new Step(name, m.group(1), in.subList(0, in.size() - 1).stream()
                    .map(c -> SqlText.normalized(c.sql())).toList()));
        }
        return steps;
    }
}
