package io.bfx.generate.adf;

import io.bfx.generate.GenerationException;
import io.bfx.generate.SolutionContext;
import io.bfx.generate.adf.AdfResources.Kind;
import io.bfx.model.Authentication;
import io.bfx.model.Batch;
import io.bfx.model.Compute;
import io.bfx.model.Connection;
import io.bfx.model.SystemType;
import io.bfx.model.naming.Names;
import io.bfx.model.settings.EffectiveSetting;
import io.bfx.model.settings.Settings;
import io.bfx.templates.Seq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The linked services: Key Vault, the sources, the landing storage, the run catalog and the Databricks
 * workspaces. Credentials are Key Vault secret references or managed identity; no secret value is ever written.
 */
final class LinkedServices {

    /** A reference to a Key Vault secret through the Key Vault linked service. */
    public record KeyVaultSecret(String store, String secretName) {}

    public record KeyVaultLinkedService(String name, String baseUrl) {}

    public record SqlLinkedService(String name, String type, String description, String connectVia,
            KeyVaultSecret connectionString, ManagedIdentity managedIdentity) {}

    /** Azure SQL Database with the factory's managed identity. */
    public record ManagedIdentity(String server, String database) {}

    public record StorageLinkedService(String name, String type, String description, String connectVia,
            String endpoint, String connectionString, KeyVaultSecret secret, boolean blobManagedIdentity,
            boolean blobAccountKey, boolean blobSasUri, boolean lakeManagedIdentity, boolean lakeAccountKey,
            boolean lakeSasUri) {}

    public record DatabricksLinkedService(String name, String description, String domain, String workspaceResourceId,
            KeyVaultSecret accessToken, Cluster cluster) {}

    /** The cluster of notebook activities (traditional mode): an existing cluster or a new job cluster. */
    public record Cluster(String existingClusterId, String version, String nodeType, String driverNodeType,
            String workers, String policyId, String dataSecurityMode, boolean hasInitScripts,
            List<Seq.Item<String>> initScripts) {}

    private static final String ODBC_INIT_SCRIPT = "bfx_init_odbc.sh";

    private final SolutionContext context;
    private final AdfResources out;
    private final String keyVaultSecretStore = Names.KEY_VAULT_LINKED_SERVICE;

    LinkedServices(SolutionContext context, AdfResources out) {
        this.context = context;
        this.out = out;
    }

    void produce(String keyVault, List<ProjectConnections> projects, DatabricksWorkspaces workspaces) {
        out.emit(Kind.LINKED_SERVICE, Names.KEY_VAULT_LINKED_SERVICE, "adf/linked-service-key-vault.json.mustache",
                new KeyVaultLinkedService(Names.KEY_VAULT_LINKED_SERVICE, AdfStrings.literal(keyVaultUrl(keyVault))));
        Map<String, Connection> sources = new TreeMap<>();
        Map<String, Connection> landings = new TreeMap<>();
        Map<String, Connection> catalogs = new TreeMap<>();
        for (ProjectConnections pc : projects) {
            sources.put(pc.source().name(), pc.source());
            landings.put(pc.landing().name(), pc.landing());
            catalogs.put(pc.catalog().name(), pc.catalog());
        }
        for (Connection c : sources.values()) {
            String ir = c.integrationRuntime() != null && !c.integrationRuntime().isBlank() ? c.integrationRuntime()
                    : context.settings().forConnection(Settings.AZURE_INTEGRATION_RUNTIME, c).value();
            out.emit(Kind.LINKED_SERVICE, Names.linkedService(c), "adf/linked-service-sql.json.mustache", sql(c, ir));
        }
        for (Connection c : landings.values()) {
            out.emit(Kind.LINKED_SERVICE, Names.linkedService(c), "adf/linked-service-storage.json.mustache",
                    storage(c));
        }
        for (Connection c : catalogs.values()) {
            if (sources.containsKey(c.name())) {
                continue; // already written as a source
            }
            out.emit(Kind.LINKED_SERVICE, Names.linkedService(c), "adf/linked-service-sql.json.mustache",
                    sql(c, c.integrationRuntime()));
        }
        for (DatabricksWorkspaces.Workspace w : workspaces.all()) {
            out.emit(Kind.LINKED_SERVICE, w.linkedService(), "adf/linked-service-databricks.json.mustache",
                    databricks(w));
        }
    }

