package io.bfx.generate.databricks.gold;

import io.bfx.generate.SolutionContext;
import io.bfx.generate.databricks.BronzeObject;
import io.bfx.generate.databricks.CatalogTable;
import io.bfx.generate.databricks.LoadStep;
import io.bfx.generate.databricks.SessionVariables;
import io.bfx.generate.databricks.SqlSplitter;
import io.bfx.model.Connection;
import io.bfx.model.Dimension;
import io.bfx.model.Fact;
import io.bfx.model.naming.Names;
import io.bfx.templates.Sql;
import java.util.List;

/** The Gold steps: a dimension waits for its source's persistent staging; a fact also for its dimensions. */
public final class GoldSteps {

    private GoldSteps() {}

    private static final List<SessionVariables> VARIABLES = List.of(SessionVariables.PSA_CATALOG,
            SessionVariables.MART_CATALOG);

    public static String dimensionTask(Dimension d) {
        return Names.key("dim_" + d.name());
    }

    public static String factTask(Fact f) {
        return Names.key("fact_" + f.name());
    }

    public static LoadStep dimension(SolutionContext context, Dimension d, BronzeObject unit, Connection mart) {
        GoldSqlBuilder builder = new GoldSqlBuilder(context.metadata(), context.settings());
        return step(context, "dim", "persistent staging to dimension " + d.name(), "databricks/sql/gold-dimension.sql.mustache",
                builder.dimension(d, unit, mart), mart, d.name(), dimensionTask(d),
                List.of(Names.task("psa", unit.source(), unit.object())));
    }

    public static LoadStep fact(SolutionContext context, Fact f, BronzeObject unit, Connection mart, List<String> dimensionTasks) {
        GoldSqlBuilder builder = new GoldSqlBuilder(context.metadata(), context.settings());
        java.util.List<String> deps = new java.util.ArrayList<>(List.of(Names.task("psa", unit.source(), unit.object())));
        dimensionTasks.stream().filter(t -> !deps.contains(t)).forEach(deps::add);
        return step(context, "fact", "persistent staging to fact " + f.name(), "databricks/sql/gold-fact.sql.mustache",
                builder.fact(f, unit, mart), mart, f.name(), factTask(f), deps);
    }

    private static LoadStep step(SolutionContext context, String name, String description, String template, Object view,
            Connection mart, String table, String task, List<String> dependsOn) {
        List<String> statements = SqlSplitter.split(context.templates().render(template, view));
        return new LoadStep(name, description, statements.stream().filter(SqlSplitter::isDdl).toList(),
                statements.stream().filter(s -> !SqlSplitter.isDdl(s)).toList(), VARIABLES, "ROWS",
                Sql.fragment("SELECT count(*) FROM " + new CatalogTable(SessionVariables.MART_CATALOG.variable(),
                        mart.schema(), table).identifier().sql()),
                task, dependsOn, Sql.identifier(mart.catalog(), mart.schema(), Names.key("bfx_load_" + table)));
    }
}
