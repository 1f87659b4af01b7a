package io.bfx.model.settings;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every setting bfx understands, with BimlFlex's key and default where BimlFlex documents one. Keys are matched
 * case-insensitively, like every name in bfx.
 */
public final class Settings {

    private Settings() {}

    // Databricks
    public static final SettingDefinition DATABRICKS_UTILS_DRIVER = def("DatabricksUtilsDriver", "Databricks", "ODBC",
            new SettingType.OneOf(List.of("ODBC", "JDBC")),
            "How notebooks reach the run catalog: ODBC (pyodbc, needs the bfx_init_odbc.sh init script) or JDBC "
                    + "(pure-Python pytds; required for serverless).");
    public static final SettingDefinition DATABRICKS_JOB_CLUSTER = def("DatabricksJobCluster", "Databricks", "JobCluster",
            new SettingType.OneOf(List.of("JobCluster", "ComputeCluster", "Serverless")),
            "Compute of the Databricks job: a job cluster created per run (shape from the batch's compute), an "
                    + "existing compute cluster (DatabricksExistingClusterId), or Serverless.");
    public static final SettingDefinition DATABRICKS_EXISTING_CLUSTER_ID = def("DatabricksExistingClusterId",
            "Databricks", "", new SettingType.Text(),
            "Id of the compute cluster used when DatabricksJobCluster is ComputeCluster; empty means the bundle "
                    + "variable cluster_id must be given at deployment.");
    public static final SettingDefinition DATABRICKS_NOTEBOOK_PATH = def("DatabricksNotebookPath", "Databricks",
            "/Repos/BimlFlex/@@Repository/Databricks/", new SettingType.WorkspacePath(),
            "Workspace folder of the notebooks ADF calls in traditional mode; @@Repository is replaced by "
                    + "DatabricksRepositoryName.");
    public static final SettingDefinition DATABRICKS_REPOSITORY_NAME = def("DatabricksRepositoryName", "Databricks",
            "YourRepository", new SettingType.Name(100), "The value of @@Repository in DatabricksNotebookPath.");
    public static final SettingDefinition DATABRICKS_APPEND_NOTEBOOK_NAME = def("DatabricksAppendNotebookName",
            "Databricks", "bfx_", new SettingType.Text(), "Prefix of generated notebook names.");
    public static final SettingDefinition DATABRICKS_TABLE_PROPERTIES = def("DatabricksTableProperties", "Databricks",
            "TBLPROPERTIES (delta.autoOptimize.optimizeWrite = true, delta.autoOptimize.autoCompact = true)",
            new SettingType.TableProperties(), "Properties of every generated Delta table.");
    public static final SettingDefinition DATABRICKS_USE_LIQUID_CLUSTERING = def("DatabricksUseLiquidClustering",
            "Databricks", "N", new SettingType.YesNo(),
            "Cluster tables by their key with liquid clustering (never together with partitioning or Z-order).");
    public static final SettingDefinition DATABRICKS_SECRET_SCOPE = def("DatabricksSecretScope", "Databricks", "bfx",
            new SettingType.Name(128), "Databricks secret scope holding the run catalog credential.");
    public static final SettingDefinition DATABRICKS_CATALOG_SECRET_KEY = def("DatabricksCatalogSecretKey",
            "Databricks", "bimlcatalog", new SettingType.Name(128),
            "Key of the run catalog credential in the secret scope (JSON or an ODBC connection string).");
    public static final SettingDefinition DATABRICKS_ACTIVITY_TIMEOUT = def("DatabricksActivityTimeout", "Databricks",
            "0.12:00:00", new SettingType.Timespan(), "Timeout of ADF Databricks activities.");
    public static final SettingDefinition DATABRICKS_ACTIVITY_RETRY_ATTEMPTS = def("DatabricksActivityRetryAttempts",
            "Databricks", "0", new SettingType.Int(0, 100), "Retries of ADF Databricks activities.");
    public static final SettingDefinition DATABRICKS_ACTIVITY_RETRY_INTERVAL = def("DatabricksActivityRetryInterval",
            "Databricks", "30", new SettingType.Int(30, 86_400), "Seconds between retries of ADF Databricks activities.");

    // Core / hashing
    public static final SettingDefinition HASH_ALGORITHM = def("HashAlgorithm", "Core", "SHA1",
            new SettingType.OneOf(List.of("MD5", "SHA1", "SHA2_256", "SHA2_512")), "Hash algorithm of row hashes and hash keys.");
    public static final SettingDefinition STRING_CONCATENATOR = def("StringConcatenator", "Core", "~",
            new SettingType.Text(), "Separator between values when hashing several columns.");
    public static final SettingDefinition HASH_NULL_VALUE = def("HashNullValue", "Core", "NVL",
            new SettingType.Text(), "Text that stands for NULL when hashing.");
    public static final SettingDefinition INTEGRATION_KEY_TO_UPPER = def("IntegrationKeyToUpper", "Core", "Y",
            new SettingType.YesNo(), "Upper-case business keys before hashing them.");

