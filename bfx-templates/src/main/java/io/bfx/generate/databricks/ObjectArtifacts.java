package io.bfx.generate.databricks;

import io.bfx.generate.ArtifactProducer.FileSink;
import io.bfx.generate.SolutionContext;
import io.bfx.model.Connection;
import io.bfx.model.settings.Settings;
import io.bfx.templates.PythonText;
import io.bfx.templates.Seq;
import io.bfx.templates.Sql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files of one object: its notebook, its DDL and its steps as procedures. Thread-safe. */
final class ObjectArtifacts {

    private final SolutionContext context;
    private final BundleModel bundle;
    private final BronzeSqlBuilder builder;

    ObjectArtifacts(SolutionContext context, BundleModel bundle) {
        this.context = context;
        this.bundle = bundle;
        this.builder = new BronzeSqlBuilder(context.settings());
    }

    void produce(BronzeObject unit, FileSink sink) {
        BronzeSqlView sql = builder.build(unit);
        List<LoadStep> steps = BronzeSteps.of(context, unit, sql);
        Map<SessionVariables, String> defaults = defaults(unit);

        String notebook = bundle.notebookPath(unit);
        if (unit.project().sqlScripting()) {
            sink.accept(context.render(DatabricksProducer.ROOT + notebook + ".sql", "databricks/notebook.sql.mustache",
                    notebookView(unit, steps, defaults)));
        } else {
            sink.accept(context.render(DatabricksProducer.ROOT + notebook + ".py", "databricks/notebook.py.mustache",
                    notebookView(unit, steps, defaults)));
        }

        String folder = DatabricksProducer.ROOT + "sql/%s/" + bundle.projectFolder(unit.project()) + "/";
        sink.accept(context.render(String.format(folder, "ddl") + unit.table() + ".sql", "databricks/sql/ddl-file.sql.mustache",
                ddlView(unit, steps, defaults)));
        for (LoadStep step : steps) {
            sink.accept(context.render(String.format(folder, "procedures") + procedureName(step, unit) + ".sql",
                    "databricks/procedure.sql.mustache", procedureView(unit, step, defaults)));
        }
    }

    static String procedureName(LoadStep step, BronzeObject unit) {
        return io.bfx.model.naming.Names.key("bfx_" + step.name() + "_" + unit.table());
    }

    /** The default of each session variable: the values of the metadata (development environment). */
    private Map<SessionVariables, String> defaults(BronzeObject unit) {
        Map<SessionVariables, String> d = new LinkedHashMap<>();
        d.put(SessionVariables.ROW_AUDIT_ID, "-1");
        d.put(SessionVariables.STEP, "all");
        d.put(SessionVariables.STAGING_CATALOG, unit.staging().catalog());
        if (unit.hasPersistentStaging()) {
            d.put(SessionVariables.PSA_CATALOG, unit.psa().catalog());
        }
        d.put(SessionVariables.LANDING_ROOT, DatabricksProducer.landingRoot(context, unit.landing()));
        return d;
    }

    private NotebookView notebookView(BronzeObject unit, List<LoadStep> steps, Map<SessionVariables, String> defaults) {
        List<NotebookView.Widget> widgets = new ArrayList<>();
        List<NotebookView.Declaration> declarations = new ArrayList<>();
        widgets.add(widget("execution_id", "-1", "run catalog execution that logs this run"));
        for (Map.Entry<SessionVariables, String> e : defaults.entrySet()) {
            SessionVariables v = e.getKey();
            widgets.add(widget(v.widget(), e.getValue(), v.description()));
            declarations.add(new NotebookView.Declaration(v.declare(), v.assignFromParameter(),
                    new PythonText(v.declare().sql()), new PythonText(v.assignFromParameter().sql())));
        }
        List<NotebookView.Step> stepViews = new ArrayList<>();
        for (LoadStep s : steps) {
            stepViews.add(new NotebookView.Step(s.name(), Sql.literal(s.name()), s.description(),
                    Sql.comment(s.description()),
                    s.statements().stream().map(PythonText::new).toList(),
                    s.statements().stream().map(Sql::fragment).toList(),
                    unit.object().qualifiedName(), s.countType(), new PythonText(s.countStatement().sql())));
        }
        Connection catalog = bundle.catalogConnection(unit.project());
        String title = "Bronze load of " + unit.object().qualifiedName() + " (" + unit.source().recordSource() + ")";
        return new NotebookView(title, Sql.comment(title), bundle.notebookName(unit), unit.project().name(), widgets,
                Seq.of(widgets.stream().map(NotebookView.Widget::name).toList()), declarations, stepViews,
                bundle.secretScope(unit.project(), catalog), bundle.secretKey(unit.project(), catalog),
                context.settings().forProject(Settings.DATABRICKS_UTILS_DRIVER, unit.project()).canonical(),
                "Serverless".equals(context.settings().forProject(Settings.DATABRICKS_JOB_CLUSTER, unit.project())
                        .canonical()));
    }

    private static NotebookView.Widget widget(String name, String defaultValue, String description) {
        return new NotebookView.Widget(name, defaultValue, description, Sql.fragment(name), Sql.literal(defaultValue));
    }

    /** The DDL of an object's tables as one script, the catalogs declared with the metadata's values. */
    private DdlView ddlView(BronzeObject unit, List<LoadStep> steps, Map<SessionVariables, String> defaults) {
        List<Sql.Fragment> declarations = new ArrayList<>();
        for (SessionVariables v : List.of(SessionVariables.STAGING_CATALOG, SessionVariables.PSA_CATALOG)) {
            if (defaults.containsKey(v)) {
                declarations.add(Sql.fragment(v.declare().sql() + " DEFAULT " + Sql.quoteLiteral(defaults.get(v))));
            }
        }
        List<Sql.Fragment> statements = new ArrayList<>();
        steps.forEach(s -> s.ddl().forEach(d -> statements.add(Sql.fragment(d))));
        return new DdlView(Sql.comment(unit.object().qualifiedName() + " (" + unit.source().recordSource() + ")"),
                declarations, statements);
    }

    /** The view of the DDL file. */
    record DdlView(Sql.Fragment title, List<Sql.Fragment> declarations, List<Sql.Fragment> statements) {}

    private ProcedureView procedureView(BronzeObject unit, LoadStep step, Map<SessionVariables, String> defaults) {
        List<ProcedureView.Parameter> parameters = new ArrayList<>();
        for (SessionVariables v : step.variables()) {
            String d = v == SessionVariables.ROW_AUDIT_ID ? null : defaults.get(v);
            parameters.add(new ProcedureView.Parameter(Sql.fragment(v.variable()), Sql.fragment(v.type()),
                    d == null ? null : Sql.literal(d)));
        }
        CatalogTable home = step.name().equals(BronzeSteps.STAGING) ? unit.stagingSchema() : unit.psaSchema();
        String catalog = step.name().equals(BronzeSteps.STAGING) ? unit.staging().catalog() : unit.psa().catalog();
        Sql.Identifier name = Sql.identifier(catalog, home.schema(), procedureName(step, unit));
        return new ProcedureView(name, Seq.of(parameters),
                Sql.literal("bfx " + step.name() + " step of " + unit.object().qualifiedName() + ": " + step.description()),
                step.statements().stream().map(Sql::fragment).toList());
    }
}
