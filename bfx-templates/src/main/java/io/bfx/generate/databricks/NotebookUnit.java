package io.bfx.generate.databricks;

import io.bfx.model.Connection;
import io.bfx.model.Project;
import java.util.List;
import java.util.Map;

/**
 * One notebook of the bundle and the steps it runs: an object's Bronze load, an object's Silver load, a
 * dimension or a fact. Each step becomes a task of the batch's job (pushdown) and a procedure.
 *
 * @param entity the name of the notebook's DDL file, for example {@code awlt_Customer} or {@code DimCustomer}
 * @param connections where each session variable's value comes from (a catalog, or the landing container)
 */
public record NotebookUnit(Project project, String notebookName, String entity, String title, String countObject,
        List<LoadStep> steps, Map<SessionVariables, Connection> connections) {

    public NotebookUnit {
        steps = List.copyOf(steps);
        connections = Map.copyOf(connections);
    }

    /** The session variables the steps read, in a fixed order, with the step selector first. */
    public List<SessionVariables> variables() {
        return java.util.Arrays.stream(SessionVariables.values())
                .filter(v -> v == SessionVariables.STEP || steps.stream().anyMatch(s -> s.variables().contains(v)))
                .toList();
    }
}
