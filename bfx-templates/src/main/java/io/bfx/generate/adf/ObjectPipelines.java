package io.bfx.generate.adf;

import io.bfx.generate.adf.AdfViews.BinaryMove;
import io.bfx.generate.adf.AdfViews.CatalogLookup;
import io.bfx.generate.adf.AdfViews.CatalogProcedure;
import io.bfx.generate.adf.AdfViews.DatasetRef;
import io.bfx.generate.adf.AdfViews.Dep;
import io.bfx.generate.adf.AdfViews.Fail;
import io.bfx.generate.adf.AdfViews.Named;
import io.bfx.generate.adf.AdfViews.Policy;
import io.bfx.generate.adf.AdfViews.SourceCopy;
import io.bfx.generate.adf.AdfViews.SourceLookup;
import io.bfx.generate.adf.AdfViews.Value;
import io.bfx.generate.adf.AdfViews.Watermark;
import io.bfx.model.Column;
import io.bfx.model.Connection;
import io.bfx.model.DataObject;
import io.bfx.model.LoadParameter;
import io.bfx.model.Project;
import io.bfx.model.naming.Names;
import io.bfx.model.settings.EffectiveSetting;
import io.bfx.model.settings.SettingDefinition;
import io.bfx.model.settings.SettingResolver;
import io.bfx.model.settings.Settings;
import io.bfx.templates.Seq;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pipeline that extracts one object of a project into the landing container (folder {@code <Project>/Process}).
 * It is a child of its batch: the batch passes its ExecutionID as ParentExecutionID, and the files land in the
 * batch's partition folder {@code row_audit_id=<ParentExecutionID>}.
 *
 * <pre>
 * LogExecutionStart ─▶ If_Aborted (A: Fail_Aborted) ─▶ If_Run (skipped for C):
 *     Lkp_&lt;param&gt;, Lkp_&lt;toName&gt; ─▶ CopyToLanding ─▶ LogRowCount ─▶ Set_&lt;param&gt; ─▶ LogExecutionEnd
 *                               └ failed ─▶ MoveToErrorContainer ─▶ LogExecutionError (COPY) ─▶ Fail_Copy
 * </pre>
 */
final class ObjectPipelines {

    static final String COPY = "CopyToLanding";
    static final String MOVE_TO_ERROR = "MoveToErrorContainer";
    static final String LOG_ERROR = "LogExecutionError";
    static final String LOG_ROW_COUNT = "LogRowCount";

    /** The view of {@code adf/pipeline-object.json.mustache}. */
    public record ObjectPipeline(String name, String description, String folder, String projectName,
            CatalogLookup logExecutionStart, String abortedExpression, Fail failAborted, String runExpression,
            List<Watermark> watermarks, SourceCopy copy, CatalogProcedure logRowCount,
            List<CatalogProcedure> setConfigVariables, CatalogProcedure logExecutionEnd, BinaryMove moveToError,
            CatalogLookup logExecutionError, Fail failCopy) {}

    private ObjectPipelines() {}

