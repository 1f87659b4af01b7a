package io.bfx.model.load;

import static io.bfx.model.load.FieldSpec.bool;
import static io.bfx.model.load.FieldSpec.choice;
import static io.bfx.model.load.FieldSpec.entity;
import static io.bfx.model.load.FieldSpec.entityList;
import static io.bfx.model.load.FieldSpec.integer;
import static io.bfx.model.load.FieldSpec.required;
import static io.bfx.model.load.FieldSpec.settings;
import static io.bfx.model.load.FieldSpec.string;
import static io.bfx.model.load.FieldSpec.stringList;
import static io.bfx.model.load.FieldSpec.stringMap;

import io.bfx.model.Authentication;
import io.bfx.model.ChangeType;
import io.bfx.model.ConnectionType;
import io.bfx.model.IntegrationStage;
import io.bfx.model.IntegrationTemplate;
import io.bfx.model.ObjectType;
import io.bfx.model.Schedule;
import io.bfx.model.SilverModel;
import io.bfx.model.SystemType;
import java.util.List;

/**
 * The metadata format: every entity and field bfx accepts. This is the single source of the binder's known keys,
 * the published JSON Schema and the metadata reference in the README.
 */
public final class MetadataSpec {

    private MetadataSpec() {}

    public static final EntitySpec CONNECTION = new EntitySpec("Connection",
            "A source system, the landing storage, a Databricks schema of one layer, or the run catalog.",
            List.of(
                    required("name", "Unique name of the connection, for example AWLT_SRC."),
                    choice("connectionType", ConnectionType.class, false, "", "BimlFlex connection type (informational)."),
                    choice("systemType", SystemType.class, true, "", "The technology behind the connection."),
                    choice("integrationStage", IntegrationStage.class, true, "", "The role of the connection."),
                    string("recordSource", "Short code of the source system, stored in every row (required for SourceSystem connections)."),
                    string("catalog", "Unity Catalog catalog (Databricks connections)."),
                    string("schema", "Unity Catalog schema (Databricks connections)."),
                    string("storageAccount", "Storage account name (landing storage)."),
                    string("container", "Container or file system (landing storage); defaults to the AzureStageContainer setting."),
                    string("path", "Folder inside the container under which files land."),
                    string("server", "Database server host name (SQL connections)."),
                    string("database", "Database name (SQL connections)."),
                    string("userName", "Login name (SQL authentication); never a password."),
                    choice("authentication", Authentication.class, false, "SqlAuthentication for SQL, ManagedIdentity otherwise", "How ADF authenticates."),
                    string("connectionString", "A connection string without secrets (a password in it is refused)."),
                    string("workspaceUrl", "Databricks workspace URL, for example https://adb-123.4.azuredatabricks.net."),
                    string("workspaceResourceId", "Azure resource id of the Databricks workspace (managed identity authentication)."),
                    string("integrationRuntime", "ADF integration runtime to connect through (self-hosted for on-premises sources)."),
                    string("keyVaultSecret", "Name of the Key Vault secret holding the credential (connection string, key or token)."),
                    string("databricksSecretScope", "Databricks secret scope holding the credential notebooks use (catalog connection)."),
                    string("databricksSecretKey", "Key in that scope."),
                    string("description", "Free text."),
                    settings()));

    public static final EntitySpec COMPUTE = new EntitySpec("Compute",
            "The job cluster a batch's Databricks job runs on when DatabricksJobCluster is JobCluster.",
            List.of(
                    string("sparkVersion", "Databricks runtime version.").withDefault(io.bfx.model.Compute.DEFAULT_SPARK_VERSION),
                    string("nodeType", "Worker node type.").withDefault("Standard_D4ds_v5"),
                    string("driverNodeType", "Driver node type; defaults to the worker node type."),
                    integer("workers", "2", "Number of workers (fixed size)."),
                    integer("minWorkers", "", "Autoscale lower bound (with maxWorkers)."),
                    integer("maxWorkers", "", "Autoscale upper bound (with minWorkers)."),
                    string("policyId", "Cluster policy id."),
                    string("dataSecurityMode", "Unity Catalog access mode.").withDefault("SINGLE_USER")));

    public static final EntitySpec RETRY = new EntitySpec("Retry",
            "How a failed batch run is retried.",
            List.of(
                    integer("attempts", "0", "Retries after a failure."),
                    integer("intervalSeconds", "30", "Seconds between attempts.")));

