package io.bfx.generate.databricks.silver;

import io.bfx.generate.SolutionContext;
import io.bfx.generate.databricks.BronzeObject;
import io.bfx.generate.databricks.BronzeSqlView.ColumnDefinition;
import io.bfx.generate.databricks.LoadStep;
import io.bfx.generate.databricks.SessionVariables;
import io.bfx.generate.databricks.SqlSplitter;
import io.bfx.model.Connection;
import io.bfx.model.naming.Names;
import io.bfx.model.vault.Hub;
import io.bfx.model.vault.Link;
import io.bfx.model.vault.Satellite;
import io.bfx.model.vault.Vault;
import io.bfx.templates.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * The Silver steps of one source object: its hub, links and satellite (Data Vault) or its normal-form table, each a
 * task that waits for what it reads: hubs and links for the object's persistent staging, a satellite for its
 * parent.
 */
public final class SilverSteps {

    private SilverSteps() {}

    private static final List<SessionVariables> VARIABLES = List.of(SessionVariables.PSA_CATALOG,
            SessionVariables.VAULT_CATALOG);

    public static List<LoadStep> dataVault(SolutionContext context, BronzeObject unit, Connection vault, Vault dv) {
        VaultSqlBuilder builder = new VaultSqlBuilder(context.settings());
        String psaTask = Names.task("psa", unit.source(), unit.object());
        String table = unit.table();
        List<LoadStep> steps = new ArrayList<>();
        Hub hub = dv.hubs().stream().filter(h -> h.source() == unit.object()).findFirst().orElse(null);
        String hubTask = Names.task("hub", unit.source(), unit.object());
        if (hub != null) {
            steps.add(step(context, "hub", "persistent staging to hub " + hub.name(), "databricks/sql/dv-hub.sql.mustache",
                    builder.hub(unit, vault, hub), vault, hub.name(), hubTask, List.of(psaTask)));
        }
        String linkObjectTask = null;
        for (Link link : dv.links()) {
            if (link.source() != unit.object()) {
                continue;
            }
            boolean ofLinkObject = hub == null;
            String step = ofLinkObject ? "lnk" : "lnk_" + link.entity().substring(unit.object().name().length() + 1);
            String task = Names.key(step + "_" + table);
            if (ofLinkObject) {
                linkObjectTask = task;
            }
            steps.add(step(context, step, "persistent staging to link " + link.name(), "databricks/sql/dv-link.sql.mustache",
                    builder.link(unit, vault, link), vault, link.name(), task, List.of(psaTask)));
        }
        for (Satellite sat : dv.satellites()) {
            if (sat.source() != unit.object()) {
                continue;
            }
            boolean ofLink = sat.link() != null;
            String step = ofLink ? "lsat" : "sat";
            steps.add(step(context, step, "persistent staging to satellite " + sat.name(),
                    "databricks/sql/dv-satellite.sql.mustache", builder.satellite(unit, vault, sat), vault, sat.name(),
                    Names.key(step + "_" + table), List.of(ofLink ? linkObjectTask : hubTask)));
        }
        return steps;
    }

    public static List<LoadStep> normalForm(SolutionContext context, BronzeObject unit, Connection target,
            List<ColumnDefinition> columns) {
        VaultSqlBuilder builder = new VaultSqlBuilder(context.settings());
        return List.of(step(context, "nf", "persistent staging to normal form", "databricks/sql/nf-table.sql.mustache",
                builder.normalForm(unit, target, columns), target, unit.table(),
                Names.task("nf", unit.source(), unit.object()), List.of(Names.task("psa", unit.source(), unit.object()))));
    }

    private static LoadStep step(SolutionContext context, String name, String description, String template, Object view,
            Connection vault, String table, String task, List<String> dependsOn) {
        List<String> statements = SqlSplitter.split(context.templates().render(template, view));
        // The CREATE statements come first in every Silver template: they are the step's DDL.
        List<String> ddl = statements.stream().filter(SqlSplitter::isDdl).toList();
        List<String> load = statements.stream().filter(s -> !SqlSplitter.isDdl(s)).toList();
        return new LoadStep(name, description, ddl, load, VARIABLES, "ROWS",
                Sql.fragment("SELECT count(*) FROM " + new io.bfx.generate.databricks.CatalogTable(
                        SessionVariables.VAULT_CATALOG.variable(), vault.schema(), table).identifier().sql()),
                task, dependsOn, Sql.identifier(vault.catalog(), vault.schema(), Names.key("bfx_load_" + table)));
    }
}
