package io.bfx.generate.adf;

import io.bfx.generate.GenerationException;
import io.bfx.generate.adf.AdfViews.BinaryMove;
import io.bfx.generate.adf.AdfViews.CatalogLookup;
import io.bfx.generate.adf.AdfViews.CatalogProcedure;
import io.bfx.generate.adf.AdfViews.DatabricksJob;
import io.bfx.generate.adf.AdfViews.DatasetRef;
import io.bfx.generate.adf.AdfViews.Dep;
import io.bfx.generate.adf.AdfViews.ExecutePipeline;
import io.bfx.generate.adf.AdfViews.Fail;
import io.bfx.generate.adf.AdfViews.Named;
import io.bfx.generate.adf.AdfViews.Notebook;
import io.bfx.generate.adf.AdfViews.Policy;
import io.bfx.generate.adf.AdfViews.Value;
import io.bfx.generate.databricks.NotebookPlan;
import io.bfx.generate.databricks.SessionVariables;
import io.bfx.model.Batch;
import io.bfx.model.Connection;
import io.bfx.model.DataObject;
import io.bfx.model.Metadata;
import io.bfx.model.naming.Names;
import io.bfx.model.settings.EffectiveSetting;
import io.bfx.model.settings.SettingDefinition;
import io.bfx.model.settings.SettingResolver;
import io.bfx.model.settings.Settings;
import io.bfx.templates.Seq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The batch pipeline (folder {@code <Batch>/Batch}) and its sub-batch pipelines.
 *
 * <pre>
 * LogExecutionStart (IsBatch)
 *  ─▶ If_Aborted      A: Fail_Aborted
 *  ─▶ If_Copy         E or R (skipped for D and C): the copy sub-batches, one after the other
 *       ├ failed ─▶ LogError_Copy (COPY) ─▶ Fail_Copy
 *  ─▶ If_Databricks   not C: the Databricks job (pushdown) or the notebook sub-batches (traditional)
 *       ├ failed ─▶ LogError_Databricks (DATABRICKS) ─▶ Fail_Databricks
 *  ─▶ If_Finish       not C: archive the landed files of each project, then LogExecutionEnd
 *       └ failed ─▶ LogError_Finish (OTHER) ─▶ Fail_Finish
 * </pre>
 */
final class BatchPipelines {

    static final String IF_ABORTED = "If_Aborted";
    static final String IF_COPY = "If_Copy";
    static final String IF_DATABRICKS = "If_Databricks";
    static final String IF_FINISH = "If_Finish";
    static final String DATABRICKS_JOB = "Run_Databricks_Job";
    static final String ROW_AUDIT_ID = "row_audit_id";
    static final String EXECUTION_ID = "execution_id";

    /** The view of {@code adf/pipeline-batch.json.mustache}. */
    public record BatchPipeline(String name, String description, String folder, CatalogLookup logExecutionStart,
            String abortedExpression, Fail failAborted, String copyExpression, List<Seq.Item<ExecutePipeline>> copies,
            CatalogLookup logCopyError, Fail failCopy, String processExpression, DatabricksJob job,
            List<Seq.Item<ExecutePipeline>> notebooks, CatalogLookup logDatabricksError, Fail failDatabricks,
            String finishExpression, List<BinaryMove> archives, CatalogProcedure logExecutionEnd,
            CatalogLookup logFinishError, Fail failFinish) {}

    /** The view of {@code adf/pipeline-copy-sub-batch.json.mustache}. */
    public record CopySubBatch(String name, String description, String folder,
            List<Seq.Item<ExecutePipeline>> activities) {}

    /** The view of {@code adf/pipeline-notebook-sub-batch.json.mustache}. */
    public record NotebookSubBatch(String name, String description, String folder, List<Seq.Item<Notebook>> activities) {}

    /**
     * Everything generated for one batch; {@code globals}: the factory global parameters its notebook activities
     * read (traditional mode: the catalogs and landing URLs of each environment), by name.
     */
    record Output(BatchPipeline batch, List<CopySubBatch> copySubBatches, List<NotebookSubBatch> notebookSubBatches,
            Map<String, ArmTemplate.GlobalParameter> globals) {}

