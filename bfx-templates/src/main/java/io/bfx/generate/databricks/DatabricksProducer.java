package io.bfx.generate.databricks;

import io.bfx.generate.ArtifactProducer;
import io.bfx.generate.GeneratedFile;
import io.bfx.generate.GenerationException;
import io.bfx.generate.Solution;
import io.bfx.generate.SolutionContext;
import io.bfx.model.Batch;
import io.bfx.model.Connection;
import io.bfx.model.Project;
import io.bfx.model.naming.Names;
import io.bfx.model.settings.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Databricks half of the solution: a Databricks Asset Bundle under {@code databricks/} with one job per batch,
 * one notebook per object (Python, or SQL scripting when the project asks for it), the object's DDL and its steps
 * as SQL procedures, plus {@code bfxutils.py}, the ODBC init script and the secret-scope setup script.
 */
public final class DatabricksProducer implements ArtifactProducer {

    public static final String ROOT = "databricks/";

    @Override
    public void produce(SolutionContext context, FileSink sink) {
        Solution solution = new Solution(context.metadata());
        BundleModel bundle = new BundleModel(context, solution);
        NotebookUnits layers = new NotebookUnits(context, solution);
        NotebookWriter writer = new NotebookWriter(context, bundle);

        // One batch at a time: its units (with their rendered SQL) are written and dropped before the next batch.
        Map<Batch, List<NotebookUnit>> shapes = new LinkedHashMap<>();
        for (Batch batch : solution.batches()) {
            checkUniqueTasks(batch, solution);
            List<NotebookUnit> units = layers.of(batch);
            context.forEachParallel(units, unit -> writer.write(unit, sink));
            if (bundle.pushdown(batch)) {
                sink.accept(context.render(ROOT + "resources/" + Names.jobKey(batch) + ".job.yml",
                        "databricks/job.yml.mustache", bundle.job(batch, units)));
            }
            // databricks.yml needs only each unit's connections, not its SQL.
            shapes.put(batch, units.stream().map(u -> new NotebookUnit(u.project(), u.notebookName(), u.entity(),
                    u.title(), u.countObject(), List.of(), u.connections())).toList());
        }
        sink.accept(context.render(ROOT + "databricks.yml", "databricks/databricks.yml.mustache", bundle.root(shapes)));
        // Next to the Python notebooks of each project: Databricks puts a notebook's own folder on sys.path, not
        // its parent, so a plain `import bfxutils` finds only a module in the same folder. SQL-scripting
        // notebooks import nothing.
        Set<String> projectFolders = new java.util.TreeSet<>();
        shapes.values().forEach(units -> units.stream().filter(u -> !u.project().sqlScripting())
                .forEach(u -> projectFolders.add(BundleModel.projectFolder(u.project()))));
        for (String folder : projectFolders) {
            copy(context, sink, "databricks/bfxutils.py", ROOT + "src/" + folder + "/bfxutils.py");
        }
        copy(context, sink, "databricks/bfx_init_odbc.sh", ROOT + "bfx_init_odbc.sh");
        sink.accept(context.render(ROOT + "bfx_setup_secrets.ps1", "databricks/bfx_setup_secrets.ps1.mustache",
                bundle.secrets()));
    }

    private static void copy(SolutionContext context, FileSink sink, String template, String path) {
        sink.accept(GeneratedFile.text(path, context.templates().repository().find(template).text()));
    }

    /** Task keys must be unique within a job; two projects of one batch could collide on record source and name. */
    private static void checkUniqueTasks(Batch batch, Solution solution) {
        Set<String> keys = new HashSet<>();
        for (BronzeObject unit : solution.bronze(batch)) {
            String key = Names.task(BronzeSteps.STAGING, unit.source(), unit.object()).toLowerCase(java.util.Locale.ROOT);
            if (!keys.add(key)) {
                throw new GenerationException("Batch " + batch.name() + " loads two objects named "
                        + unit.table() + " (record source and object name); give their sources different "
                        + "record sources or run them in different batches.");
            }
        }
    }

    /** The landing root URL of a landing connection: {@code abfss://<container>@<account>.dfs.core.windows.net}. */
    static String landingRoot(SolutionContext context, Connection landing) {
        return landingRoot(context.settings(), landing);
    }

    static String landingRoot(io.bfx.model.settings.SettingResolver settings, Connection landing) {
        String container = landing.container() != null && !landing.container().isBlank() ? landing.container()
                : settings.forConnection(Settings.AZURE_STAGE_CONTAINER, landing).value();
        return "abfss://" + container + "@" + landing.storageAccount() + ".dfs.core.windows.net";
    }

    static String compute(SolutionContext context, Batch batch, List<Project> projects) {
        String compute = null;
        for (Project p : projects) {
            String c = context.settings().forProject(Settings.DATABRICKS_JOB_CLUSTER, p).canonical();
            if (compute != null && !compute.equals(c)) {
                throw new GenerationException("Projects of batch " + batch.name() + " ask for different compute ("
                        + compute + " and " + c + "); one job runs on one kind of compute.");
            }
            compute = c;
        }
        return compute;
    }
}
