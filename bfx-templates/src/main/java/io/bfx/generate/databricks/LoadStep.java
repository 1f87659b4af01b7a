package io.bfx.generate.databricks;

import io.bfx.templates.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a load (stg, psa, hub, sat, dim, ...): its SQL statements, written once and emitted three ways
 * (Python notebook, SQL-scripting notebook, procedure), the session variables it reads, the count it logs, and
 * its place in the batch's job: its task key and the tasks it waits for.
 *
 * @param procedure the three-part name of the step's SQL procedure (with the metadata's catalog)
 */
public record LoadStep(String name, String description, List<String> ddl, List<String> load,
        List<SessionVariables> variables, String countType, Sql.Fragment countStatement, String taskKey,
        List<String> dependsOn, Sql.Identifier procedure) {

    public LoadStep {
        ddl = List.copyOf(ddl);
        load = List.copyOf(load);
        variables = List.copyOf(variables);
        dependsOn = List.copyOf(dependsOn);
    }

    public List<String> statements() {
        List<String> all = new ArrayList<>(ddl);
        all.addAll(load);
        return all;
    }
}