    private record Work(ProjectConnections pc, DataObject object) {}

    private BatchPipelines() {}

    static Output build(Metadata metadata, SettingResolver settings, Batch batch, List<ProjectConnections> projects,
            DatabricksWorkspaces workspaces, int activityLimit) {
        Function<SettingDefinition, EffectiveSetting> s = d -> settings.forBatch(d, batch);
        boolean pushdown = agreedPushdown(batch, projects);
        Connection catalogConnection = agreedCatalog(batch, projects);
        CatalogCalls catalog = new CatalogCalls(catalogConnection, Policy.catalog(s));
        String folder = batch.name() + "/Batch";
        List<Work> work = new ArrayList<>();
        for (ProjectConnections pc : projects) {
            metadata.objectsOf(pc.project()).forEach(o -> work.add(new Work(pc, o)));
        }
        String executionId = "string(" + CatalogCalls.EXECUTION_ID + ")";

        // Copies: sub-batches of at most activityLimit object pipelines, each in `threads` lanes.
        List<CopySubBatch> copySubBatches = new ArrayList<>();
        List<List<Work>> copySlices = Lanes.slices(work, activityLimit);
        for (int n = 0; n < copySlices.size(); n++) {
            List<Work> slice = copySlices.get(n);
            List<String> names = slice.stream()
                    .map(w -> ActivityNames.fit(Names.objectPipeline(w.pc().project(), w.object()))).toList();
            List<ExecutePipeline> activities = new ArrayList<>();
            List<Integer> previous = Lanes.predecessors(slice.size(), batch.threads());
            for (int i = 0; i < slice.size(); i++) {
                Work w = slice.get(i);
                activities.add(new ExecutePipeline(names.get(i), null, deps(previous.get(i), names),
                        Names.objectPipeline(w.pc().project(), w.object()), Seq.of(List.of(
                                new Named("ParentExecutionID", null,
                                        Value.expr("pipeline().parameters.ParentExecutionID")),
                                new Named("ProjectName", null, Value.literal(w.pc().project().name()))))));
            }
            String name = Names.copySubBatch(batch, n + 1);
            copySubBatches.add(new CopySubBatch(name, "Copies " + slice.size() + " objects of batch " + batch.name()
                    + " in " + Math.min(batch.threads(), slice.size()) + " parallel lanes (part " + (n + 1) + " of "
                    + copySlices.size() + ").", folder, Seq.of(activities)));
        }
        List<ExecutePipeline> copies = sequence(copySubBatches.stream().map(CopySubBatch::name).toList(),
                List.of(new Named("ParentExecutionID", null, Value.expr(CatalogCalls.EXECUTION_ID))));

        // Databricks: one job (pushdown) or notebook sub-batches (traditional).
        Map<String, ArmTemplate.GlobalParameter> globals = new TreeMap<>();
        DatabricksJob job = null;
        List<NotebookSubBatch> notebookSubBatches = new ArrayList<>();
        List<ExecutePipeline> notebooks = List.of();
        if (pushdown) {
            job = new DatabricksJob(DATABRICKS_JOB, "Runs Databricks job " + Names.jobKey(batch) + " on the landed "
                    + "data of row_audit_id (the data of LastExecutionID on a Databricks restart). Its id is the "
                    + "factory global parameter " + Names.jobIdParameter(batch) + ", set at deployment.", List.of(),
                    Policy.databricks(s), agreedWorkspace(batch, projects, workspaces),
                    Value.expr("pipeline().globalParameters." + Names.jobIdParameter(batch)),
                    Seq.of(List.of(new Named(ROW_AUDIT_ID, null, Value.expr(CatalogCalls.rowAuditId())),
                            new Named(EXECUTION_ID, null, Value.expr(executionId)))));
        } else {
            // Bronze first (one notebook per object, the object's own retry and timeout), then Silver, the
            // dimensions and the facts: each layer in its own sub-batches, one after the other, so a layer only
            // starts when everything it reads has loaded; within a layer the notebooks are independent and run in
            // `threads` lanes.
            List<List<NotebookPlan.Entry>> layers = NotebookPlan.layers(metadata, settings, batch);
            List<String> layerNames = List.of("Bronze", "Silver", "dimension", "fact");
            for (int layer = 0; layer < layers.size(); layer++) {
                for (List<NotebookPlan.Entry> slice : Lanes.slices(layers.get(layer), activityLimit)) {
                    List<String> names = slice.stream().map(e -> ActivityNames.fit(e.notebook())).toList();
                    List<Integer> previous = Lanes.predecessors(slice.size(), batch.threads());
                    List<Notebook> activities = new ArrayList<>();
                    for (int i = 0; i < slice.size(); i++) {
                        NotebookPlan.Entry e = slice.get(i);
                        ProjectConnections pc = projects.stream()
                                .filter(p -> p.project().name().equalsIgnoreCase(e.project().name())).findFirst()
                                .orElseThrow();
                        Function<SettingDefinition, EffectiveSetting> policy = e.bronzeObject() != null
                                ? d -> settings.forObject(d, e.project(), e.bronzeObject())
                                : d -> settings.forProject(d, e.project());
                        List<Named> parameters = new ArrayList<>();
                        if (e.bronzeObject() != null) {
                            // Only Bronze reads landed files. Silver and Gold read persistent staging (what is
                            // newer than their latest load): they take no row_audit_id.
                            parameters.add(new Named(ROW_AUDIT_ID, null,
                                    Value.expr("pipeline().parameters." + ROW_AUDIT_ID)));
                        }
                        parameters.add(new Named(EXECUTION_ID, null, Value.expr("pipeline().parameters." + EXECUTION_ID)));
                        parameters.add(new Named("step", null, Value.literal("all")));
                        parameters.addAll(environmentParameters(settings, e.connections(), globals));
                        activities.add(new Notebook(names.get(i), e.description() + " (project "
                                + e.project().name() + ").", deps(previous.get(i), names), Policy.databricks(policy),
                                workspaces.linkedServiceFor(pc.staging()),
                                Value.literal(NotebookPaths.unit(settings, e.project(), e.notebook())),
                                Seq.of(parameters)));
                    }
                    notebookSubBatches.add(notebookSubBatch(batch, notebookSubBatches.size() + 1, folder,
                            "the " + layerNames.get(layer) + " notebooks (" + slice.size() + ")", activities));
                }
            }
            notebooks = sequence(notebookSubBatches.stream().map(NotebookSubBatch::name).toList(), List.of(
                    new Named(ROW_AUDIT_ID, null, Value.expr(CatalogCalls.rowAuditId())),
                    new Named(EXECUTION_ID, null, Value.expr(executionId))));
        }

        // Finish: archive what landed (per project and landing container), then log the end.
        List<BinaryMove> archives = new ArrayList<>();
        Set<String> archived = new TreeSet<>();
        for (ProjectConnections pc : projects) {
            Function<SettingDefinition, EffectiveSetting> ps = d -> settings.forProject(d, pc.project());
            if (!ps.apply(Settings.AZURE_ARCHIVE_LANDING_FILES).asBoolean()) {
                continue;
            }
            String container = ObjectPipelines.landingContainer(settings, pc.landing());
            String archive = ps.apply(Settings.AZURE_ARCHIVE_CONTAINER).value().trim();
            String root = Names.landingRoot(pc.landing(), pc.source());
            if (!archived.add(pc.landing().name() + "/" + container + "/" + root)) {
                continue; // another project of the batch lands in the same folder; one move covers both
            }
            archives.add(new BinaryMove(ActivityNames.fit("Archive_" + Names.adf(pc.project().name())),
                    "Moves every landed file of project " + pc.project().name() + " (" + container + "/" + root
                            + ") to the " + archive + " container.", List.of(), Policy.copy(ps),
                    binary(pc.landing(), container, root), binary(pc.landing(), archive, root),
                    Datasets.readSettings(pc.landing()), Datasets.writeSettings(pc.landing())));
        }
        CatalogProcedure end = catalog.logExecutionEnd(archives.stream().map(a -> Dep.succeeded(a.name())).toList());

        String batchProject = projects.size() == 1 ? projects.get(0).project().name() : batch.name();
        CatalogLookup start = catalog.logExecutionStart(true, Value.nul(), Value.literal(batchProject));
        Fail failAborted = new Fail("Fail_Aborted", "Another run of this batch is still executing.", List.of(),
                Value.interpolated(AdfStrings.interpolate().text("Another run of ").expr("pipeline().Pipeline")
                        .text(" is still executing (execution ").expr(CatalogCalls.LAST_EXECUTION_ID)
                        .text("); this run was refused.").build()),
                "BFX_ABORTED");
        String notC = AdfStrings.expression("not(" + CatalogCalls.statusIs('C') + ")");
        String processDescription = pushdown ? "the Databricks job" : "the notebooks";
        return new Output(new BatchPipeline(Names.batchPipeline(batch),
                "Batch " + batch.name() + " (projects " + projects.stream().map(pc -> pc.project().name())
                        .collect(Collectors.joining(", ")) + "): copies every object into landing, then runs "
                        + processDescription + " on row_audit_id, archives the landed files and logs the end. "
                        + "A failed Databricks part leaves the landed files in the landing container: the next "
                        + "run starts with ExecutionStatus D, skips the copies and processes that data again "
                        + "(row_audit_id = LastExecutionID).",
                folder, start, AdfStrings.expression(CatalogCalls.statusIs('A')), failAborted,
                AdfStrings.expression("or(" + CatalogCalls.statusIs('E') + ", " + CatalogCalls.statusIs('R') + ")"),
                Seq.of(copies),
                catalog.logExecutionError("LogError_Copy", "The copy part failed: logs stage COPY (the next run "
                        + "extracts again what did not land).", List.of(Dep.on(IF_COPY, "Failed")), IF_COPY,
                        Value.expr("activity('" + IF_COPY + "').error.message"), "COPY"),
                failure("Fail_Copy", "LogError_Copy", "The copy part of batch " + batch.name() + " failed"),
                notC, job, Seq.of(notebooks),
                catalog.logExecutionError("LogError_Databricks", "The Databricks part failed: logs stage "
                        + "DATABRICKS. The landed files stay in the landing container; the catalog answers the "
                        + "next start with D (reprocess them) when every copy of this run landed, else R.",
                        List.of(Dep.on(IF_DATABRICKS, "Failed")), IF_DATABRICKS,
                        Value.expr("activity('" + IF_DATABRICKS + "').error.message"), "DATABRICKS"),
                failure("Fail_Databricks", "LogError_Databricks", "The Databricks part of batch " + batch.name()
                        + " failed; the landed data stays in landing for the next run"),
                notC, archives, end,
                catalog.logExecutionError("LogError_Finish", "Archiving or logging the end failed: logs stage "
                        + "OTHER.", List.of(Dep.on(IF_FINISH, "Failed")), IF_FINISH,
                        Value.expr("activity('" + IF_FINISH + "').error.message"), "OTHER"),
                failure("Fail_Finish", "LogError_Finish", "Archiving the landed files of batch " + batch.name()
                        + " failed")),
                copySubBatches, notebookSubBatches, globals);
    }