    public static final EntitySpec SCHEDULE = new EntitySpec("Schedule",
            "When the batch runs by itself (an ADF schedule trigger).",
            List.of(
                    choice("frequency", Schedule.Frequency.class, true, "", "Unit of the recurrence."),
                    integer("interval", "1", "Every how many units."),
                    required("startTime", "First run, ISO 8601 (for example 2026-01-01T02:00:00Z)."),
                    string("timeZone", "Time zone of the start time.").withDefault("UTC")));

    public static final EntitySpec BATCH = new EntitySpec("Batch",
            "The unit that is scheduled and restarted: one ADF batch pipeline and one Databricks job.",
            List.of(
                    required("name", "Unique name of the batch."),
                    entity("compute", COMPUTE, "Job cluster shape."),
                    integer("threads", "4", "Objects copied and processed in parallel."),
                    integer("priority", "0", "Order among batches, lower first."),
                    entity("retry", RETRY, "Retry policy of the batch run."),
                    entity("schedule", SCHEDULE, "Optional schedule trigger."),
                    string("description", "Free text."),
                    settings()));

    public static final EntitySpec PROJECT = new EntitySpec("Project",
            "Which source is loaded through which connections, by which batch, and how.",
            List.of(
                    required("name", "Unique name of the project, for example EXT_AWLT_DBR."),
                    choice("integrationTemplate", IntegrationTemplate.class, false, "ADF", "Orchestration technology."),
                    required("sourceConnection", "The SourceSystem connection whose objects are loaded."),
                    required("landingConnection", "The LandingArea connection where extracted Parquet files land."),
                    required("stagingConnection", "The StagingArea connection (Databricks) for staging tables."),
                    string("persistentStagingConnection", "The PersistentStagingArea connection (Databricks) for history."),
                    string("targetConnection", "The DataVault connection (Silver) loaded from persistent staging."),
                    string("dataMartConnection", "The DataMart connection (Gold) holding dimensions and facts."),
                    string("catalogConnection", "The Catalog connection (run catalog); defaults to the only Catalog connection."),
                    required("batch", "The batch that runs this project."),
                    bool("pushdownProcessing", true, "Run all transformations in one Databricks job (else one notebook activity per object)."),
                    bool("sqlScripting", false, "Emit SQL-scripting notebooks (BEGIN ... END) instead of Python notebooks."),
                    choice("silverModel", SilverModel.class, false, "DataVault", "How the Silver layer in targetConnection is modelled."),
                    string("description", "Free text."),
                    settings()));

    public static final EntitySpec COLUMN = new EntitySpec("Column",
            "A column of an object.",
            List.of(
                    required("name", "Column name."),
                    required("dataType", "BimlFlex notation: AnsiString(50), String(100), Int32, Int64, Decimal(19,4), DateTime2(7), Date, Boolean, Guid, Binary(16), ..."),
                    bool("nullable", true, "Whether the column may be NULL."),
                    integer("ordinal", "position in the list", "Order for DDL and hashing."),
                    bool("isPrimaryKey", false, "Part of the source primary key."),
                    bool("isIntegrationKey", false, "Part of the integration (business) key."),
                    choice("changeType", ChangeType.class, false, "KEY for key columns, else CHG", "How the column behaves downstream."),
                    bool("notHashed", false, "Excluded from the row hash (delta detection)."),
                    string("referenceColumn", "The column this one refers to: schema.object.column."),
                    string("targetColumn", "Name of the column downstream when it differs."),
                    string("description", "Free text.")));

    public static final EntitySpec RELATIONSHIP = new EntitySpec("Relationship",
            "A foreign key to another object of the same connection (for keys of several columns).",
            List.of(
                    string("name", "Name of the relationship."),
                    FieldSpec.stringList("columns", "Columns of this object.").withRequired(),
                    required("references", "The referenced object: schema.object."),
                    FieldSpec.stringList("referencedColumns", "Columns of the referenced object, in the same order.").withRequired()));

    public static final EntitySpec PARAMETER = new EntitySpec("Parameter",
            "A high-watermark parameter: rows are read where column > last value (and <= next value for a window).",
            List.of(
                    required("name", "Catalog variable holding the last loaded value, for example LastLoadDate."),
                    required("column", "The source column compared."),
                    string("operator", "Comparison with the last value: >, >=.").withDefault(">"),
                    string("default", "Value for the first load, for example 1900-01-01."),
                    string("toName", "Variable for the window's upper bound, for example NextLoadDate."),
                    string("toOperator", "Comparison with the upper bound: <, <=.").withDefault("<=")));

