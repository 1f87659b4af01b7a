package io.bfx.model;

import java.util.List;

/**
 * A connection (BimlFlex vocabulary): a source system, the landing storage, a Databricks schema of one layer, or
 * the run catalog. Holds only non-secret details; credentials are referenced by Key Vault secret name
 * ({@code keyVaultSecret}) for ADF and by Databricks secret scope and key for notebooks.
 */
public record Connection(
        String name,
        ConnectionType connectionType,
        SystemType systemType,
        IntegrationStage integrationStage,
        String recordSource,
        String catalog,
        String schema,
        String storageAccount,
        String container,
        String path,
        String server,
        String database,
        String userName,
        Authentication authentication,
        String connectionString,
        String workspaceUrl,
        String workspaceResourceId,
        String integrationRuntime,
        String keyVaultSecret,
        String databricksSecretScope,
        String databricksSecretKey,
        String description,
        List<SettingValue> settings,
        Origin origin) {

    public Connection {
        settings = List.copyOf(settings);
    }

    public boolean isDatabricks() {
        return systemType == SystemType.DATABRICKS;
    }
}