    /**
     * The catalog and landing widgets of a notebook, read from factory global parameters: the notebook's widget
     * defaults hold the development values, and each environment's factory sets its own (as the bundle's targets
     * do in pushdown mode). Adds the global parameters to {@code globals}.
     */
    private static List<Named> environmentParameters(SettingResolver settings,
            Map<SessionVariables, Connection> connections, Map<String, ArmTemplate.GlobalParameter> globals) {
        List<Named> out = new ArrayList<>();
        for (Map.Entry<SessionVariables, Connection> c : connections.entrySet()) {
            String name = NotebookPlan.environmentValue(c.getKey(), c.getValue());
            globals.computeIfAbsent(name, n -> new ArmTemplate.GlobalParameter(n, "String",
                    NotebookPlan.developmentValue(settings, c.getKey(), c.getValue()),
                    (c.getKey() == SessionVariables.LANDING_ROOT ? "the landing container URL" : "the Unity Catalog "
                            + "catalog") + " of connection " + c.getValue().name() + " in this environment", false));
            out.add(new Named(c.getKey().widget(), null, Value.expr("pipeline().globalParameters." + name)));
        }
        return out;
    }

    private static NotebookSubBatch notebookSubBatch(Batch batch, int n, String folder, String what,
            List<Notebook> activities) {
        return new NotebookSubBatch(Names.notebookSubBatch(batch, n), "Runs " + what + " of batch " + batch.name()
                + " in " + Math.min(batch.threads(), activities.size()) + " parallel lanes (sub-batch " + n
                + "; the sub-batches run one after the other, layer by layer).", folder, Seq.of(activities));
    }

