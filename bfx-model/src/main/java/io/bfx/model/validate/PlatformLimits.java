package io.bfx.model.validate;

import io.bfx.model.Batch;
import io.bfx.model.Connection;
import io.bfx.model.Metadata;
import io.bfx.model.DataObject;
import io.bfx.model.Dimension;
import io.bfx.model.Fact;
import io.bfx.model.Project;
import io.bfx.model.SilverModel;
import io.bfx.model.vault.Vault;
import io.bfx.model.vault.VaultDeriver;
import io.bfx.model.settings.SettingResolver;
import io.bfx.model.settings.Settings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Limits of the platforms the solution deploys to, and what a model needs of them, counted from the metadata
 * before anything is generated (BFX033 warns about them). ADF allows 5,000 entities (pipelines, datasets, linked
 * services, triggers...) per factory, and every project of a bfx build deploys into one factory; Databricks allows
 * 1,000 tasks per job, and each pushdown batch runs as one job.
 *
 * <p>The counts mirror what bfx-templates generates (a bfx-templates test compares them with real output): one
 * Key Vault linked service per factory; a linked service per source and per run catalog (one when a catalog is
 * also a source); a table dataset per source; a linked service, a Parquet and a Binary dataset per landing
 * connection; a dataset per run catalog; a linked service per Databricks workspace; one pipeline per object of
 * each project; per batch with projects its batch pipeline, its copy sub-batches of AzureDataFactoryActivityLimit
 * objects each (in traditional mode also notebook sub-batches of that size for each layer: Bronze, Silver,
 * dimensions, facts), and its schedule trigger.
 */
public final class PlatformLimits {

    /** ADF: entities per data factory. */
    public static final int MAX_FACTORY_ENTITIES = 5_000;
    /** Databricks: tasks per job. */
    public static final int MAX_JOB_TASKS = 1_000;

    private PlatformLimits() {}

    /** How many ADF entities the generated factory holds (see the class comment for what is counted). */
    public static int adfEntities(Metadata metadata, SettingResolver settings) {
        RuleContext ctx = new RuleContext(metadata, settings, null);
        Set<String> sources = new TreeSet<>();
        Set<String> landings = new TreeSet<>();
        Set<String> catalogs = new TreeSet<>();
        Set<String> workspaces = new TreeSet<>();
        int pipelines = 0;
        for (Project p : metadata.projects()) {
            ctx.connection(p.sourceConnection()).ifPresent(c -> sources.add(c.name()));
            ctx.connection(p.landingConnection()).ifPresent(c -> landings.add(c.name()));
            ctx.catalogOf(p).ifPresent(c -> catalogs.add(c.name()));
            ctx.connection(p.stagingConnection()).ifPresent(c -> workspaces.add(workspace(c)));
            pipelines += metadata.objectsOf(p).size();
        }
        int triggers = 0;
        for (Batch batch : metadata.batches()) {
            List<Project> projects = projects(metadata, batch);
            if (projects.isEmpty()) {
                continue; // a batch without projects generates nothing
            }
            int objects = projects.stream().mapToInt(p -> metadata.objectsOf(p).size()).sum();
            int limit = activityLimit(settings, batch);
            int subBatches = slices(objects, limit);
            boolean traditional = projects.stream().anyMatch(p -> !p.pushdownProcessing());
            pipelines += 1 + subBatches;
            if (traditional) {
                // Notebook sub-batches layer by layer: Bronze, Silver, dimensions, facts.
                int silver = 0;
                int dimensions = 0;
                int facts = 0;
                for (Project p : projects) {
                    silver += silverNotebooks(metadata, p);
                    dimensions += gold(metadata, p, true);
                    facts += gold(metadata, p, false);
                }
                pipelines += subBatches + slices(silver, limit) + slices(dimensions, limit) + slices(facts, limit);
            }
            triggers += batch.schedule() != null ? 1 : 0;
        }
        Set<String> sqlServices = new TreeSet<>(sources);
        sqlServices.addAll(catalogs);
        int linkedServices = 1 + sqlServices.size() + landings.size() + workspaces.size();
        int datasets = sources.size() + 2 * landings.size() + catalogs.size();
        return linkedServices + datasets + pipelines + triggers;
    }