    // Data Vault and naming
    public static final SettingDefinition DV_APPEND_HUB = def("DvAppendHub", "Data Vault Naming", "HUB",
            new SettingType.Name(32), "Prefix (or suffix) of hub names.");
    public static final SettingDefinition DV_APPEND_LINK = def("DvAppendLink", "Data Vault Naming", "LNK",
            new SettingType.Name(32), "Prefix (or suffix) of link names.");
    public static final SettingDefinition DV_APPEND_SATELLITE = def("DvAppendSatellite", "Data Vault Naming", "SAT",
            new SettingType.Name(32), "Prefix (or suffix) of satellite names.");
    public static final SettingDefinition DV_APPEND_LINK_SATELLITE = def("DvAppendLinkSatellite", "Data Vault Naming",
            "LSAT", new SettingType.Name(32), "Prefix (or suffix) of link satellite names.");
    public static final SettingDefinition SUFFIX_OR_PREFIX_OBJECT = def("SuffixOrPrefixObject", "Naming", "P",
            new SettingType.OneOf(List.of("P", "S")), "P puts the Data Vault type before the name (HUB_Customer), S after it (Customer_HUB).");
    public static final SettingDefinition APPEND_SURROGATE_KEY = def("AppendSurrogateKey", "Model", "SK",
            new SettingType.Name(32), "Suffix of hash key columns (Customer_SK).");
    public static final SettingDefinition APPEND_INTEGRATION_KEY = def("AppendIntegrationKey", "Model", "BK",
            new SettingType.Name(32), "Suffix of business key columns (Customer_BK).");
    public static final SettingDefinition ADD_RECORD_SOURCE_TO_INTEGRATION_KEY = def("AddRecordSourceToIntegrationKey",
            "Model", "Y", new SettingType.YesNo(), "Start business keys with the record source (awlt~680), so keys of different sources never collide.");
    public static final SettingDefinition DV_ADD_ZERO_KEYS = def("DvAddZeroKeys", "Data Vault", "N",
            new SettingType.YesNo(), "Add a zero key (ghost record) to hubs, links and satellites; all-NULL keys map to it.");
    public static final SettingDefinition DV_END_DATE_SATELLITE = def("DvEndDateSatellite", "Data Vault", "N",
            new SettingType.YesNo(), "Maintain row_effective_to on satellites (the start of the next version).");
    public static final SettingDefinition GLOBAL_DEFAULT_DATE = def("GlobalDefaultDate", "Core", "0001-01-01",
            new SettingType.Date(), "Start of the validity of a dimension's first version, so facts older than the first load find it.");

    // Azure storage
    public static final SettingDefinition AZURE_STAGE_CONTAINER = def("AzureStageContainer", "Azure Storage", "staging",
            new SettingType.Name(63), "Container where extracted files land.");
    public static final SettingDefinition AZURE_ARCHIVE_CONTAINER = def("AzureArchiveContainer", "Azure Storage",
            "archive", new SettingType.Name(63), "Container landed files move to after a successful load.");
    public static final SettingDefinition AZURE_ERROR_CONTAINER = def("AzureErrorContainer", "Azure Storage", "error",
            new SettingType.Name(63), "Container the files of a failed copy move to.");
    public static final SettingDefinition AZURE_ARCHIVE_LANDING_FILES = def("AzureArchiveLandingFiles", "Azure",
            "Y", new SettingType.YesNo(), "Move landed files to the archive container after a successful load.");
    public static final SettingDefinition AZURE_ON_ERROR_LANDING_FILES = def("AzureOnErrorLandingFiles", "Azure",
            "Y", new SettingType.YesNo(), "Move the files of a failed copy to the error container.");
    public static final SettingDefinition AZURE_DATA_FACTORY_ACTIVITY_LIMIT = def("AzureDataFactoryActivityLimit",
            "Azure", "40", new SettingType.Int(1, 80), "Objects per ADF sub-batch pipeline (ADF allows 80 activities per pipeline).");
    public static final SettingDefinition AZURE_KEY_VAULT = def("AzureKeyVault", "Azure", "",
            new SettingType.Text(), "Name of the Azure Key Vault holding the secrets ADF uses (a template parameter when empty).");
    public static final SettingDefinition AZURE_DATA_FACTORY_NAME = def("AzureDataFactoryName", "Azure", "",
            new SettingType.Text(), "Default factory name in the ARM template parameters.");
    public static final SettingDefinition AZURE_INTEGRATION_RUNTIME = def("AzureIntegrationRuntime", "Azure", "",
            new SettingType.Text(), "Integration runtime for connections that do not name one (empty: the Azure IR).");