    private static Fail failure(String name, String after, String text) {
        return new Fail(name, "Fails the run so that it shows as failed.",
                Seq.of(List.of(Dep.on(after, "Completed"))),
                Value.interpolated(AdfStrings.interpolate().text(text + " (run catalog execution ")
                        .expr(CatalogCalls.EXECUTION_ID).text(").").build()),
                "BFX_BATCH_FAILED");
    }

    /** ExecutePipeline activities that run {@code pipelines} one after the other. */
    private static List<ExecutePipeline> sequence(List<String> pipelines, List<Named> parameters) {
        List<ExecutePipeline> out = new ArrayList<>();
        for (int i = 0; i < pipelines.size(); i++) {
            List<Dep> deps = i == 0 ? List.of() : List.of(Dep.succeeded(out.get(i - 1).name()));
            out.add(new ExecutePipeline(ActivityNames.fit("Run_" + pipelines.get(i)), null, Seq.of(deps),
                    pipelines.get(i), Seq.of(parameters)));
        }
        return out;
    }

    private static List<Seq.Item<Dep>> deps(int previous, List<String> names) {
        return Seq.of(previous < 0 ? List.of() : List.of(Dep.succeeded(names.get(previous))));
    }

    private static DatasetRef binary(Connection landing, String container, String folder) {
        return DatasetRef.of(Names.binaryDataset(landing), new Named("Container", null, Value.literal(container)),
                new Named("FolderPath", null, Value.literal(folder)),
                new Named("FileName", null, Value.literal("")));
    }