    /**
     * How many tasks the Databricks job of a batch has: none for a batch without pushdown projects (ADF runs their
     * notebooks), else per object its staging and persistent staging task (counted as two even without persistent
     * staging: an upper bound), per hub, link and satellite of the Data Vault (or per object in normal form) one
     * task, and one per dimension and fact.
     */
    public static int jobTasks(Metadata metadata, Batch batch) {
        int tasks = 0;
        for (Project p : projects(metadata, batch)) {
            if (p.pushdownProcessing()) {
                tasks += metadata.objectsOf(p).size() * 2 + silverTasks(metadata, p) + gold(metadata, p, true)
                        + gold(metadata, p, false);
            }
        }
        return tasks;
    }

    private static int slices(int items, int limit) {
        return (items + limit - 1) / limit;
    }

    /** Whether a project has Silver and Gold at all: they load from persistent staging. */
    private static boolean loadsFromHistory(Metadata metadata, Project p) {
        return p.persistentStagingConnection() != null && !metadata.objectsOf(p).isEmpty();
    }

    private static Vault vault(Metadata metadata, Project p) {
        return new VaultDeriver(metadata).derive(p);
    }

    /** Silver job tasks: one per hub, link and satellite, or one per object in normal form. */
    private static int silverTasks(Metadata metadata, Project p) {
        if (!loadsFromHistory(metadata, p) || metadata.connection(p.targetConnection()).isEmpty()) {
            return 0;
        }
        if (p.silverModel() != SilverModel.DATA_VAULT) {
            return metadata.objectsOf(p).size();
        }
        Vault v = vault(metadata, p);
        return v.hubs().size() + v.links().size() + v.satellites().size();
    }

    /** Silver notebooks (ADF's traditional mode): one per object with a hub, link or satellite (normal form: all). */
    private static int silverNotebooks(Metadata metadata, Project p) {
        if (!loadsFromHistory(metadata, p) || metadata.connection(p.targetConnection()).isEmpty()) {
            return 0;
        }
        if (p.silverModel() != SilverModel.DATA_VAULT) {
            return metadata.objectsOf(p).size();
        }
        Vault v = vault(metadata, p);
        Set<DataObject> sources = Collections.newSetFromMap(new IdentityHashMap<>());
        v.hubs().forEach(h -> sources.add(h.source()));
        v.links().forEach(l -> sources.add(l.source()));
        v.satellites().forEach(s -> sources.add(s.source()));
        return sources.size();
    }

    /** The dimensions (or facts) of a project: one task or notebook each. */
    private static int gold(Metadata metadata, Project p, boolean dimensions) {
        if (!loadsFromHistory(metadata, p) || p.dataMartConnection() == null) {
            return 0;
        }
        return (int) (dimensions ? metadata.dimensions().stream().map(Dimension::project)
                : metadata.facts().stream().map(Fact::project)).filter(p.name()::equalsIgnoreCase).count();
    }

    private static List<Project> projects(Metadata metadata, Batch batch) {
        List<Project> out = new ArrayList<>();
        for (Project p : metadata.projects()) {
            if (p.batch() != null && p.batch().equalsIgnoreCase(batch.name())) {
                out.add(p);
            }
        }
        return out;
    }

    private static int activityLimit(SettingResolver settings, Batch batch) {
        try {
            return Math.max(1, settings.forBatch(Settings.AZURE_DATA_FACTORY_ACTIVITY_LIMIT, batch).asInt());
        } catch (NumberFormatException e) {
            // an invalid value is reported by the settings rule; count with the default meanwhile
            return Integer.parseInt(Settings.AZURE_DATA_FACTORY_ACTIVITY_LIMIT.defaultValue());
        }
    }

    /** The workspace a Databricks connection points at, as ADF's linked services group them: by URL. */
    private static String workspace(Connection c) {
        String url = c.workspaceUrl() == null ? "" : c.workspaceUrl().trim().toLowerCase(Locale.ROOT);
        int scheme = url.indexOf("://");
        url = scheme < 0 ? url : url.substring(scheme + 3);
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }
}