    /** {@code https://<name>.vault.azure.net/}; a full URL is kept as it is. */
    static String keyVaultUrl(String keyVault) {
        String kv = keyVault == null ? "" : keyVault.trim();
        if (kv.isEmpty()) {
            // The ARM template makes the URL a parameter; the git-layout file needs some value.
            kv = "set-the-AzureKeyVault-setting";
        }
        if (kv.startsWith("https://")) {
            return kv.endsWith("/") ? kv : kv + "/";
        }
        return "https://" + kv + ".vault.azure.net/";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private KeyVaultSecret secret(Connection c, String what) {
        if (c.keyVaultSecret() == null || c.keyVaultSecret().isBlank()) {
            throw new GenerationException("Connection '" + c.name() + "' needs 'keyVaultSecret' (the Key Vault secret "
                    + "holding its " + what + "): bfx never writes credentials.");
        }
        return new KeyVaultSecret(keyVaultSecretStore, AdfStrings.literal(c.keyVaultSecret()));
    }

    private SqlLinkedService sql(Connection c, String integrationRuntime) {
        if (c.systemType() == null || !c.systemType().isSqlServerFamily()) {
            throw new GenerationException("Connection '" + c.name() + "' is "
                    + (c.systemType() == null ? "of no system type" : c.systemType().label())
                    + "; ADF reaches sources and the run catalog as SqlServer or AzureSqlDatabase.");
        }
        String type = c.systemType() == SystemType.AZURE_SQL_DATABASE ? "AzureSqlDatabase" : "SqlServer";
        KeyVaultSecret cs = null;
        ManagedIdentity mi = null;
        if (blank(c.keyVaultSecret()) != null) {
            cs = secret(c, "connection string");
        } else if (c.authentication() == Authentication.MANAGED_IDENTITY
                && c.systemType() == SystemType.AZURE_SQL_DATABASE && blank(c.server()) != null
                && blank(c.database()) != null) {
            mi = new ManagedIdentity(AdfStrings.literal(c.server()), AdfStrings.literal(c.database()));
        } else {
            cs = secret(c, "connection string");
        }
        return new SqlLinkedService(Names.linkedService(c), type, blank(c.description()), blank(integrationRuntime),
                cs, mi);
    }

    private StorageLinkedService storage(Connection c) {
        if (c.systemType() == null || !c.systemType().isFileStorage()) {
            throw new GenerationException("Landing connection '" + c.name() + "' must be AzureBlobStorage or "
                    + "AzureDataLakeGen2");
        }
        if (blank(c.storageAccount()) == null) {
            throw new GenerationException("Landing connection '" + c.name() + "' has no storageAccount");
        }
        boolean blob = c.systemType() == SystemType.AZURE_BLOB_STORAGE;
        Authentication auth = c.authentication() == null ? Authentication.MANAGED_IDENTITY : c.authentication();
        String account = c.storageAccount().trim();
        String endpoint = AdfStrings.literal(blob ? "https://" + account + ".blob.core.windows.net/"
                : "https://" + account + ".dfs.core.windows.net/");
        String connectionString = null;
        KeyVaultSecret secret = null;
        switch (auth) {
            case MANAGED_IDENTITY -> { }
            case ACCOUNT_KEY -> {
                secret = secret(c, "storage account key");
                if (blob) {
                    connectionString = AdfStrings.literal("DefaultEndpointsProtocol=https;AccountName=" + account
                            + ";EndpointSuffix=core.windows.net;");
                }
            }
            case SAS_URI -> secret = secret(c, "SAS URI");
            default -> throw new GenerationException("Landing connection '" + c.name() + "' uses authentication "
                    + auth.label() + "; bfx supports ManagedIdentity, AccountKey and SasUri for landing storage.");
        }
        boolean mi = auth == Authentication.MANAGED_IDENTITY;
        boolean key = auth == Authentication.ACCOUNT_KEY;
        boolean sas = auth == Authentication.SAS_URI;
        return new StorageLinkedService(Names.linkedService(c), blob ? "AzureBlobStorage" : "AzureBlobFS",
                blank(c.description()), blank(c.integrationRuntime()), endpoint, connectionString, secret,
                blob && mi, blob && key, blob && sas, !blob && mi, !blob && key, !blob && sas);
    }

    private DatabricksLinkedService databricks(DatabricksWorkspaces.Workspace w) {
        Connection c = w.connection();
        KeyVaultSecret token = null;
        String resourceId = null;
        if (c.authentication() == Authentication.ACCESS_TOKEN) {
            token = secret(c, "Databricks access token");
        } else {
            resourceId = w.projects().stream().map(pc -> blank(pc.staging().workspaceResourceId()))
                    .filter(Objects::nonNull).sorted().findFirst().orElseThrow(() -> new GenerationException(
                            "Databricks connection '" + c.name() + "' needs 'workspaceResourceId': ADF signs in to "
                                    + "the workspace with its managed identity (or use authentication AccessToken "
                                    + "with a keyVaultSecret)."));
            resourceId = AdfStrings.literal(resourceId);
        }
        return new DatabricksLinkedService(w.linkedService(), blank(c.description()),
                AdfStrings.literal(DatabricksWorkspaces.domain(c)), resourceId, token, cluster(w));
    }

    /**
     * The cluster the notebook activities of traditional-mode projects run on. Pushdown projects run a Databricks
     * job that defines its own compute, so a workspace used only by them gets no cluster properties. All
     * traditional projects of one workspace must agree, because the linked service holds one cluster.
     */
    private Cluster cluster(DatabricksWorkspaces.Workspace w) {
        Map<Cluster, List<String>> variants = new LinkedHashMap<>();
        for (ProjectConnections pc : w.projects()) {
            if (pc.project().pushdownProcessing()) {
                continue;
            }
            Batch batch = context.metadata().batch(pc.project().batch()).orElse(null);
            if (batch == null) {
                continue; // no batch: its notebooks are never called from ADF
            }
            variants.computeIfAbsent(clusterOf(pc, batch), k -> new ArrayList<>()).add(pc.project().name());
        }
        if (variants.size() > 1) {
            throw new GenerationException("Projects " + variants.values() + " run notebooks in Databricks workspace "
                    + DatabricksWorkspaces.domain(w.connection()) + " on different clusters (batch compute or the "
                    + "settings DatabricksJobCluster, DatabricksExistingClusterId, DatabricksUtilsDriver, "
                    + "DatabricksNotebookPath differ); ADF's Databricks linked service holds one cluster.");
        }
        return variants.keySet().stream().findFirst().orElse(null);
    }

    private Cluster clusterOf(ProjectConnections pc, Batch batch) {
        var s = context.settings();
        String mode = s.forProject(Settings.DATABRICKS_JOB_CLUSTER, pc.project()).canonical();
        switch (mode) {
            case "ComputeCluster" -> {
                EffectiveSetting id = s.forProject(Settings.DATABRICKS_EXISTING_CLUSTER_ID, pc.project());
                if (id.value().isBlank()) {
                    throw new GenerationException("Project '" + pc.project().name() + "' runs notebooks from ADF on "
                            + "an existing cluster (" + s.forProject(Settings.DATABRICKS_JOB_CLUSTER, pc.project())
                                    .explain() + ") but DatabricksExistingClusterId is empty.");
                }
                return new Cluster(AdfStrings.literal(id.value().trim()), null, null, null, null, null, null, false,
                        List.of());
            }
            case "Serverless" -> throw new GenerationException("Project '" + pc.project().name() + "' has "
                    + "pushdownProcessing false (one ADF notebook activity per object) and "
                    + s.forProject(Settings.DATABRICKS_JOB_CLUSTER, pc.project()).explain() + "; ADF notebook "
                    + "activities need a cluster. Use pushdown processing (a Databricks job) for serverless, or "
                    + "DatabricksJobCluster JobCluster or ComputeCluster.");
            default -> {
                Compute compute = batch.compute() == null ? Compute.defaults() : batch.compute();
                Compute defaults = Compute.defaults();
                String workers = compute.autoscale() ? compute.minWorkers() + ":" + compute.maxWorkers()
                        : String.valueOf(compute.workers() == null ? defaults.workers() : compute.workers());
                List<String> scripts = "ODBC".equals(s.forProject(Settings.DATABRICKS_UTILS_DRIVER, pc.project())
                        .canonical()) ? List.of(AdfStrings.literal(NotebookPaths.root(s, pc.project())
                                + ODBC_INIT_SCRIPT)) : List.of();
                return new Cluster(null,
                        AdfStrings.literal(or(compute.sparkVersion(), defaults.sparkVersion())),
                        AdfStrings.literal(or(compute.nodeType(), defaults.nodeType())),
                        blank(compute.driverNodeType()) == null ? null : AdfStrings.literal(compute.driverNodeType()),
                        workers,
                        blank(compute.policyId()) == null ? null : AdfStrings.literal(compute.policyId()),
                        AdfStrings.literal(or(compute.dataSecurityMode(), defaults.dataSecurityMode())),
                        !scripts.isEmpty(), Seq.of(scripts));
            }
        }
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
