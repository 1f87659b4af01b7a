package io.bfx.model;

import java.util.List;

/**
 * A project: which source is extracted through which landing, staging and target connections, by which batch, and
 * how (pushdown or traditional, Python or SQL-scripting notebooks). {@code targetConnection} holds the Silver layer
 * (Data Vault or normal form), {@code dataMartConnection} the Gold layer (dimensions and facts).
 */
public record Project(
        String name,
        IntegrationTemplate integrationTemplate,
        String sourceConnection,
        String landingConnection,
        String stagingConnection,
        String persistentStagingConnection,
        String targetConnection,
        String dataMartConnection,
        String catalogConnection,
        String batch,
        boolean pushdownProcessing,
        boolean sqlScripting,
        SilverModel silverModel,
        String description,
        List<SettingValue> settings,
        Origin origin) {

    public Project {
        settings = List.copyOf(settings);
    }
}
