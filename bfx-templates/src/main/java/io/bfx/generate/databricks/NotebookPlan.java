package io.bfx.generate.databricks;

import io.bfx.generate.Solution;
import io.bfx.model.Batch;
import io.bfx.model.Connection;
import io.bfx.model.DataObject;
import io.bfx.model.Dimension;
import io.bfx.model.Fact;
import io.bfx.model.Metadata;
import io.bfx.model.Project;
import io.bfx.model.SilverModel;
import io.bfx.model.naming.Names;
import io.bfx.model.settings.SettingResolver;
import io.bfx.model.settings.Settings;
import io.bfx.model.vault.Vault;
import io.bfx.model.vault.VaultDeriver;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The notebooks of a batch by layer, without building their SQL: for ADF's traditional mode, which runs them
 * layer after layer (Bronze, Silver, dimensions, facts), each layer's notebooks in parallel. The names are the
 * ones the bundle uses ({@link NotebookUnits}).
 */
public final class NotebookPlan {

    private NotebookPlan() {}

    /**
     * A notebook to run, with the project it belongs to, a short description and the connection behind each of
     * its catalog and landing widgets (in widget order), whose values differ per environment. {@code bronzeObject}:
     * the source object of a Bronze notebook, whose own settings (timeout, retry) apply to it; null for Silver and
     * Gold, which run under their project's settings.
     */
    public record Entry(Project project, String notebook, String description,
            Map<SessionVariables, Connection> connections, DataObject bronzeObject) {}

    /** Notebooks of the batch in four layers: Bronze, Silver, dimensions, facts (a layer may be empty). */
    public static List<List<Entry>> layers(Metadata metadata, SettingResolver settings, Batch batch) {
        Solution solution = new Solution(metadata);
        List<Entry> bronze = new ArrayList<>();
        List<Entry> silver = new ArrayList<>();
        List<Entry> dimensions = new ArrayList<>();
        List<Entry> facts = new ArrayList<>();
        for (Project p : solution.projects(batch)) {
            String prefix = settings.forProject(Settings.DATABRICKS_APPEND_NOTEBOOK_NAME, p).value();
            List<BronzeObject> objects = solution.bronze(p);
            for (BronzeObject o : objects) {
                Map<SessionVariables, Connection> c = new EnumMap<>(SessionVariables.class);
                c.put(SessionVariables.STAGING_CATALOG, o.staging());
                if (o.hasPersistentStaging()) {
                    c.put(SessionVariables.PSA_CATALOG, o.psa());
                }
                c.put(SessionVariables.LANDING_ROOT, o.landing());
                bronze.add(new Entry(p, Names.notebook(prefix, o.source(), o.object()),
                        "Loads " + o.source().name() + "." + o.object().qualifiedName(), c, o.object()));
            }
            boolean history = p.persistentStagingConnection() != null;
            Connection target = metadata.connection(p.targetConnection()).orElse(null);
            if (target != null && history) {
                Vault vault = p.silverModel() == SilverModel.DATA_VAULT ? new VaultDeriver(metadata).derive(p) : null;
                for (BronzeObject o : objects) {
                    boolean any = vault == null
                            || vault.hubs().stream().anyMatch(h -> h.source() == o.object())
                            || vault.links().stream().anyMatch(l -> l.source() == o.object())
                            || vault.satellites().stream().anyMatch(s -> s.source() == o.object());
                    if (any) {
                        silver.add(new Entry(p, Names.silverNotebook(prefix, vault == null ? "nf" : "dv", o.source(),
                                o.object()), "Silver load of " + o.object().qualifiedName(),
                                connections(SessionVariables.VAULT_CATALOG, o.psa(), target), null));
                    }
                }
            }
            Connection mart = metadata.connection(p.dataMartConnection()).orElse(null);
            Connection psa = metadata.connection(p.persistentStagingConnection()).orElse(null);
            if (mart != null && psa != null && !objects.isEmpty()) {
                for (Dimension d : metadata.dimensions()) {
                    if (p.name().equalsIgnoreCase(d.project())) {
                        dimensions.add(new Entry(p, Names.goldNotebook(prefix, "dim", d.name()), "Dimension " + d.name(),
                                connections(SessionVariables.MART_CATALOG, psa, mart), null));
                    }
                }
                for (Fact f : metadata.facts()) {
                    if (p.name().equalsIgnoreCase(f.project())) {
                        facts.add(new Entry(p, Names.goldNotebook(prefix, "fact", f.name()), "Fact " + f.name(),
                                connections(SessionVariables.MART_CATALOG, psa, mart), null));
                    }
                }
            }
        }
        return List.of(bronze, silver, dimensions, facts);
    }

    /**
     * The name of the environment value behind a widget for a connection: the bundle variable of pushdown mode,
     * and the factory global parameter ADF passes in traditional mode ({@code <connection>_catalog},
     * {@code <connection>_root}).
     */
    public static String environmentValue(SessionVariables widget, Connection connection) {
        return BundleModel.bundleVariable(widget, connection);
    }

    /** The value generated for the development environment: the connection's catalog or landing URL. */
    public static String developmentValue(SettingResolver settings, SessionVariables widget, Connection connection) {
        return widget == SessionVariables.LANDING_ROOT ? DatabricksProducer.landingRoot(settings, connection)
                : connection.catalog();
    }

    /** Silver and Gold read persistent staging and write their own catalog. */
    private static Map<SessionVariables, Connection> connections(SessionVariables target, Connection psa,
            Connection targetConnection) {
        Map<SessionVariables, Connection> c = new EnumMap<>(SessionVariables.class);
        c.put(SessionVariables.PSA_CATALOG, psa);
        c.put(target, targetConnection);
        return c;
    }
}
