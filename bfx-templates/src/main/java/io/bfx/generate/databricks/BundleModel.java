package io.bfx.generate.databricks;

import io.bfx.generate.Solution;
import io.bfx.generate.SolutionContext;
import io.bfx.model.Batch;
import io.bfx.model.Compute;
import io.bfx.model.Connection;
import io.bfx.model.IntegrationStage;
import io.bfx.model.Project;
import io.bfx.model.naming.Names;
import io.bfx.model.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Names and views of the bundle: databricks.yml, one job per batch, the secrets script. */
final class BundleModel {

    static final List<String> JDBC_PACKAGES = List.of("python-tds", "pyOpenSSL", "certifi");
    static final String JDBC_ENVIRONMENT = "bfx_jdbc";
    /** Serverless environment version of the job environment (Databricks bundle templates use 4). */
    static final String ENVIRONMENT_VERSION = "4";

    private final SolutionContext context;
    private final Solution solution;

    BundleModel(SolutionContext context, Solution solution) {
        this.context = context;
        this.solution = solution;
    }

    static String projectFolder(Project project) {
        return Names.key(project.name());
    }

    /** The notebook's path in the bundle, without extension: {@code src/<project>/<notebook>}. */
    String notebookPath(NotebookUnit unit) {
        return "src/" + projectFolder(unit.project()) + "/" + unit.notebookName();
    }

    Connection catalogConnection(Project project) {
        if (project.catalogConnection() != null) {
            return context.metadata().connection(project.catalogConnection()).orElse(null);
        }
        return context.metadata().connections().stream()
                .filter(c -> c.integrationStage() == IntegrationStage.CATALOG).findFirst().orElse(null);
    }

    String secretScope(Project project, Connection catalog) {
        if (catalog != null && catalog.databricksSecretScope() != null) {
            return catalog.databricksSecretScope();
        }
        return context.settings().forProject(Settings.DATABRICKS_SECRET_SCOPE, project).value();
    }

    String secretKey(Project project, Connection catalog) {
        if (catalog != null && catalog.databricksSecretKey() != null) {
            return catalog.databricksSecretKey();
        }
        return context.settings().forProject(Settings.DATABRICKS_CATALOG_SECRET_KEY, project).value();
    }

    static String catalogVariable(Connection c) {
        return Names.key(c.name()).toLowerCase(Locale.ROOT).replace('-', '_') + "_catalog";
    }

    static String landingVariable(Connection c) {
        return Names.key(c.name()).toLowerCase(Locale.ROOT).replace('-', '_') + "_root";
    }

    // ---------------------------------------------------------------- databricks.yml

    record Variable(String name, String description, String defaultValue, boolean hasDefault) {}

    record Target(String name, String mode, boolean isDefault, String host, String rootPath) {}

    record RootView(String bundleName, List<Variable> variables, List<Target> targets) {}

    /** The bundle variable a session variable's value comes from, for a unit: a catalog or a landing URL. */
    static String bundleVariable(SessionVariables v, Connection c) {
        return v == SessionVariables.LANDING_ROOT ? landingVariable(c) : catalogVariable(c);
    }

    RootView root(Map<Batch, List<NotebookUnit>> units) {
        Map<String, Variable> variables = new TreeMap<>();
        String host = null;
        boolean computeCluster = false;
        String clusterId = "";
        for (Map.Entry<Batch, List<NotebookUnit>> e : units.entrySet()) {
            List<Project> projects = solution.projects(e.getKey());
            if (pushdown(e.getKey()) && "ComputeCluster".equals(DatabricksProducer.compute(context, e.getKey(), projects))) {
                computeCluster = true;
                String id = context.settings().forProject(Settings.DATABRICKS_EXISTING_CLUSTER_ID, projects.get(0)).value();
                clusterId = id.isBlank() ? clusterId : id;
            }
            for (NotebookUnit unit : e.getValue()) {
                for (Map.Entry<SessionVariables, Connection> c : unit.connections().entrySet()) {
                    String name = bundleVariable(c.getKey(), c.getValue());
                    variables.putIfAbsent(name, c.getKey() == SessionVariables.LANDING_ROOT
                            ? new Variable(name, "Landing container URL of connection " + c.getValue().name(),
                                    DatabricksProducer.landingRoot(context, c.getValue()), true)
                            : new Variable(name, "Unity Catalog catalog of connection " + c.getValue().name(),
                                    c.getValue().catalog(), true));
                }
                Connection staging = context.metadata().connection(unit.project().stagingConnection()).orElse(null);
                if (host == null && staging != null && staging.workspaceUrl() != null) {
                    host = staging.workspaceUrl();
                }
            }
        }
        if (computeCluster) {
            variables.put("cluster_id", new Variable("cluster_id",
                    "Id of the compute cluster the jobs run on (DatabricksJobCluster=ComputeCluster)", clusterId,
                    !clusterId.isBlank()));
        }
        List<Project> projects = context.metadata().projects();
        String bundleName = projects.size() == 1 ? "bfx_" + Names.key(projects.get(0).name()).toLowerCase(Locale.ROOT)
                : "bfx_lakehouse";
        List<Target> targets = List.of(
                new Target("dev", "development", true, host, null),
                new Target("prod", "production", false, host, "/Workspace/Shared/.bundle/${bundle.name}/${bundle.target}"));
        return new RootView(bundleName, new ArrayList<>(variables.values()), targets);
    }

