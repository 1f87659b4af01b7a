package io.bfx.generate.databricks;

import io.bfx.templates.Sql;
import java.util.List;

/**
 * One step of an object's load (stg or psa): its SQL statements, written once and emitted three ways (Python
 * notebook, SQL-scripting notebook, procedure), the session variables it reads and the count it logs.
 */
public record LoadStep(String name, String description, List<String> ddl, List<String> load,
        List<SessionVariables> variables, String countType, Sql.Fragment countStatement) {

    public List<String> statements() {
        var all = new java.util.ArrayList<>(ddl);
        all.addAll(load);
        return all;
    }
}
