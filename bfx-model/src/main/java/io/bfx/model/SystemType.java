package io.bfx.model;

import java.util.List;

/** The technology behind a connection. Decides linked service, dataset and dialect. */
public enum SystemType implements Choice {
    SQL_SERVER("SqlServer", List.of("MSSQL"), "Microsoft SQL Server (on premises or on a VM)."),
    AZURE_SQL_DATABASE("AzureSqlDatabase", List.of("AZSQL", "AzureSql"), "Azure SQL Database."),
    POSTGRESQL("PostgreSql", List.of("PGSQL", "PostgreSQL"), "PostgreSQL (used for the run catalog)."),
    AZURE_BLOB_STORAGE("AzureBlobStorage", List.of("AZB"), "Azure Blob Storage (landing files)."),
    AZURE_DATA_LAKE_GEN2("AzureDataLakeGen2", List.of("AZDLS", "ADLS"), "Azure Data Lake Storage Gen2 (landing files)."),
    DATABRICKS("Databricks", List.of("DBR", "DELTA"), "Azure Databricks with Unity Catalog (Delta tables).");

    private final Text text;

    SystemType(String label, List<String> aliases, String description) {
        this.text = new Text(label, aliases, description);
    }

    @Override
    public Text text() {
        return text;
    }

    public boolean isSqlServerFamily() {
        return this == SQL_SERVER || this == AZURE_SQL_DATABASE;
    }

    public boolean isFileStorage() {
        return this == AZURE_BLOB_STORAGE || this == AZURE_DATA_LAKE_GEN2;
    }
}