    public static final EntitySpec OBJECT = new EntitySpec("Object",
            "A table or view of a source connection.",
            List.of(
                    required("connection", "The source connection the object belongs to."),
                    string("schema", "Source schema, for example SalesLT."),
                    required("name", "Object name."),
                    choice("objectType", ObjectType.class, false, "Table", "Kind of object."),
                    entityList("columns", COLUMN, true, "The columns, in order."),
                    entityList("relationships", RELATIONSHIP, false, "Foreign keys of several columns."),
                    entityList("parameters", PARAMETER, false, "High-watermark parameters."),
                    stringList("partitionedBy", "Columns the Delta tables are partitioned by."),
                    stringList("clusterBy", "Liquid clustering columns (never with partitionedBy or zOrderBy)."),
                    stringList("zOrderBy", "Columns for OPTIMIZE ... ZORDER BY after loads."),
                    stringMap("tableProperties", "Extra Delta table properties."),
                    bool("exclude", false, "Leave the object out of generation."),
                    string("description", "Free text."),
                    settings()));

    public static final EntitySpec DIMENSION_COLUMN = new EntitySpec("DimensionColumn",
            "A column of a dimension, taken from the source object.",
            List.of(
                    required("column", "The source column."),
                    string("name", "Column name in the dimension; defaults to the source column's name."),
                    choice("changeType", ChangeType.class, false, "CHG", "CHG keeps the latest value (type 1), HST opens a new version on change (type 2).")));

    public static final EntitySpec DIMENSION = new EntitySpec("Dimension",
            "A Gold dimension loaded from a source object of a project; its key is the object's business key.",
            List.of(
                    required("name", "Dimension table name, for example DimCustomer."),
                    required("project", "The project whose data feeds the dimension."),
                    required("source", "The source object: schema.object."),
                    entityList("columns", DIMENSION_COLUMN, true, "The descriptive columns."),
                    stringList("clusterBy", "Liquid clustering columns of the dimension table."),
                    string("description", "Free text.")));

    public static final EntitySpec FACT_DIMENSION = new EntitySpec("FactDimension",
            "A dimension a fact refers to.",
            List.of(
                    required("dimension", "The dimension's name."),
                    FieldSpec.stringList("columns", "Fact source columns matching the dimension's business key, in order.").withRequired(),
                    string("role", "Role name when a fact refers to one dimension twice; names the key column <role>_key.")));

    public static final EntitySpec FACT = new EntitySpec("Fact",
            "A Gold fact loaded from a source object: dimension keys valid at the fact's date, and measures.",
            List.of(
                    required("name", "Fact table name, for example FactSalesOrder."),
                    required("project", "The project whose data feeds the fact."),
                    required("source", "The source object: schema.object."),
                    required("dateColumn", "The source column with the fact's date; dimension versions valid at it are chosen."),
                    entityList("dimensions", FACT_DIMENSION, false, "Dimension lookups."),
                    FieldSpec.stringList("measures", "Source columns loaded as measures."),
                    stringList("partitionedBy", "Columns the fact table is partitioned by."),
                    string("description", "Free text.")));

    /** The top level of a metadata file. Every section is optional; files are merged. */
    public static final EntitySpec FILE = new EntitySpec("MetadataFile",
            "One metadata file. Every section is optional; all files of a project are merged.",
            List.of(
                    entityList("connections", CONNECTION, false, "Connections."),
                    entityList("batches", BATCH, false, "Batches."),
                    entityList("projects", PROJECT, false, "Projects."),
                    entityList("objects", OBJECT, false, "Objects."),
                    entityList("dimensions", DIMENSION, false, "Gold dimensions."),
                    entityList("facts", FACT, false, "Gold facts."),
                    settings()));

    /** All entities, in reference-documentation order. */
    public static List<EntitySpec> all() {
        return List.of(FILE, CONNECTION, BATCH, COMPUTE, RETRY, SCHEDULE, PROJECT, OBJECT, COLUMN, RELATIONSHIP,
                PARAMETER, DIMENSION, DIMENSION_COLUMN, FACT, FACT_DIMENSION);
    }
}