    // ---------------------------------------------------------------- jobs

    record KeyValue(String key, String value) {}

    record Parameter(String name, String defaultValue) {}

    record JobCluster(String key, String sparkVersion, String nodeType, String driverNodeType, Integer workers,
            Integer minWorkers, Integer maxWorkers, String policyId, String dataSecurityMode, boolean odbcInitScript) {
        public boolean autoscale() {
            return minWorkers != null && maxWorkers != null;
        }
    }

    record Task(String key, List<String> dependsOn, String notebookPath, List<KeyValue> baseParameters,
            String jobClusterKey, boolean existingCluster, String environmentKey, boolean disableAutoOptimization,
            List<String> pypi) {
        public boolean hasDependencies() {
            return !dependsOn.isEmpty();
        }

        public boolean hasLibraries() {
            return !pypi.isEmpty();
        }
    }

    record JobView(String key, String name, String description, List<Parameter> parameters,
            List<JobCluster> jobClusters, String environmentKey, List<String> environmentDependencies,
            String environmentVersion, List<Task> tasks, int maxRetries) {
        public boolean hasJobClusters() {
            return !jobClusters.isEmpty();
        }
    }

    /** Whether a batch runs as one Databricks job (pushdown); its projects must agree. */
    boolean pushdown(Batch batch) {
        List<Project> projects = solution.projects(batch);
        boolean pushdown = projects.get(0).pushdownProcessing();
        for (Project p : projects) {
            if (p.pushdownProcessing() != pushdown) {
                throw new io.bfx.generate.GenerationException("Projects of batch " + batch.name()
                        + " disagree on pushdownProcessing; a batch runs either one Databricks job or notebooks.");
            }
        }
        return pushdown;
    }

    JobView job(Batch batch, List<NotebookUnit> units) {
        List<Project> projects = solution.projects(batch);
        String compute = DatabricksProducer.compute(context, batch, projects);
        String driver = context.settings().forProject(Settings.DATABRICKS_UTILS_DRIVER, projects.get(0)).canonical();
        boolean jdbc = "JDBC".equals(driver);
        String clusterKey = Names.key("bfx_" + batch.name()).toLowerCase(Locale.ROOT);
        List<JobCluster> clusters = new ArrayList<>();
        if ("JobCluster".equals(compute)) {
            Compute c = batch.compute();
            clusters.add(new JobCluster(clusterKey, c.sparkVersion(), c.nodeType(), c.driverNodeType(),
                    c.autoscale() ? null : c.workers(), c.minWorkers(), c.maxWorkers(), c.policyId(),
                    c.dataSecurityMode(), !jdbc));
        }
        boolean serverless = "Serverless".equals(compute);
        List<Task> tasks = new ArrayList<>();
        for (NotebookUnit unit : units) {
            for (LoadStep step : unit.steps()) {
                List<KeyValue> base = new ArrayList<>();
                base.add(new KeyValue("step", step.name()));
                for (Map.Entry<SessionVariables, Connection> c : unit.connections().entrySet()) {
                    base.add(new KeyValue(c.getKey().widget(), "${var." + bundleVariable(c.getKey(), c.getValue()) + "}"));
                }
                tasks.add(new Task(step.taskKey(), step.dependsOn(),
                        "../" + notebookPath(unit) + (unit.project().sqlScripting() ? ".sql" : ".py"),
                        base,
                        "JobCluster".equals(compute) ? clusterKey : null,
                        "ComputeCluster".equals(compute),
                        serverless ? JDBC_ENVIRONMENT : null,
                        serverless,
                        jdbc && !serverless ? JDBC_PACKAGES : List.of()));
            }
        }
        String description = "Loads of batch " + batch.name() + " (projects "
                + String.join(", ", projects.stream().map(Project::name).toList())
                + "), generated by bfx. Run by the ADF batch pipeline with row_audit_id and execution_id.";
        return new JobView(Names.jobKey(batch), batch.name(), description,
                List.of(new Parameter("row_audit_id", "-1"), new Parameter("execution_id", "-1")),
                clusters, serverless ? JDBC_ENVIRONMENT : null, serverless ? JDBC_PACKAGES : List.of(),
                ENVIRONMENT_VERSION, tasks, 0);
    }

    // ---------------------------------------------------------------- secrets script

    record SecretsView(String secretScope, String secretKey, String catalogServer, String catalogDatabase,
            String catalogUser, String workspaceUrl) {}

    SecretsView secrets() {
        Project project = context.metadata().projects().isEmpty() ? null : context.metadata().projects().get(0);
        Connection catalog = project == null ? null : catalogConnection(project);
        String workspace = solution.batches().stream().flatMap(b -> solution.bronze(b).stream())
                .map(u -> u.staging().workspaceUrl()).filter(w -> w != null).findFirst().orElse("");
        return new SecretsView(
                project == null ? Settings.DATABRICKS_SECRET_SCOPE.defaultValue() : secretScope(project, catalog),
                project == null ? Settings.DATABRICKS_CATALOG_SECRET_KEY.defaultValue() : secretKey(project, catalog),
                catalog == null || catalog.server() == null ? "" : catalog.server(),
                catalog == null || catalog.database() == null ? "" : catalog.database(),
                catalog == null || catalog.userName() == null ? "" : catalog.userName(),
                workspace);
    }
}
