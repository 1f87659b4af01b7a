package io.bfx.it.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.bfx.generate.adf.AdfStrings;
import io.bfx.it.adf.AdfExpressions.Context;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Evaluates the expressions of the generated pipelines, taken from their JSON, for each answer of the run
 * catalog's LogExecutionStart: which execution's data Databricks processes (row_audit_id), and which parts of the
 * batch run. A Databricks restart (D) must reuse the data of LastExecutionID and skip the copies.
 */
class RowAuditIdExpressionIT {

    static final long EXECUTION_ID = 42;
    static final long LAST_EXECUTION_ID = 17;

    private static JsonNode pipeline(AwltAdf.Mode mode, String name) {
        return AwltAdf.read(AwltAdf.generated(mode).resolve("adf/pipeline/" + name + ".json"));
    }

    private static JsonNode batch(AwltAdf.Mode mode) {
        return pipeline(mode, "EXT_AWLT_DBR_Batch");
    }

    /** The context after LogExecutionStart answered {@code status}. */
    private static Context started(String status, Map<String, Object> parameters, Map<String, Object> more) {
        Map<String, Object> firstRow = new HashMap<>();
        firstRow.put("ExecutionID", EXECUTION_ID);
        firstRow.put("ExecutionStatus", status);
        firstRow.put("NextLoadStatus", status.equals("D") ? "D" : "R");
        firstRow.put("LastExecutionID", status.equals("E") ? null : LAST_EXECUTION_ID);
        Map<String, Object> activities = new HashMap<>(more);
        activities.put("LogExecutionStart", Map.of("output", Map.of("firstRow", firstRow)));
        return Context.of(activities, "EXT_AWLT_DBR_Batch", "run-1", parameters);
    }

    private static Context started(String status) {
        return started(status, Map.of(), Map.of());
    }

    private static Object eval(JsonNode valueOrExpression, Context context) {
        JsonNode text = valueOrExpression.isObject() ? valueOrExpression.path("value") : valueOrExpression;
        return AdfExpressions.evaluate(text.asText(), context);
    }

    private static Object condition(JsonNode pipeline, String ifActivity, Context context) {
        return eval(AwltAdf.activity(pipeline, ifActivity).at("/typeProperties/expression"), context);
    }

    @ParameterizedTest
    @CsvSource({"D, 17", "E, 42", "R, 42"})
    void theJobProcessesTheDataOfLastExecutionIdOnADatabricksRestart(String status, String expected) {
        JsonNode job = AwltAdf.activity(batch(AwltAdf.Mode.PUSHDOWN), "Run_Databricks_Job");
        Context c = started(status);
        assertEquals(expected, eval(job.at("/typeProperties/jobParameters/row_audit_id"), c));
        assertEquals("42", eval(job.at("/typeProperties/jobParameters/execution_id"), c));
    }

    @ParameterizedTest
    @CsvSource({"D, 17", "E, 42", "R, 42"})
    void notebooksGetTheSameRowAuditIdThroughTheirSubBatch(String status, String expected) {
        JsonNode run = AwltAdf.activity(batch(AwltAdf.Mode.TRADITIONAL), "Run_EXT_AWLT_DBR_Notebooks_001");
        Context c = started(status);
        Map<String, Object> passed = new LinkedHashMap<>();
        run.at("/typeProperties/parameters").properties().forEach(e -> passed.put(e.getKey(), eval(e.getValue(), c)));
        assertEquals(Map.of("row_audit_id", expected, "execution_id", "42"), passed);

        JsonNode notebook = AwltAdf.activity(pipeline(AwltAdf.Mode.TRADITIONAL, "EXT_AWLT_DBR_Notebooks_001"),
                "bfx_awlt_Customer");
        Context inner = Context.of(Map.of(), "EXT_AWLT_DBR_Notebooks_001", "run-2", passed);
        assertEquals(expected, eval(notebook.at("/typeProperties/baseParameters/row_audit_id"), inner));
        assertEquals("42", eval(notebook.at("/typeProperties/baseParameters/execution_id"), inner));
        assertEquals("all", eval(notebook.at("/typeProperties/baseParameters/step"), inner));
    }

    @ParameterizedTest
    @CsvSource({"E, true", "R, true", "D, false", "C, false"})
    void copiesRunForEAndRAndAreSkippedForD(String status, boolean runs) {
        for (AwltAdf.Mode mode : AwltAdf.Mode.values()) {
            assertEquals(runs, condition(batch(mode), "If_Copy", started(status)), mode + " " + status);
        }
    }