    /** All projects of a batch must share the processing mode: one job, or notebooks. */
    private static boolean agreedPushdown(Batch batch, List<ProjectConnections> projects) {
        Set<Boolean> modes = projects.stream().map(pc -> pc.project().pushdownProcessing())
                .collect(Collectors.toSet());
        if (modes.size() > 1) {
            throw new GenerationException("Batch '" + batch.name() + "' mixes projects with pushdownProcessing true "
                    + "and false (" + projects.stream().map(pc -> pc.project().name() + "="
                            + pc.project().pushdownProcessing()).collect(Collectors.joining(", "))
                    + "); a batch runs either one Databricks job or notebook activities. Put them in separate "
                    + "batches or align the setting.");
        }
        return modes.iterator().next();
    }

    private static Connection agreedCatalog(Batch batch, List<ProjectConnections> projects) {
        Set<String> names = projects.stream().map(pc -> pc.catalog().name()).collect(Collectors.toCollection(
                TreeSet::new));
        if (names.size() > 1) {
            throw new GenerationException("Batch '" + batch.name() + "' has projects logging to different run "
                    + "catalogs " + names + "; a batch and its children must log to one catalog.");
        }
        return projects.get(0).catalog();
    }

    private static String agreedWorkspace(Batch batch, List<ProjectConnections> projects,
            DatabricksWorkspaces workspaces) {
        Set<String> names = projects.stream().map(pc -> workspaces.linkedServiceFor(pc.staging()))
                .collect(Collectors.toCollection(TreeSet::new));
        if (names.size() > 1) {
            throw new GenerationException("Batch '" + batch.name() + "' uses pushdown processing with projects in "
                    + "different Databricks workspaces " + names + "; its one job runs in one workspace.");
        }
        return names.iterator().next();
    }
}
