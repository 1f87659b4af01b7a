package io.bfx.it.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * A Databricks restart end to end on Spark, with the generated Python notebooks run step by step as the job's
 * tasks run them (step stg, then step psa):
 * <ol>
 * <li>the batch's execution X lands Customer and the stg task loads it;</li>
 * <li>the run fails before the psa task (the task is simply not run);</li>
 * <li>a later execution Y lands another object (Address) only, so the newest Customer data is still X's;</li>
 * <li>the run catalog answers the next start with ExecutionStatus D and LastExecutionID X, so the job gets
 * row_audit_id = X (the rule of the ADF batch pipeline, CatalogCalls.rowAuditId): stg and psa run again;</li>
 * <li>persistent staging holds exactly X's rows, nothing lost, nothing twice; a second restart changes nothing.</li>
 * </ol>
 */
class DatabricksRestartIT {

    private static final long X = 201;
    private static final long Y = 202;
    private static final long RESTART = 203;

    /** What LogExecutionStart answers (docs/run-catalog.md). */
    private record CatalogAnswer(long executionId, String executionStatus, Long lastExecutionId) {

        /** The row_audit_id the batch pipeline passes to the job: LastExecutionID on a D restart, else its own. */
        long rowAuditId() {
            return "D".equals(executionStatus) ? lastExecutionId : executionId;
        }
    }

    private final GeneratedSolution solution = GeneratedSolution.pushdown();

    @Test
    void restartWithTheCatalogsAnswerReusesTheLandedFilesAndNeitherLosesNorDuplicatesRows() {
        Bronze.dropSchemas();
        Landing landing = new Landing(SharedSpark.newLandingRoot(getClass().getSimpleName()));
        LandedTable customer = AwltData.customer();
        Path notebook = solution.notebook(customer.object(), "py");

        landing.land(customer, X);
        Notebooks.runPython(notebook, Notebooks.widgets(X, "stg", landing.rootUrl()));
        BronzeLoadScenario.assertStagingHolds(customer, X);
        assertFalse(psaExists(), "the psa step did not run: the failure came before it");

        landing.land(AwltData.address(), Y);

        CatalogAnswer answer = new CatalogAnswer(RESTART, "D", X);
        long rowAuditId = answer.rowAuditId();
        assertEquals(X, rowAuditId);
        Map<String, Long> stg = Notebooks.runPython(notebook, Notebooks.widgets(rowAuditId, "stg", landing.rootUrl()));
        Map<String, Long> psa = Notebooks.runPython(notebook, Notebooks.widgets(rowAuditId, "psa", landing.rootUrl()));

        assertEquals(Map.of("stg", (long) customer.size()), stg, "the stg task logs the staged rows only");
        assertEquals(Map.of("psa", (long) customer.size()), psa, "the psa task logs the persisted rows only");
        BronzeLoadScenario.assertStagingHolds(customer, X);
        List<Row> persisted = Bronze.psa(customer);
        assertPsaHoldsExactly(customer, persisted);

        Notebooks.runPython(notebook, Notebooks.widgets(rowAuditId, "stg", landing.rootUrl()));
        Notebooks.runPython(notebook, Notebooks.widgets(rowAuditId, "psa", landing.rootUrl()));
        assertEquals(persisted, Bronze.psa(customer), "a second restart of X changes nothing");
    }

    /**
     * The rule the restart relies on: the stg step loads the newest landing of the object up to the requested
     * execution, never a newer one, whatever else has landed since.
     */
    @Test
    void stagingLoadsTheNewestLandingUpToTheRequestedExecution() {
        Bronze.dropSchemas();
        Landing landing = new Landing(SharedSpark.newLandingRoot(getClass().getSimpleName() + "-newest"));
        LandedTable older = AwltData.customer();
        LandedTable newer = older.withValue(0, "LastName", "Gee-Smith").withValue(3, "Suffix", null);
        Path notebook = solution.notebook(older.object(), "py");
        landing.land(older, 301);
        landing.land(newer, 303);

        Notebooks.runPython(notebook, Notebooks.widgets(303, "stg", landing.rootUrl()));
        BronzeLoadScenario.assertStagingHolds(newer, 303);
        Notebooks.runPython(notebook, Notebooks.widgets(301, "stg", landing.rootUrl()));
        BronzeLoadScenario.assertStagingHolds(older, 301);
        Notebooks.runPython(notebook, Notebooks.widgets(302, "stg", landing.rootUrl()));
        BronzeLoadScenario.assertStagingHolds(older, 301);
    }

    private static boolean psaExists() {
        return SharedSpark.session().catalog().tableExists(Bronze.table(Bronze.PERSISTENT_STAGING,
                AwltData.customer()).replace("`", ""));
    }

    /** One row per landed row of X, by key, with X's values and X's id. */
    private static void assertPsaHoldsExactly(LandedTable landed, List<Row> persisted) {
        assertEquals(landed.size(), persisted.size(), "persistent staging rows = X's landed rows");
        for (int i = 0; i < landed.size(); i++) {
            Row r = persisted.get(i);
            assertEquals(landed.value(i, landed.key()), r.getAs(landed.key()), "row " + i + ": keys in order, once each");
            assertEquals(X, (long) r.<Long>getAs("row_audit_id"));
            for (String column : landed.schema().fieldNames()) {
                assertEquals(landed.value(i, column), r.getAs(column), "row " + i + " column " + column);
            }
            assertEquals(ExpectedRowHash.of(landed, i), r.getAs("row_hash"));
        }
        assertTrue(persisted.stream().map(r -> r.getAs(landed.key())).distinct().count() == landed.size());
    }
}