    @ParameterizedTest
    @CsvSource({"E, true", "R, true", "D, true", "C, false"})
    void databricksAndFinishRunUnlessTheBatchIsSkipped(String status, boolean runs) {
        for (AwltAdf.Mode mode : AwltAdf.Mode.values()) {
            assertEquals(runs, condition(batch(mode), "If_Databricks", started(status)), mode + " " + status);
            assertEquals(runs, condition(batch(mode), "If_Finish", started(status)), mode + " " + status);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"E", "R", "D", "C", "A"})
    void onlyAnAbortedStartFails(String status) {
        assertEquals(status.equals("A"), condition(batch(AwltAdf.Mode.PUSHDOWN), "If_Aborted", started(status)));
        JsonNode object = pipeline(AwltAdf.Mode.PUSHDOWN, "EXT_AWLT_DBR_SalesLT_Customer");
        assertEquals(status.equals("A"), condition(object, "If_Aborted", started(status)));
        assertEquals(!status.equals("C"), condition(object, "If_Run", started(status)), "object runs unless C");
    }

    @Test
    void theAbortMessageNamesTheRunningExecution() {
        JsonNode fail = AwltAdf.activity(batch(AwltAdf.Mode.PUSHDOWN), "Fail_Aborted");
        assertEquals("Another run of EXT_AWLT_DBR_Batch is still executing (execution 17); this run was refused.",
                eval(fail.at("/typeProperties/message"), started("A")));
    }

    @Test
    void theHighWatermarkWindowIsInterpolatedIntoTheSourceQuery() {
        JsonNode object = pipeline(AwltAdf.Mode.PUSHDOWN, "EXT_AWLT_DBR_SalesLT_SalesOrderHeader");
        Map<String, Object> lookups = Map.of(
                "Lkp_LastLoadDate", Map.of("output", Map.of("firstRow", Map.of("VariableValue", "2024-01-01"))),
                "Lkp_NextLoadDate", Map.of("output", Map.of("firstRow",
                        Map.of("NextLoadDate", "2024-02-01 10:11:12.1230000"))));
        Context c = started("E", Map.of("ParentExecutionID", 7L, "ProjectName", "EXT_AWLT_DBR"), lookups);
        JsonNode copy = AwltAdf.activity(object, "CopyToLanding");
        String query = (String) eval(copy.at("/typeProperties/source/sqlReaderQuery"), c);
        assertEquals(" WHERE [ModifiedDate] > CONVERT(DATETIME2, '2024-01-01', 121)"
                + " AND [ModifiedDate] <= CONVERT(DATETIME2, '2024-02-01 10:11:12.1230000', 121)",
                query.substring(query.indexOf(" WHERE ")));
        assertEquals("awlt/SalesLT/SalesOrderHeader/row_audit_id=7",
                eval(copy.at("/outputs/0/parameters/FolderPath"), c));
        assertEquals("awlt_SalesOrderHeader.parquet", eval(copy.at("/outputs/0/parameters/FileName"), c));
        JsonNode set = AwltAdf.activity(object, "Set_LastLoadDate");
        assertEquals("2024-02-01 10:11:12.1230000",
                eval(set.at("/typeProperties/storedProcedureParameters/VariableValue/value"), c));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCopyErrorMessageComesFromTheCopyOrNamesTheRun() {
        JsonNode object = pipeline(AwltAdf.Mode.PUSHDOWN, "EXT_AWLT_DBR_SalesLT_SalesOrderHeader");
        JsonNode message = AwltAdf.activity(object, "LogExecutionError")
                .at("/typeProperties/source/storedProcedureParameters/ErrorMessage/value");
        Map<String, Object> failed = Map.of("CopyToLanding", Map.of("error", Map.of("message", "Login failed")));
        assertEquals("Login failed", eval(message, started("E", Map.of(), failed)));
        Map<String, Object> skipped = new HashMap<>();
        skipped.put("CopyToLanding", new HashMap<>(Map.of("output", Map.of())));
        ((Map<String, Object>) skipped.get("CopyToLanding")).put("error", null);
        assertEquals("A high-watermark look-up before the copy failed; see pipeline run run-1",
                eval(message, started("E", Map.of(), skipped)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "@pipeline().RunId", "@", "@@x", "a@{b}c", "@{x}", "O'Brien", "x @ y",
            "it''s", "}{@{", ""})
    void escapedUserValuesReadBackUnchanged(String value) {
        Context c = started("E");
        assertEquals(value, AdfExpressions.evaluate(AdfStrings.literal(value), c), "literal");
        assertEquals(value, AdfExpressions.evaluate("@concat(" + AdfStrings.quote(value) + ")", c), "quoted");
        assertEquals("[" + value + "]", AdfExpressions.evaluate(AdfStrings.interpolate().text("[" + value + "]")
                .expr("string('')").build(), c), "interpolated text");
    }

    @Test
    void theEvaluatorRefusesWhatItDoesNotKnow() {
        Context c = started("E");
        assertThrows(AdfExpressions.EvaluationException.class,
                () -> AdfExpressions.evaluate("@activity('LogExecutionStart').output.firstRow.Nope", c));
        assertThrows(AdfExpressions.EvaluationException.class, () -> AdfExpressions.evaluate("@utcnow()", c));
        assertThrows(AdfExpressions.EvaluationException.class, () -> AdfExpressions.evaluate("@not('x')", c));
    }
}
