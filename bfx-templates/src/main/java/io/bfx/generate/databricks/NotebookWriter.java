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

/**
 * Writes the files of one notebook unit: the notebook (Python, or SQL scripting when the project asks for it), the
 * DDL of its tables as one script, and each step as a SQL procedure. Thread-safe.
 */
final class NotebookWriter {

    private final SolutionContext context;
    private final BundleModel bundle;

    NotebookWriter(SolutionContext context, BundleModel bundle) {
        this.context = context;
        this.bundle = bundle;
    }

    void write(NotebookUnit unit, FileSink sink) {
        Map<SessionVariables, String> defaults = defaults(unit);
        String notebook = bundle.notebookPath(unit);
        if (unit.project().sqlScripting()) {
            sink.accept(context.render(DatabricksProducer.ROOT + notebook + ".sql", "databricks/notebook.sql.mustache",
                    notebookView(unit, defaults)));
        } else {
            sink.accept(context.render(DatabricksProducer.ROOT + notebook + ".py", "databricks/notebook.py.mustache",
                    notebookView(unit, defaults)));
        }
        String folder = DatabricksProducer.ROOT + "sql/%s/" + bundle.projectFolder(unit.project()) + "/";
        sink.accept(context.render(String.format(folder, "ddl") + unit.entity() + ".sql",
                "databricks/sql/ddl-file.sql.mustache", ddlView(unit, defaults)));
        for (LoadStep step : unit.steps()) {
            sink.accept(context.render(String.format(folder, "procedures") + step.procedure().parts().get(2) + ".sql",
                    "databricks/procedure.sql.mustache", procedureView(unit, step, defaults)));
        }
    }

    /** The default of each session variable: the values of the metadata (development environment). */
    private Map<SessionVariables, String> defaults(NotebookUnit unit) {
        Map<SessionVariables, String> d = new LinkedHashMap<>();
        for (SessionVariables v : unit.variables()) {
            Connection c = unit.connections().get(v);
            d.put(v, switch (v) {
                case ROW_AUDIT_ID -> "-1";
                case STEP -> "all";
                case LANDING_ROOT -> DatabricksProducer.landingRoot(context, c);
                default -> c.catalog();
            });
        }
        return d;
    }

    private NotebookView notebookView(NotebookUnit unit, Map<SessionVariables, String> defaults) {
        List<NotebookView.Widget> widgets = new ArrayList<>();
        List<NotebookView.Declaration> declarations = new ArrayList<>();
        widgets.add(widget("execution_id", "-1", "run catalog execution that logs this run"));
        for (Map.Entry<SessionVariables, String> e : defaults.entrySet()) {
            SessionVariables v = e.getKey();
            widgets.add(widget(v.widget(), e.getValue(), v.description()));
            declarations.add(new NotebookView.Declaration(v.declare(), v.assignFromParameter(),
                    new PythonText(v.declare().sql()), new PythonText(v.assignFromParameter().sql())));
        }
        List<NotebookView.Step> steps = new ArrayList<>();
        for (LoadStep s : unit.steps()) {
            steps.add(new NotebookView.Step(s.name(), Sql.literal(s.name()), Sql.comment(s.name()), s.description(),
                    Sql.comment(s.description()),
                    s.statements().stream().map(PythonText::new).toList(),
                    s.statements().stream().map(st -> Sql.fragment(indent(st, "    "))).toList(),
                    unit.countObject(), s.countType(), new PythonText(s.countStatement().sql())));
        }
        Connection catalog = bundle.catalogConnection(unit.project());
        return new NotebookView(unit.title(), Sql.comment(unit.title()), unit.notebookName(), unit.project().name(),
                widgets, Seq.of(widgets.stream().map(NotebookView.Widget::name).toList()), declarations, steps,
                bundle.secretScope(unit.project(), catalog), bundle.secretKey(unit.project(), catalog),
                context.settings().forProject(Settings.DATABRICKS_UTILS_DRIVER, unit.project()).canonical(),
                "Serverless".equals(context.settings().forProject(Settings.DATABRICKS_JOB_CLUSTER, unit.project())
                        .canonical()));
    }

    private static NotebookView.Widget widget(String name, String defaultValue, String description) {
        return new NotebookView.Widget(name, defaultValue, description, Sql.fragment(name), Sql.literal(defaultValue));
    }

    /** The view of the DDL file. */
    record DdlView(Sql.Fragment title, List<Sql.Fragment> declarations, List<Sql.Fragment> statements) {}

    /** The DDL of a unit's tables as one script, the catalogs declared with the metadata's values. */
    private DdlView ddlView(NotebookUnit unit, Map<SessionVariables, String> defaults) {
        List<Sql.Fragment> declarations = new ArrayList<>();
        for (SessionVariables v : defaults.keySet()) {
            if (v.type().equals("STRING") && v != SessionVariables.STEP && v != SessionVariables.LANDING_ROOT
                    && unit.steps().stream().anyMatch(s -> !s.ddl().isEmpty() && s.variables().contains(v))) {
                declarations.add(Sql.fragment(v.declare().sql() + " DEFAULT " + Sql.quoteLiteral(defaults.get(v))));
            }
        }
        List<Sql.Fragment> statements = new ArrayList<>();
        unit.steps().forEach(s -> s.ddl().forEach(d -> statements.add(Sql.fragment(d))));
        return new DdlView(Sql.comment(unit.title()), declarations, statements);
    }

    private ProcedureView procedureView(NotebookUnit unit, LoadStep step, Map<SessionVariables, String> defaults) {
        List<ProcedureView.Parameter> parameters = new ArrayList<>();
        for (SessionVariables v : step.variables()) {
            String d = v == SessionVariables.ROW_AUDIT_ID ? null : defaults.get(v);
            parameters.add(new ProcedureView.Parameter(Sql.fragment(v.variable()), Sql.fragment(v.type()),
                    d == null ? null : Sql.literal(d)));
        }
        return new ProcedureView(step.procedure(), Seq.of(parameters),
                Sql.literal("bfx " + step.name() + " step of " + unit.title() + ": " + step.description()),
                step.statements().stream().map(st -> Sql.fragment(indent(st, "  "))).toList());
    }

    /**
     * Indents the lines after the first of a statement (the template indents the first), so scripts read as nested
     * blocks. Safe: generated literals never hold a raw line break.
     */
    static String indent(String statement, String by) {
        return statement.replace("\n", "\n" + by);
    }
}
