package io.bfx.model.validate;

import io.bfx.model.Batch;
import io.bfx.model.Compute;
import io.bfx.model.Connection;
import io.bfx.model.DataObject;
import io.bfx.model.LoadParameter;
import io.bfx.model.Origin;
import io.bfx.model.Project;
import io.bfx.model.SystemType;
import io.bfx.model.diag.Code;
import io.bfx.model.settings.EffectiveSetting;
import io.bfx.model.settings.SettingDefinition;
import io.bfx.model.settings.Settings;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the generated orchestration needs: a batch runs as one ADF batch pipeline and at most one Databricks job,
 * so its projects must agree on mode, compute, driver, run catalog and workspace (BFX032); one factory holds
 * every project, so they agree on the Key Vault and factory name; traditional mode needs a cluster ADF can start
 * notebooks on; ADF calls the run catalog's SQL Server procedures; watermark defaults are dates or numbers.
 */
final class OrchestrationRule implements Rule {

    @Override
    public void check(RuleContext ctx) {
        for (Batch batch : ctx.metadata().batches()) {
            List<Project> projects = ctx.metadata().projects().stream()
                    .filter(p -> p.batch() != null && p.batch().equalsIgnoreCase(batch.name())).toList();
            if (projects.size() < 2) {
                continue;
            }
            agree(ctx, batch, projects, "pushdownProcessing", p -> String.valueOf(p.pushdownProcessing()));
            agree(ctx, batch, projects, Settings.DATABRICKS_JOB_CLUSTER.key(),
                    p -> ctx.settings().forProject(Settings.DATABRICKS_JOB_CLUSTER, p).canonical());
            agree(ctx, batch, projects, Settings.DATABRICKS_UTILS_DRIVER.key(),
                    p -> ctx.settings().forProject(Settings.DATABRICKS_UTILS_DRIVER, p).canonical());
            agree(ctx, batch, projects, "run catalog", p -> ctx.catalogOf(p).map(Connection::name).orElse(""));
            agree(ctx, batch, projects, "Databricks workspace",
                    p -> ctx.connection(p.stagingConnection()).map(Connection::workspaceUrl).orElse(""));
        }
        List<Project> all = ctx.metadata().projects();
        for (SettingDefinition factoryWide : List.of(Settings.AZURE_KEY_VAULT, Settings.AZURE_DATA_FACTORY_NAME)) {
            List<EffectiveSetting> values = new ArrayList<>();
            all.forEach(p -> values.add(ctx.settings().forProject(factoryWide, p)));
            if (values.stream().map(EffectiveSetting::value).distinct().count() > 1) {
                EffectiveSetting odd = values.stream().filter(v -> !v.value().equals(values.get(0).value())).findFirst()
                        .orElseThrow();
                ctx.findings().report(Code.BFX032, odd.location() != null ? odd.location() : all.get(0).origin().location(),
                        "Projects of one factory disagree on " + factoryWide.key() + ": " + values.get(0).explain()
                                + " but " + odd.explain() + ".",
                        "All pipelines are generated into one factory; set " + factoryWide.key() + " once, at the top level.");
            }
        }
        for (Project p : all) {
            ctx.connection(p.stagingConnection()).ifPresent(c -> {
                if (c.systemType() == SystemType.DATABRICKS && (c.workspaceUrl() == null || c.workspaceUrl().isBlank())) {
                    ctx.findings().report(Code.BFX006, c.origin().location(),
                            "Databricks connection '" + c.name() + "' has no 'workspaceUrl'; ADF's Databricks linked "
                                    + "service and the bundle's targets need the workspace.",
                            "Add 'workspaceUrl: https://adb-<workspace id>.<n>.azuredatabricks.net'.");
                }
                if (c.systemType() == SystemType.DATABRICKS
                        && ConnectionRule.effectiveAuthentication(c) == io.bfx.model.Authentication.MANAGED_IDENTITY
                        && (c.workspaceResourceId() == null || c.workspaceResourceId().isBlank())) {
                    ctx.findings().report(Code.BFX006, c.origin().location(),
                            "Databricks connection '" + c.name() + "' has no 'workspaceResourceId'; ADF signs in to the "
                                    + "workspace with its managed identity, which needs it.",
                            "Add 'workspaceResourceId: /subscriptions/.../providers/Microsoft.Databricks/workspaces/<name>', "
                                    + "or use 'authentication: AccessToken' with a keyVaultSecret.");
                }
            });
            ctx.catalogOf(p).ifPresent(c -> {
                if (c.systemType() == SystemType.POSTGRESQL) {
                    ctx.findings().report(Code.BFX026, c.origin().of("systemType"),
                            "Run catalog '" + c.name() + "' is on PostgreSQL; the generated ADF pipelines and bfxutils.py "
                                    + "call the catalog's SQL Server procedures.",
                            "Deploy the catalog to Azure SQL Database (catalog/sqlserver/bfx_catalog.sql) for ADF; the "
                                    + "PostgreSQL script serves other orchestrators.");
                }
            });
            if (!p.pushdownProcessing()) {
                EffectiveSetting cluster = ctx.settings().forProject(Settings.DATABRICKS_JOB_CLUSTER, p);
                if ("Serverless".equals(cluster.canonical())) {
                    ctx.findings().report(Code.BFX026, cluster.location() != null ? cluster.location() : p.origin().of("pushdownProcessing"),
                            "Project '" + p.name() + "' runs notebooks from ADF (traditional mode) on serverless compute, "
                                    + "which ADF's notebook activity cannot use.",
                            "Use pushdown processing for serverless, or a job or compute cluster in traditional mode.");
                }
                if ("ComputeCluster".equals(cluster.canonical())
                        && ctx.settings().forProject(Settings.DATABRICKS_EXISTING_CLUSTER_ID, p).value().isBlank()) {
                    ctx.findings().report(Code.BFX006, cluster.location() != null ? cluster.location() : p.origin().location(),
                            "Project '" + p.name() + "' runs notebooks from ADF on an existing compute cluster but names none.",
                            "Set DatabricksExistingClusterId to the cluster's id.");
                }
            }
            checkScriptingRuntime(ctx, p);
            for (DataObject o : ctx.metadata().objectsOf(p)) {
                for (LoadParameter lp : o.parameters()) {
                    if (lp.defaultValue() != null && !dateOrNumber(lp.defaultValue())) {
                        ctx.findings().report(Code.BFX007, lp.origin().of("default"),
                                "Parameter '" + lp.name() + "' of " + o.qualifiedName() + " has the default '"
                                        + lp.defaultValue() + "', which is neither a date nor a number.",
                                "Write the first watermark as a date (1900-01-01), a timestamp (1900-01-01T00:00:00) or a number.");
                    }
                }
            }
        }
    }

