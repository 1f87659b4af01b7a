package io.bfx.model.validate;

import io.bfx.model.Connection;
import io.bfx.model.Metadata;
import io.bfx.model.Project;
import io.bfx.model.diag.Findings;
import io.bfx.model.settings.SettingResolver;
import java.util.Optional;

/** What every rule works on: the model, its settings and the collector of findings. */
record RuleContext(Metadata metadata, SettingResolver settings, Findings findings) {

    Optional<Connection> connection(String name) {
        return metadata.connection(name);
    }

    /** The run catalog connection of a project: the one it names, else the only Catalog connection. */
    Optional<Connection> catalogOf(Project project) {
        if (project.catalogConnection() != null) {
            return metadata.connection(project.catalogConnection());
        }
        var catalogs = metadata.connections().stream()
                .filter(c -> c.integrationStage() == io.bfx.model.IntegrationStage.CATALOG).toList();
        return catalogs.size() == 1 ? Optional.of(catalogs.get(0)) : Optional.empty();
    }
}
