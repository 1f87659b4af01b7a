package io.bfx.generate.databricks;

import io.bfx.generate.Solution;
import io.bfx.generate.SolutionContext;
import io.bfx.generate.databricks.gold.GoldSteps;
import io.bfx.generate.databricks.silver.SilverSteps;
import io.bfx.model.Batch;
import io.bfx.model.Connection;
import io.bfx.model.DataObject;
import io.bfx.model.Dimension;
import io.bfx.model.Fact;
import io.bfx.model.Project;
import io.bfx.model.SilverModel;
import io.bfx.model.naming.Names;
import io.bfx.model.settings.Settings;
import io.bfx.model.vault.Vault;
import io.bfx.model.vault.VaultDeriver;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every notebook of a batch, layer by layer: per object a Bronze notebook (stg, psa) and, with a Silver target, a
 * Silver notebook (hub, links, satellite, or the normal-form table); per dimension and fact of the batch's
 * projects a Gold notebook. Steps carry their task dependencies, so the job runs staging, then persistent staging,
 * then hubs and links, then satellites, then dimensions, then facts, with independent steps in parallel.
 */
final class NotebookUnits {

    private final SolutionContext context;
    private final Solution solution;
    private final BronzeSqlBuilder bronze;

    NotebookUnits(SolutionContext context, Solution solution) {
        this.context = context;
        this.solution = solution;
        this.bronze = new BronzeSqlBuilder(context.settings());
    }

    String prefix(Project project) {
        return context.settings().forProject(Settings.DATABRICKS_APPEND_NOTEBOOK_NAME, project).value();
    }

    /** The notebooks of a batch, in a stable order. Builds SQL: call once per batch and keep the result. */
    List<NotebookUnit> of(Batch batch) {
        List<NotebookUnit> units = new ArrayList<>();
        for (Project project : solution.projects(batch)) {
            List<BronzeObject> objects = solution.bronze(project);
            for (BronzeObject unit : objects) {
                units.add(bronze(unit));
            }
            Connection target = context.metadata().connection(project.targetConnection()).orElse(null);
            if (target != null && !objects.isEmpty() && objects.get(0).hasPersistentStaging()) {
                Vault vault = project.silverModel() == SilverModel.DATA_VAULT
                        ? new VaultDeriver(context.metadata()).derive(project) : null;
                for (BronzeObject unit : objects) {
                    NotebookUnit silver = silver(unit, target, vault);
                    if (silver != null) {
                        units.add(silver);
                    }
                }
            }
            Connection mart = context.metadata().connection(project.dataMartConnection()).orElse(null);
            if (mart != null && !objects.isEmpty() && objects.get(0).hasPersistentStaging()) {
                units.addAll(gold(project, objects, mart));
            }
        }
        return units;
    }

    NotebookUnit bronze(BronzeObject unit) {
        BronzeSqlView sql = bronze.build(unit);
        Map<SessionVariables, Connection> connections = new EnumMap<>(SessionVariables.class);
        connections.put(SessionVariables.STAGING_CATALOG, unit.staging());
        if (unit.hasPersistentStaging()) {
            connections.put(SessionVariables.PSA_CATALOG, unit.psa());
        }
        connections.put(SessionVariables.LANDING_ROOT, unit.landing());
        return new NotebookUnit(unit.project(), Names.notebook(prefix(unit.project()), unit.source(), unit.object()),
                unit.table(), "Bronze load of " + unit.object().qualifiedName() + " (" + unit.source().recordSource() + ")",
                unit.object().qualifiedName(), BronzeSteps.of(context, unit, sql), connections);
    }

    private NotebookUnit silver(BronzeObject unit, Connection target, Vault vault) {
        List<LoadStep> steps;
        String kind;
        if (vault != null) {
            steps = SilverSteps.dataVault(context, unit, target, vault);
            kind = "dv";
        } else {
            steps = SilverSteps.normalForm(context, unit, target, bronze.build(unit).stagingColumns().stream()
                    .map(i -> i.it()).toList());
            kind = "nf";
        }
        if (steps.isEmpty()) {
            return null;
        }
        Map<SessionVariables, Connection> connections = new EnumMap<>(SessionVariables.class);
        connections.put(SessionVariables.PSA_CATALOG, unit.psa());
        connections.put(SessionVariables.VAULT_CATALOG, target);
        return new NotebookUnit(unit.project(), Names.silverNotebook(prefix(unit.project()), kind, unit.source(), unit.object()),
                kind + "_" + unit.table(), "Silver load of " + unit.object().qualifiedName() + " ("
                        + unit.source().recordSource() + ")", unit.object().qualifiedName(), steps, connections);
    }

    private List<NotebookUnit> gold(Project project, List<BronzeObject> objects, Connection mart) {
        Map<DataObject, BronzeObject> bySource = new HashMap<>();
        objects.forEach(o -> bySource.put(o.object(), o));
        List<NotebookUnit> units = new ArrayList<>();
        Map<String, String> dimensionTasks = new HashMap<>();
        for (Dimension d : context.metadata().dimensions()) {
            if (!project.name().equalsIgnoreCase(d.project())) {
                continue;
            }
            BronzeObject unit = source(bySource, project, d.source());
            if (unit == null) {
                continue;
            }
            LoadStep step = GoldSteps.dimension(context, d, unit, mart);
            dimensionTasks.put(d.name().toLowerCase(java.util.Locale.ROOT), step.taskKey());
            units.add(gold(project, unit, mart, Names.goldNotebook(prefix(project), "dim", d.name()), d.name(),
                    "Dimension " + d.name(), step));
        }
        for (Fact f : context.metadata().facts()) {
            if (!project.name().equalsIgnoreCase(f.project())) {
                continue;
            }
            BronzeObject unit = source(bySource, project, f.source());
            if (unit == null) {
                continue;
            }
            List<String> deps = f.dimensions().stream()
                    .map(fd -> dimensionTasks.get(fd.dimension().toLowerCase(java.util.Locale.ROOT)))
                    .filter(t -> t != null).distinct().toList();
            units.add(gold(project, unit, mart, Names.goldNotebook(prefix(project), "fact", f.name()), f.name(),
                    "Fact " + f.name(), GoldSteps.fact(context, f, unit, mart, deps)));
        }
        return units;
    }

    private BronzeObject source(Map<DataObject, BronzeObject> bySource, Project project, String qualifiedName) {
        return context.metadata().object(project.sourceConnection(), qualifiedName).map(bySource::get).orElse(null);
    }

    private NotebookUnit gold(Project project, BronzeObject unit, Connection mart, String name, String entity,
            String title, LoadStep step) {
        Map<SessionVariables, Connection> connections = new EnumMap<>(SessionVariables.class);
        connections.put(SessionVariables.PSA_CATALOG, unit.psa());
        connections.put(SessionVariables.MART_CATALOG, mart);
        return new NotebookUnit(project, name, entity, title, entity, List.of(step), connections);
    }
}
