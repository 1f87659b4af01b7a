package io.bfx.model;

import java.util.List;

/** The role a connection plays in the lakehouse (BimlFlex's integration stage). */
public enum IntegrationStage implements Choice {
    SOURCE_SYSTEM("SourceSystem", "SRC", "A system data is extracted from."),
    LANDING_AREA("LandingArea", "LND", "Storage where extracted files land as Parquet (Landing)."),
    STAGING_AREA("StagingArea", "STG", "Databricks schema for the staging tables (Bronze)."),
    PERSISTENT_STAGING_AREA("PersistentStagingArea", "PSA", "Databricks schema for the persistent staging tables (Bronze history)."),
    DATA_VAULT("DataVault", "DV", "Databricks schema for the Data Vault or normal-form layer (Silver)."),
    DATA_MART("DataMart", "DM", "Databricks schema for dimensions and facts (Gold)."),
    CATALOG("Catalog", "DWH", "The run catalog database (BimlCatalog) that logs executions and drives restarts.");

    private final Text text;

    IntegrationStage(String label, String code, String description) {
        this.text = new Text(label, List.of(code), description);
    }

    @Override
    public Text text() {
        return text;
    }
}
