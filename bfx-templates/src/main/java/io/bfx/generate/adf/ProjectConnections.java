package io.bfx.generate.adf;

import io.bfx.generate.GenerationException;
import io.bfx.model.Connection;
import io.bfx.model.IntegrationStage;
import io.bfx.model.Metadata;
import io.bfx.model.Project;
import java.util.List;

/**
 * The connections a project's ADF resources use. Validation guarantees them; a missing one here is a bug or an
 * unvalidated model, reported with the project's name.
 */
public record ProjectConnections(Project project, Connection source, Connection landing, Connection staging,
        Connection catalog) {

    public static ProjectConnections of(Metadata metadata, Project project) {
        return new ProjectConnections(project,
                required(metadata, project, project.sourceConnection(), "sourceConnection"),
                required(metadata, project, project.landingConnection(), "landingConnection"),
                required(metadata, project, project.stagingConnection(), "stagingConnection"),
                catalog(metadata, project));
    }

    private static Connection required(Metadata metadata, Project project, String name, String field) {
        return metadata.connection(name).orElseThrow(() -> new GenerationException("Project '" + project.name()
                + "' has no usable " + field + (name == null ? "" : " ('" + name + "')")
                + "; validate the metadata first."));
    }

    /** The catalog the project names, else the only connection with integration stage Catalog. */
    private static Connection catalog(Metadata metadata, Project project) {
        if (project.catalogConnection() != null) {
            return required(metadata, project, project.catalogConnection(), "catalogConnection");
        }
        List<Connection> catalogs = metadata.connections().stream()
                .filter(c -> c.integrationStage() == IntegrationStage.CATALOG).toList();
        if (catalogs.size() != 1) {
            throw new GenerationException("Project '" + project.name() + "' names no catalogConnection and there are "
                    + catalogs.size() + " connections with integrationStage Catalog; validate the metadata first.");
        }
        return catalogs.get(0);
    }
}