    private static void agree(RuleContext ctx, Batch batch, List<Project> projects, String what,
            Function<Project, String> value) {
        String first = value.apply(projects.get(0));
        for (Project p : projects.subList(1, projects.size())) {
            String v = value.apply(p);
            if (!Objects.equals(first, v)) {
                ctx.findings().report(Code.BFX032, p.origin().of("batch"),
                        "Projects '" + projects.get(0).name() + "' and '" + p.name() + "' of batch '" + batch.name()
                                + "' disagree on " + what + " (" + first + " and " + v + ").",
                        "A batch runs as one ADF pipeline and one Databricks job: make its projects agree, or put them "
                                + "in different batches.");
                return;
            }
        }
    }

    static boolean dateOrNumber(String value) {
        String v = value.trim();
        if (v.matches("^-?\\d+(\\.\\d+)?$")) {
            return true;
        }
        try {
            LocalDate.parse(v);
            return true;
        } catch (DateTimeParseException e) {
            // try a timestamp
        }
        try {
            LocalDateTime.parse(v.replace(' ', 'T'));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** SQL-scripting notebooks are BEGIN ... END compound statements, which Databricks runs from Runtime 16.3. */
    private static void checkScriptingRuntime(RuleContext ctx, Project p) {
        if (!p.sqlScripting() || !"JobCluster".equals(ctx.settings().forProject(Settings.DATABRICKS_JOB_CLUSTER, p)
                .canonical())) {
            return; // serverless runs a current runtime; an existing cluster's runtime is not known here
        }
        ctx.metadata().batch(p.batch()).ifPresent(b -> {
            Compute compute = b.compute() == null ? Compute.defaults() : b.compute();
            String version = compute.sparkVersion() == null ? Compute.DEFAULT_SPARK_VERSION : compute.sparkVersion();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)\\.").matcher(version);
            if (m.find() && Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2)) < 1603) {
                ctx.findings().report(Code.BFX026, compute.origin() == Origin.BUILT_IN ? b.origin().of("name")
                                : compute.origin().of("sparkVersion"),
                        "Project '" + p.name() + "' writes SQL-scripting notebooks (sqlScripting: true), but batch '"
                                + b.name() + "' runs on Databricks Runtime " + version + "; BEGIN ... END scripts need "
                                + "Runtime 16.3 or later.",
                        "Set the batch's compute sparkVersion to 16.4.x-scala2.12 or later, or turn sqlScripting off.");
            }
        });
    }
}
