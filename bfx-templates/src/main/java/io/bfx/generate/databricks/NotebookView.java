package io.bfx.generate.databricks;

import io.bfx.templates.PythonText;
import io.bfx.templates.Seq;
import io.bfx.templates.Sql;
import java.util.List;

/** The view of an object's notebook, in either style. */
public record NotebookView(
        String title,
        Sql.Fragment titleComment,
        String package_,
        String project,
        List<Widget> widgets,
        List<Seq.Item<String>> widgetNames,
        List<Declaration> declarations,
        List<Step> steps,
        String secretScope,
        String secretKey,
        String utilsDriver,
        boolean serverlessPip) {

    /** Mustache reads {@code {{package}}}; {@code package} is a Java keyword. */
    public String getPackage() {
        return package_;
    }

    /** A notebook widget with its default. */
    public record Widget(String name, String defaultValue, String description, Sql.Fragment identifier,
            Sql.Literal defaultLiteral) {}

    /** A session variable declared and set from its widget. */
    public record Declaration(Sql.Fragment declare, Sql.Fragment assign, PythonText declareText,
            PythonText assignText) {}

    /** A step of the notebook: its SQL as Python literals and as script statements. */
    public record Step(String name, Sql.Literal nameLiteral, Sql.Fragment nameComment, String description,
            Sql.Fragment descriptionComment,
            List<PythonText> pythonStatements, List<Sql.Fragment> scriptStatements, String countObject,
            String countType, PythonText countStatement) {}
}