    // Azure activities
    public static final SettingDefinition AZURE_DEFAULT_TIMEOUT = def("AzureDefaultTimeout", "Azure Activity",
            "0.12:00:00", new SettingType.Timespan(), "Timeout of other ADF activities.");
    public static final SettingDefinition AZURE_DEFAULT_RETRY_ATTEMPTS = def("AzureDefaultRetryAttempts",
            "Azure Activity", "0", new SettingType.Int(0, 100), "Retries of other ADF activities.");
    public static final SettingDefinition AZURE_DEFAULT_RETRY_INTERVAL = def("AzureDefaultRetryInterval",
            "Azure Activity", "30", new SettingType.Int(30, 86_400), "Seconds between retries of other ADF activities.");
    public static final SettingDefinition AZURE_CATALOG_TIMEOUT = def("AzureBimlCatalogTimeout", "Azure Activity",
            "0.00:05:00", new SettingType.Timespan(), "Timeout of run catalog activities.");
    public static final SettingDefinition AZURE_CATALOG_RETRY_ATTEMPTS = def("AzureBimlCatalogRetryAttempts",
            "Azure Activity", "0", new SettingType.Int(0, 100), "Retries of run catalog activities.");
    public static final SettingDefinition AZURE_CATALOG_RETRY_INTERVAL = def("AzureBimlCatalogRetryInterval",
            "Azure Activity", "30", new SettingType.Int(30, 86_400), "Seconds between retries of run catalog activities.");
    public static final SettingDefinition AZURE_COPY_TIMEOUT = def("AzureCopyTimeout", "Azure Copy", "0.12:00:00",
            new SettingType.Timespan(), "Timeout of Copy activities.");
    public static final SettingDefinition AZURE_COPY_RETRY_ATTEMPTS = def("AzureCopyRetryAttempts", "Azure Copy", "0",
            new SettingType.Int(0, 100), "Retries of Copy activities.");
    public static final SettingDefinition AZURE_COPY_RETRY_INTERVAL = def("AzureCopyRetryInterval", "Azure Copy", "30",
            new SettingType.Int(30, 86_400), "Seconds between retries of Copy activities.");

    private static final List<SettingDefinition> ALL = List.of(
            DATABRICKS_UTILS_DRIVER, DATABRICKS_JOB_CLUSTER, DATABRICKS_EXISTING_CLUSTER_ID, DATABRICKS_NOTEBOOK_PATH,
            DATABRICKS_REPOSITORY_NAME, DATABRICKS_APPEND_NOTEBOOK_NAME, DATABRICKS_TABLE_PROPERTIES,
            DATABRICKS_USE_LIQUID_CLUSTERING, DATABRICKS_SECRET_SCOPE, DATABRICKS_CATALOG_SECRET_KEY,
            DATABRICKS_ACTIVITY_TIMEOUT, DATABRICKS_ACTIVITY_RETRY_ATTEMPTS, DATABRICKS_ACTIVITY_RETRY_INTERVAL,
            HASH_ALGORITHM, STRING_CONCATENATOR, HASH_NULL_VALUE, INTEGRATION_KEY_TO_UPPER,
            DV_APPEND_HUB, DV_APPEND_LINK, DV_APPEND_SATELLITE, DV_APPEND_LINK_SATELLITE, SUFFIX_OR_PREFIX_OBJECT,
            APPEND_SURROGATE_KEY, APPEND_INTEGRATION_KEY, ADD_RECORD_SOURCE_TO_INTEGRATION_KEY, DV_ADD_ZERO_KEYS,
            DV_END_DATE_SATELLITE, GLOBAL_DEFAULT_DATE,
            AZURE_STAGE_CONTAINER, AZURE_ARCHIVE_CONTAINER, AZURE_ERROR_CONTAINER, AZURE_ARCHIVE_LANDING_FILES,
            AZURE_ON_ERROR_LANDING_FILES, AZURE_DATA_FACTORY_ACTIVITY_LIMIT, AZURE_KEY_VAULT, AZURE_DATA_FACTORY_NAME, AZURE_INTEGRATION_RUNTIME,
            AZURE_DEFAULT_TIMEOUT, AZURE_DEFAULT_RETRY_ATTEMPTS, AZURE_DEFAULT_RETRY_INTERVAL,
            AZURE_CATALOG_TIMEOUT, AZURE_CATALOG_RETRY_ATTEMPTS, AZURE_CATALOG_RETRY_INTERVAL,
            AZURE_COPY_TIMEOUT, AZURE_COPY_RETRY_ATTEMPTS, AZURE_COPY_RETRY_INTERVAL);

    private static final Map<String, SettingDefinition> BY_KEY = index();

    private static Map<String, SettingDefinition> index() {
        Map<String, SettingDefinition> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (SettingDefinition d : ALL) {
            if (m.put(d.key(), d) != null) {
                throw new IllegalStateException("Duplicate setting " + d.key());
            }
        }
        return m;
    }

    private static SettingDefinition def(String key, String category, String defaultValue, SettingType type,
            String description) {
        return new SettingDefinition(key, category, defaultValue, type, description);
    }

    public static List<SettingDefinition> all() {
        return ALL;
    }

    public static java.util.Optional<SettingDefinition> find(String key) {
        return java.util.Optional.ofNullable(BY_KEY.get(key));
    }

    public static List<String> keys() {
        return ALL.stream().map(SettingDefinition::key).toList();
    }
}