    static ObjectPipeline view(SettingResolver settings, ProjectConnections pc, DataObject object) {
        Project project = pc.project();
        Connection source = pc.source();
        Connection landing = pc.landing();
        Function<SettingDefinition, EffectiveSetting> s = d -> settings.forObject(d, project, object);
        CatalogCalls catalog = new CatalogCalls(pc.catalog(), Policy.catalog(s));
        String objectName = source.name() + "." + object.qualifiedName();
        String table = TSql.qualified(object.schema(), object.name());
        String schemaName = object.schema() == null ? "" : object.schema();
        String container = landingContainer(settings, landing);
        String folder = folderExpression(Names.landingFolder(landing, source, object));

        CatalogLookup start = catalog.logExecutionStart(false, Value.expr("pipeline().parameters.ParentExecutionID"),
                Value.expr("pipeline().parameters.ProjectName"));
        Fail failAborted = new Fail("Fail_Aborted", "Another run of this pipeline is still executing.", List.of(),
                Value.interpolated(AdfStrings.interpolate().text("Another run of ").expr("pipeline().Pipeline")
                        .text(" is still executing (execution ").expr(CatalogCalls.LAST_EXECUTION_ID)
                        .text("); this run was refused.").build()),
                "BFX_ABORTED");

        // High-watermarks: read the last value from the catalog and the upper bound from the source.
        List<Watermark> watermarks = new ArrayList<>();
        List<Dep> copyDeps = new ArrayList<>();
        AdfStrings.Interpolation query = AdfStrings.interpolate().text("SELECT " + object.columnsByOrdinal().stream()
                .map(Column::name).map(TSql::identifier).collect(Collectors.joining(", ")) + " FROM " + table);
        Policy lookupPolicy = Policy.other(s);
        int i = 0;
        for (LoadParameter p : object.parameters()) {
            Column column = object.column(p.column()).orElseThrow();
            WatermarkSql sql = WatermarkSql.of(object, column.name());
            String upperName = p.toName() != null ? p.toName() : "Next" + p.name();
            String getName = "Lkp_" + p.name();
            String upperActivity = "Lkp_" + upperName;
            String variableObject = objectName + "." + column.name();
            CatalogLookup get = catalog.getConfigVariable(getName, List.of(), source.name(), variableObject, p.name(),
                    p.defaultValue());
            SourceLookup upper = new SourceLookup(upperActivity,
                    "Reads the upper bound " + upperName + " of the rows to copy.", lookupPolicy,
                    Datasets.sourceType(source), AdfStrings.literal("SELECT " + sql.maxExpression() + " AS "
                            + TSql.identifier(upperName) + " FROM " + table),
                    DatasetRef.of(Names.sourceDataset(source), new Named("SchemaName", null,
                            Value.literal(schemaName)), new Named("TableName", null, Value.literal(object.name()))));
            String upperValue = "activity('" + upperActivity + "').output.firstRow." + upperName;
            CatalogProcedure set = catalog.setConfigVariable("Set_" + p.name(),
                    List.of(Dep.succeeded(LOG_ROW_COUNT)), source.name(), variableObject, p.name(), upperValue);
            watermarks.add(new Watermark(get, upper, set));
            copyDeps.add(Dep.succeeded(getName));
            copyDeps.add(Dep.succeeded(upperActivity));
            String col = TSql.identifier(column.name());
            query.text(i++ == 0 ? " WHERE " : " AND ")
                    .text(col + " " + WatermarkSql.lowerOperator(p.operator()) + " " + sql.valuePrefix())
                    .expr("activity('" + getName + "').output.firstRow.VariableValue")
                    .text(sql.valueSuffix() + " AND " + col + " " + WatermarkSql.upperOperator(p.toOperator()) + " "
                            + sql.valuePrefix())
                    .expr(upperValue)
                    .text(sql.valueSuffix());
        }

        SourceCopy copy = new SourceCopy(COPY, "Copies " + object.qualifiedName() + " from " + source.name()
                + " into the batch's partition folder row_audit_id=<ParentExecutionID> as Parquet.",
                Seq.of(copyDeps), Policy.copy(s),
                DatasetRef.of(Names.sourceDataset(source), new Named("SchemaName", null, Value.literal(schemaName)),
                        new Named("TableName", null, Value.literal(object.name()))),
                DatasetRef.of(Names.parquetDataset(landing), new Named("Container", null, Value.literal(container)),
                        new Named("FolderPath", null, Value.expr(folder)),
                        new Named("FileName", null, Value.literal(Names.landingFile(source, object)))),
                Datasets.sourceType(source), Value.interpolated(query.build()), Datasets.writeSettings(landing));

        CatalogProcedure rowCount = catalog.logRowCount(LOG_ROW_COUNT, List.of(Dep.succeeded(COPY)), objectName,
                "activity('" + COPY + "').output.rowsCopied");
        List<CatalogProcedure> sets = watermarks.stream().map(Watermark::setConfig).toList();
        CatalogProcedure end = catalog.logExecutionEnd(sets.isEmpty() ? List.of(Dep.succeeded(LOG_ROW_COUNT))
                : sets.stream().map(c -> Dep.succeeded(c.name())).toList());

        BinaryMove move = null;
        List<Dep> errorDeps = new ArrayList<>();
        errorDeps.add(Dep.on(COPY, "Failed", "Skipped"));
        if (s.apply(Settings.AZURE_ON_ERROR_LANDING_FILES).asBoolean()) {
            String error = s.apply(Settings.AZURE_ERROR_CONTAINER).value().trim();
            move = new BinaryMove(MOVE_TO_ERROR, "Moves the files the failed copy wrote to the " + error
                    + " container.", Seq.of(List.of(Dep.on(COPY, "Failed"))), Policy.copy(s),
                    binary(landing, Value.literal(container), Value.expr(folder)),
                    binary(landing, Value.literal(error), Value.expr(folder)),
                    Datasets.readSettings(landing), Datasets.writeSettings(landing));
            errorDeps.add(Dep.on(MOVE_TO_ERROR, "Completed", "Skipped"));
        }
        CatalogLookup logError = catalog.logExecutionError(LOG_ERROR,
                "Logs the failure (stage COPY). Also runs when the copy was skipped because a high-watermark "
                        + "look-up before it failed.", errorDeps, COPY,
                Value.expr("coalesce(activity('" + COPY + "').error?.message, concat('A high-watermark look-up "
                        + "before the copy failed; see pipeline run ', pipeline().RunId))"),
                "COPY");
        Fail failCopy = new Fail("Fail_Copy", "Fails the run so that the batch sees the failure.",
                Seq.of(List.of(Dep.on(LOG_ERROR, "Completed"))),
                Value.interpolated(AdfStrings.interpolate().text("The extract of " + objectName
                        + " failed (run catalog execution ").expr(CatalogCalls.EXECUTION_ID).text(").").build()),
                "BFX_COPY_FAILED");

        return new ObjectPipeline(Names.objectPipeline(project, object),
                "Extracts " + objectName + " into landing connection " + landing.name() + " for project "
                        + project.name() + ". Run by the batch, which passes its ExecutionID as ParentExecutionID.",
                project.name() + "/Process", project.name(), start,
                AdfStrings.expression(CatalogCalls.statusIs('A')), failAborted,
                AdfStrings.expression("not(" + CatalogCalls.statusIs('C') + ")"),
                watermarks, copy, rowCount, sets, end, move, logError, failCopy);
    }

    /**
     * The container files land in: the landing connection's container, else AzureStageContainer resolved for the
     * landing connection (the Databricks notebooks resolve it the same way to read the files).
     */
    static String landingContainer(SettingResolver settings, Connection landing) {
        return Names.landingContainer(landing,
                settings.forConnection(Settings.AZURE_STAGE_CONTAINER, landing).value().trim());
    }

    /** {@code concat('<folder>', '/row_audit_id=', string(pipeline().parameters.ParentExecutionID))}. */
    static String folderExpression(String landingFolder) {
        return "concat(" + AdfStrings.quote(landingFolder)
                + ", '/row_audit_id=', string(pipeline().parameters.ParentExecutionID))";
    }

    private static DatasetRef binary(Connection landing, Value container, Value folder) {
        return DatasetRef.of(Names.binaryDataset(landing), new Named("Container", null, container),
                new Named("FolderPath", null, folder), new Named("FileName", null, Value.literal("")));
    }
}
