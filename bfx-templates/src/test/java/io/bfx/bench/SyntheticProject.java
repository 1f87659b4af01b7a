package io.bfx.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic data project: AdventureWorksLT-like objects of nine columns with a key, a watermark and a
 * reference to the first object of their batch, through all of Bronze and a derived Data Vault (a hub and a
 * satellite per object, a link per reference), spread over batches so that each batch stays within Databricks'
 * task limit (five tasks per object).
 */
final class SyntheticProject {

    private SyntheticProject() {}

    static void write(Path dir, int objects, int perBatch) throws IOException {
        int batches = (objects + perBatch - 1) / perBatch;
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("environment.yml"), StandardCharsets.UTF_8)) {
            w.write("""
                    connections:
                      - { name: SRC, systemType: SqlServer, integrationStage: SourceSystem, recordSource: src, keyVaultSecret: src }
                      - { name: LND, systemType: AzureDataLakeGen2, integrationStage: LandingArea, storageAccount: lnd, container: landing }
                      - { name: CAT, systemType: AzureSqlDatabase, integrationStage: Catalog, keyVaultSecret: cat }
                    """);
            for (int b = 0; b < batches; b++) {
                w.write(String.format("""
                          - { name: SRC%03d, systemType: SqlServer, integrationStage: SourceSystem, recordSource: s%03d, keyVaultSecret: src }
                          - { name: STG%03d, systemType: Databricks, integrationStage: StagingArea, catalog: dev, schema: stg%03d, workspaceUrl: https://adb-1.azuredatabricks.net, workspaceResourceId: /subscriptions/0/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/dbw }
                          - { name: PSA%03d, systemType: Databricks, integrationStage: PersistentStagingArea, catalog: dev, schema: psa%03d, workspaceUrl: https://adb-1.azuredatabricks.net, workspaceResourceId: /subscriptions/0/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/dbw }
                          - { name: DV%03d, systemType: Databricks, integrationStage: DataVault, catalog: dev, schema: dv%03d, workspaceUrl: https://adb-1.azuredatabricks.net, workspaceResourceId: /subscriptions/0/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/dbw }
                        """, b, b, b, b, b, b, b, b));
            }
            w.write("batches:\n");
            for (int b = 0; b < batches; b++) {
                w.write(String.format("  - { name: B%03d, threads: 8 }%n", b));
            }
            w.write("projects:\n");
            for (int b = 0; b < batches; b++) {
                w.write(String.format("  - { name: P%03d, sourceConnection: SRC%03d, landingConnection: LND, stagingConnection: STG%03d, "
                        + "persistentStagingConnection: PSA%03d, targetConnection: DV%03d, catalogConnection: CAT, "
                        + "batch: B%03d }%n", b, b, b, b, b, b));
            }
        }
        for (int b = 0; b < batches; b++) {
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(String.format("objects-%03d.yml", b)),
                    StandardCharsets.UTF_8)) {
                w.write("objects:\n");
                int first = b * perBatch;
                for (int i = first; i < Math.min(objects, (b + 1) * perBatch); i++) {
                    w.write(String.format("""
                              - connection: SRC%03d
                                schema: dbo
                                name: Table%05d
                                parameters:
                                  - { name: LastLoadDate, column: ModifiedDate, default: "1900-01-01", toName: NextLoadDate }
                                columns:
                                  - { name: Id, dataType: Int32, nullable: false, isPrimaryKey: true }
                                  - { name: Code, dataType: AnsiString(20), nullable: false }
                                  - { name: Name, dataType: String(100) }
                                  - { name: Amount, dataType: "Decimal(19,4)" }
                                  - { name: Active, dataType: Boolean }
                                  - { name: Created, dataType: Date }
                                  - { name: RowGuid, dataType: Guid }
                                  - { name: ModifiedDate, dataType: DateTime2(7), nullable: false }
                            """, b, i));
                    if (i > first) {
                        w.write(String.format("      - { name: ParentId, dataType: Int32, referenceColumn: dbo.Table%05d.Id }%n",
                                first));
                    }
                }
            }
        }
    }
}
