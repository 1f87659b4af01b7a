package io.bfx.model.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.model.Metadata;
import io.bfx.model.diag.Code;
import io.bfx.model.diag.Finding;
import io.bfx.model.diag.Severity;
import io.bfx.model.settings.SettingResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BFX033's counts, and the factory limit, whose bad case is too large for a case folder (ValidationCasesTest). */
class PlatformLimitsTest {

    @TempDir
    Path dir;

    /**
     * A project per source and batch: {@code objects[i]} objects of source SRC{i}, loaded by project P{i} in batch
     * B{i}; the first batch has a schedule, {@code traditional} projects run notebooks from ADF.
     */
    private ValidationResult validate(int[] objects, boolean traditional, String settings) throws IOException {
        StringBuilder env = new StringBuilder("""
                connections:
                  - { name: LND, systemType: AzureBlobStorage, integrationStage: LandingArea, storageAccount: lnd }
                  - { name: CAT, systemType: AzureSqlDatabase, integrationStage: Catalog, keyVaultSecret: cat }
                  - { name: STG, systemType: Databricks, integrationStage: StagingArea, catalog: dev, schema: stg, workspaceUrl: https://adb-1.azuredatabricks.net, workspaceResourceId: /subscriptions/0/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/dbw }
                  - { name: PSA, systemType: Databricks, integrationStage: PersistentStagingArea, catalog: dev, schema: psa }
                """);
        for (int i = 0; i < objects.length; i++) {
            env.append(String.format("  - { name: SRC%d, systemType: SqlServer, integrationStage: SourceSystem, "
                    + "recordSource: s%d, keyVaultSecret: src }%n", i, i));
        }
        env.append("batches:\n");
        for (int i = 0; i < objects.length; i++) {
            env.append(String.format("  - name: B%d%n", i));
            if (i == 0) {
                env.append("    schedule: { frequency: Day, interval: 1, startTime: \"2026-01-01T02:00:00Z\" }\n");
            }
        }
        env.append("projects:\n");
        for (int i = 0; i < objects.length; i++) {
            env.append(String.format("  - { name: P%d, sourceConnection: SRC%d, landingConnection: LND, "
                    + "stagingConnection: STG, persistentStagingConnection: PSA, batch: B%d, "
                    + "pushdownProcessing: %s, settings: { DatabricksJobCluster: JobCluster } }%n",
                    i, i, i, !traditional));
        }
        env.append(settings);
        Path md = Files.createDirectories(dir.resolve("src/main/bfx"));
        Files.writeString(md.resolve("environment.yml"), env);
        StringBuilder o = new StringBuilder("objects:\n");
        for (int i = 0; i < objects.length; i++) {
            for (int n = 0; n < objects[i]; n++) {
                o.append(String.format("  - { connection: SRC%d, schema: dbo, name: T%05d, columns: "
                        + "[{ name: Id, dataType: Int32, nullable: false, isPrimaryKey: true }] }%n", i, n));
            }
        }
        Files.writeString(md.resolve("objects.yml"), o);
        return new MetadataValidation().run(new ValidationRequest(dir, md, List.of(), List.of()));
    }

    private static List<Finding> limits(ValidationResult r) {
        return r.findings().stream().filter(f -> f.code() == Code.BFX033).toList();
    }

    @Test
    void countsTheEntitiesOfTheGeneratedFactory() throws IOException {
        ValidationResult r = validate(new int[] {3, 45}, true, "");
        Metadata m = r.metadata();
        // pipelines: 48 objects; B0: batch + 1 copy + 1 notebook sub-batch; B1: batch + 2 + 2 (40 per sub-batch)
        // linked services: Key Vault, SRC0, SRC1, CAT, LND, one workspace; datasets: 2 sources, Parquet and Binary
        // of LND, CAT; triggers: B0's schedule
        assertEquals(48 + 3 + 5 + 6 + 5 + 1, PlatformLimits.adfEntities(m, new SettingResolver(m)));
        assertEquals(0, PlatformLimits.jobTasks(m, m.batches().get(1)), "traditional batches have no job");
        assertEquals(List.of(), limits(r));
    }

    @Test
    void warnsWhenTheFactoryWouldHoldMoreThanFiveThousandEntities() throws IOException {
        // 5 batches of 500 objects (jobs of 1,000 tasks, the limit) and sub-batches of one object: 5,005 pipelines
        ValidationResult r = validate(new int[] {500, 500, 500, 500, 500}, false,
                "settings:\n  AzureDataFactoryActivityLimit: 1\n");
        Metadata m = r.metadata();
        // 2,500 object pipelines, 5 x (batch + 500 copy sub-batches); 9 linked services, 8 datasets, 1 trigger
        assertEquals(5005 + 9 + 8 + 1, PlatformLimits.adfEntities(m, new SettingResolver(m)));
        List<Finding> found = limits(r);
        assertEquals(1, found.size(), found.toString());
        Finding f = found.get(0);
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("about 5023 ADF entities"), f.message());
        assertEquals("src/main/bfx/environment.yml", f.location().file());
        assertTrue(r.findings().stream().noneMatch(Finding::isError), r.findings().toString());
    }
}
