package io.bfx.generate.adf;

import io.bfx.generate.GenerationException;
import io.bfx.generate.adf.AdfViews.CatalogLookup;
import io.bfx.generate.adf.AdfViews.CatalogProcedure;
import io.bfx.generate.adf.AdfViews.Dep;
import io.bfx.generate.adf.AdfViews.Named;
import io.bfx.generate.adf.AdfViews.Policy;
import io.bfx.generate.adf.AdfViews.Value;
import io.bfx.model.Connection;
import io.bfx.model.SystemType;
import io.bfx.model.naming.Names;
import io.bfx.templates.Seq;
import java.util.List;

/**
 * The activities that call the run catalog (docs/run-catalog.md): procedures returning a row are called with a
 * Lookup on the catalog dataset, the others with a SqlServerStoredProcedure activity on the catalog's linked
 * service. Also the expressions that read {@code LogExecutionStart}'s row.
 */
public final class CatalogCalls {

    public static final String LOG_EXECUTION_START = "LogExecutionStart";
    public static final String FIRST_ROW = "activity('" + LOG_EXECUTION_START + "').output.firstRow";
    public static final String STATUS = FIRST_ROW + ".ExecutionStatus";
    public static final String EXECUTION_ID = FIRST_ROW + ".ExecutionID";
    public static final String LAST_EXECUTION_ID = FIRST_ROW + ".LastExecutionID";

    private final String dataset;
    private final String linkedService;
    private final String sourceType;
    private final Policy policy;

    public CatalogCalls(Connection catalog, Policy policy) {
        if (catalog.systemType() == null || !catalog.systemType().isSqlServerFamily()) {
            throw new GenerationException("Run catalog '" + catalog.name() + "' is "
                    + (catalog.systemType() == null ? "of no system type" : catalog.systemType().label())
                    + "; the generated Data Factory logs to a SqlServer or AzureSqlDatabase catalog.");
        }
        this.dataset = Names.catalogDataset(catalog);
        this.linkedService = Names.linkedService(catalog);
        this.sourceType = catalog.systemType() == SystemType.AZURE_SQL_DATABASE ? "AzureSqlSource" : "SqlServerSource";
        this.policy = policy;
    }

    /** {@code equals(<ExecutionStatus>,'X')}. */
    public static String statusIs(char code) {
        return "equals(" + STATUS + ",'" + code + "')";
    }

    /**
     * The {@code row_audit_id} the Databricks part processes: the execution whose data landed, i.e. the data of
     * {@code LastExecutionID} for a Databricks restart (D), else this execution's own id.
     */
    public static String rowAuditId() {
        return "string(if(" + statusIs('D') + ", " + LAST_EXECUTION_ID + ", " + EXECUTION_ID + "))";
    }

    private static String procedure(String name) {
        return TSql.qualified("bfx", name);
    }

    private static Named param(String name, String type, Value value) {
        return new Named(name, type, value);
    }

    private static Value literalOrNull(String value) {
        return value == null ? Value.nul() : Value.literal(value);
    }

    public CatalogLookup logExecutionStart(boolean isBatch, Value parentExecutionId, Value projectName) {
        return new CatalogLookup(LOG_EXECUTION_START,
                "Registers this run in the run catalog and returns ExecutionID, ExecutionStatus (E, R, D, C or A), "
                        + "NextLoadStatus and LastExecutionID.",
                List.of(), policy, sourceType, procedure("LogExecutionStart"), Seq.of(List.of(
                        param("PackageName", "String", Value.expr("pipeline().Pipeline")),
                        param("ProjectName", "String", projectName),
                        param("IsBatch", "Boolean", Value.bool(isBatch)),
                        param("ParentExecutionID", "Int64", parentExecutionId),
                        param("RunId", "String", Value.expr("pipeline().RunId")))),
                dataset);
    }

    public CatalogLookup getConfigVariable(String name, List<Dep> dependsOn, String systemName, String objectName,
            String variableName, String defaultValue) {
        return new CatalogLookup(name, "Reads high-watermark " + variableName + " (stores the default on first use).",
                Seq.of(dependsOn), policy, sourceType, procedure("GetConfigVariable"), Seq.of(List.of(
                        param("SystemName", "String", Value.literal(systemName)),
                        param("ObjectName", "String", Value.literal(objectName)),
                        param("VariableName", "String", Value.literal(variableName)),
                        param("DefaultValue", "String", literalOrNull(defaultValue)),
                        param("ExecutionID", "Int64", Value.expr(EXECUTION_ID)))),
                dataset);
    }

    public CatalogLookup logExecutionError(String name, String description, List<Dep> dependsOn,
            String failedActivity, Value message, String failedStage) {
        return new CatalogLookup(name, description, Seq.of(dependsOn), policy, sourceType,
                procedure("LogExecutionError"), Seq.of(List.of(
                        param("ExecutionID", "Int64", Value.expr(EXECUTION_ID)),
                        param("ActivityName", "String", Value.literal(failedActivity)),
                        param("ErrorMessage", "String", message),
                        param("FailedStage", "String", Value.literal(failedStage)))),
                dataset);
    }

    public CatalogProcedure logRowCount(String name, List<Dep> dependsOn, String objectName, String rowCountExpr) {
        return new CatalogProcedure(name, "Logs the number of rows copied.", Seq.of(dependsOn), policy,
                linkedService, procedure("LogRowCount"), Seq.of(List.of(
                        param("ExecutionID", "Int64", Value.expr(EXECUTION_ID)),
                        param("ObjectName", "String", Value.literal(objectName)),
                        param("CountType", "String", Value.literal("COPY")),
                        param("RowCount", "Int64", Value.expr(rowCountExpr)))));
    }

    public CatalogProcedure setConfigVariable(String name, List<Dep> dependsOn, String systemName,
            String objectName, String variableName, String valueExpr) {
        return new CatalogProcedure(name, "Moves high-watermark " + variableName + " to the upper bound of the rows "
                + "just copied (never backwards; an empty value is ignored).", Seq.of(dependsOn), policy,
                linkedService, procedure("SetConfigVariable"), Seq.of(List.of(
                        param("SystemName", "String", Value.literal(systemName)),
                        param("ObjectName", "String", Value.literal(objectName)),
                        param("VariableName", "String", Value.literal(variableName)),
                        param("VariableValue", "String", Value.expr(valueExpr)),
                        param("ExecutionID", "Int64", Value.expr(EXECUTION_ID)))));
    }

    public CatalogProcedure logExecutionEnd(List<Dep> dependsOn) {
        return new CatalogProcedure("LogExecutionEnd", "Marks this run as succeeded in the run catalog.",
                Seq.of(dependsOn), policy, linkedService, procedure("LogExecutionEnd"), Seq.of(List.of(
                        param("ExecutionID", "Int64", Value.expr(EXECUTION_ID)))));
    }
}
