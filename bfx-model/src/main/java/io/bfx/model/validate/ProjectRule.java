package io.bfx.model.validate;

import io.bfx.model.Connection;
import io.bfx.model.IntegrationStage;
import io.bfx.model.IntegrationTemplate;
import io.bfx.model.Project;
import io.bfx.model.SystemType;
import io.bfx.model.diag.Code;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The connections of a project must fit their roles (BFX021), pushdown needs Databricks (BFX016), only what bfx
 * generates is accepted (BFX026), and a project without objects is worth a warning (BFX024).
 */
final class ProjectRule implements Rule {

    @Override
    public void check(RuleContext ctx) {
        for (Project p : ctx.metadata().projects()) {
            if (p.integrationTemplate() != IntegrationTemplate.ADF) {
                ctx.findings().report(Code.BFX026, p.origin().of("integrationTemplate"),
                        "Project '" + p.name() + "' uses integration template " + p.integrationTemplate().label()
                                + "; bfx generates Azure Data Factory (ADF) only.",
                        "Use 'integrationTemplate: ADF' or leave the field out.");
            }
            role(ctx, p, p.sourceConnection(), "sourceConnection", EnumSet.of(IntegrationStage.SOURCE_SYSTEM));
            role(ctx, p, p.landingConnection(), "landingConnection", EnumSet.of(IntegrationStage.LANDING_AREA));
            role(ctx, p, p.stagingConnection(), "stagingConnection", EnumSet.of(IntegrationStage.STAGING_AREA));
            role(ctx, p, p.persistentStagingConnection(), "persistentStagingConnection",
                    EnumSet.of(IntegrationStage.PERSISTENT_STAGING_AREA));
            role(ctx, p, p.targetConnection(), "targetConnection", EnumSet.of(IntegrationStage.DATA_VAULT));
            role(ctx, p, p.dataMartConnection(), "dataMartConnection", EnumSet.of(IntegrationStage.DATA_MART));
            role(ctx, p, p.catalogConnection(), "catalogConnection", EnumSet.of(IntegrationStage.CATALOG));

            ctx.connection(p.sourceConnection()).ifPresent(c -> {
                if (c.systemType() != null && !c.systemType().isSqlServerFamily()) {
                    ctx.findings().report(Code.BFX026, p.origin().of("sourceConnection"),
                            "Source connection '" + c.name() + "' is " + c.systemType().label()
                                    + "; bfx extracts from SqlServer and AzureSqlDatabase sources.",
                            "Use a SqlServer or AzureSqlDatabase source connection.");
                }
            });
            ctx.connection(p.landingConnection()).ifPresent(c -> {
                if (c.systemType() != null && !c.systemType().isFileStorage()) {
                    ctx.findings().report(Code.BFX021, p.origin().of("landingConnection"),
                            "Landing connection '" + c.name() + "' is " + c.systemType().label()
                                    + "; files land in AzureBlobStorage or AzureDataLakeGen2.",
                            "Point landingConnection at a storage connection.");
                }
                if (c.storageAccount() == null || c.storageAccount().isBlank()) {
                    ctx.findings().report(Code.BFX006, c.origin().location(),
                            "Landing connection '" + c.name() + "' has no 'storageAccount'.",
                            "Add 'storageAccount:' with the storage account name.");
                }
            });
            databricks(ctx, p, p.stagingConnection(), "stagingConnection");
            databricks(ctx, p, p.persistentStagingConnection(), "persistentStagingConnection");
            databricks(ctx, p, p.targetConnection(), "targetConnection");
            databricks(ctx, p, p.dataMartConnection(), "dataMartConnection");

            Optional<Connection> catalog = ctx.catalogOf(p);
            if (p.catalogConnection() == null && catalog.isEmpty()) {
                long count = ctx.metadata().connections().stream()
                        .filter(c -> c.integrationStage() == IntegrationStage.CATALOG).count();
                ctx.findings().report(Code.BFX006, p.origin().location(),
                        "Project '" + p.name() + "' has no run catalog: "
                                + (count == 0 ? "no connection has integrationStage Catalog."
                                        : count + " connections have integrationStage Catalog."),
                        count == 0 ? "Declare the run catalog (BimlCatalog) as a connection with 'integrationStage: Catalog'."
                                : "Name the one to use with 'catalogConnection:'.");
            }
            catalog.ifPresent(c -> {
                if (c.systemType() != null && !c.systemType().isSqlServerFamily()
                        && c.systemType() != SystemType.POSTGRESQL) {
                    ctx.findings().report(Code.BFX021, c.origin().of("systemType"),
                            "Run catalog '" + c.name() + "' is " + c.systemType().label()
                                    + "; the catalog runs on SqlServer, AzureSqlDatabase or PostgreSql.",
                            "Point the catalog connection at the BimlCatalog database.");
                }
            });
            if (p.sourceConnection() != null && ctx.metadata().objectsOf(p).isEmpty()
                    && ctx.connection(p.sourceConnection()).isPresent()) {
                ctx.findings().report(Code.BFX024, p.origin().location(),
                        "Project '" + p.name() + "' loads no objects: connection '" + p.sourceConnection()
                                + "' has no objects that are not excluded.",
                        "Add objects with 'connection: " + p.sourceConnection() + "'.");
            }
        }
    }

    private static void role(RuleContext ctx, Project p, String name, String field, Set<IntegrationStage> allowed) {
        ctx.connection(name).ifPresent(c -> {
            if (c.integrationStage() != null && !allowed.contains(c.integrationStage())) {
                ctx.findings().report(Code.BFX021, p.origin().of(field),
                        "Project '" + p.name() + "' uses '" + c.name() + "' as " + field + ", but its integration "
                                + "stage is " + c.integrationStage().label() + ".",
                        "Use a connection with integrationStage "
                                + String.join(" or ", allowed.stream().map(IntegrationStage::label).toList())
                                + ", or correct the stage of '" + c.name() + "'.");
            }
        });
    }

    private static void databricks(RuleContext ctx, Project p, String name, String field) {
        ctx.connection(name).ifPresent(c -> {
            if (c.systemType() != null && c.systemType() != SystemType.DATABRICKS) {
                if (p.pushdownProcessing()) {
                    ctx.findings().report(Code.BFX016, p.origin().of(field),
                            "Project '" + p.name() + "' uses pushdown processing, but its " + field + " '" + c.name()
                                    + "' is " + c.systemType().label() + ", not Databricks.",
                            "Pushdown runs every transformation in one Databricks job: point " + field
                                    + " at a Databricks connection, or set 'pushdownProcessing: false'.");
                } else {
                    ctx.findings().report(Code.BFX026, p.origin().of(field),
                            "Project '" + p.name() + "' has " + field + " '" + c.name() + "' on "
                                    + c.systemType().label() + "; bfx loads layers in Databricks only.",
                            "Point " + field + " at a Databricks connection.");
                }
                return;
            }
            if (c.catalog() == null || c.catalog().isBlank() || c.schema() == null || c.schema().isBlank()) {
                ctx.findings().report(Code.BFX006, c.origin().location(),
                        "Databricks connection '" + c.name() + "' needs 'catalog' and 'schema' (Unity Catalog).",
                        "Add 'catalog:' and 'schema:'; tables are created as catalog.schema.table.");
            }
        });
    }
}
