package io.bfx.model.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bfx.model.diag.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One build must report every mistake it can, loader and validator findings together, in file and line order: a
 * user fixes them walking down the files, not one build at a time.
 */
class AllFindingsInOneRunTest {

    private static final String ENVIRONMENT = """
            connections:
              - name: AWLT_SRC
                systemType: SqlServer
                integrationStage: SourceSystem
                recordSource: awlt
                keyVaultSecret: awlt-src-connection-string
                sever: awlt-sql.database.windows.net
              - name: BFX_LND
                systemType: AzureBlobStorage
                integrationStage: Landing
                storageAccount: bfxlandingdev
              - name: BFX_STG
                systemType: Databricks
                integrationStage: StagingArea
                workspaceResourceId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-bfx/providers/Microsoft.Databricks/workspaces/dbw-bfx
                workspaceUrl: https://adb-1234567890123456.7.azuredatabricks.net
                catalog: bfx_dev
                schema: awlt_stg
              - name: BIMLCATALOG
                systemType: AzureSqlDatabase
                integrationStage: Catalog
                keyVaultSecret: bimlcatalog-connection-string
            batches:
              - name: EXT_AWLT
                threads: 0
            projects:
              - name: EXT_AWLT
                sourceConnection: AWLT_SRC
                landingConnection: BFX_LND
                stagingConnection: BFX_STG
                batch: EXT_AWLT
                settings:
                  DatabricksJobCluster: Serverless
            """;

    private static final String SALESLT = """
            objects:
              - connection: AWLT_SRC
                schema: SalesLT
                name: Customer
                columns:
                  - { name: CustomerID, dataType: Int32, isPrimaryKey: true }
                  - { name: Last Name, dataType: nvarchar(50) }
                  - { name: row_hash, dataType: Binary(20) }
              - connection: AWLT_SRC
                schema: SalesLT
                name: CustomerAddress
                columns:
                  - { name: CustomerID, dataType: Int32, isPrimaryKey: true, referenceColumn: SalesLT.Customer.CustomerNo }
                  - { name: AddressType, dataType: String(50), dataType: String(60) }
            """;

    @Test
    void everyMistakeOfBothFilesIsReportedInFileAndLineOrder(@TempDir Path project) throws IOException {
        Path bfx = Files.createDirectories(project.resolve("src/main/bfx"));
        // Written in reverse order, so that the order of the findings cannot come from the order of writing.
        Files.writeString(bfx.resolve("saleslt.yml"), SALESLT);
        Files.writeString(bfx.resolve("environment.yml"), ENVIRONMENT);

        ValidationResult result = new MetadataValidation()
                .run(new ValidationRequest(project, bfx, List.of(), List.of()));
        List<String> found = result.findings().stream()
                .map(f -> f.location() + " " + f.code())
                .toList();
        assertEquals(List.of(
                "src/main/bfx/environment.yml:7:5 BFX004", // 'sever' is not a key
                "src/main/bfx/environment.yml:10:23 BFX007", // 'Landing' is not a stage
                "src/main/bfx/environment.yml:25:14 BFX007", // threads: 0
                "src/main/bfx/environment.yml:33:29 BFX015", // serverless with the default ODBC driver
                "src/main/bfx/saleslt.yml:7:17 BFX011", // 'Last Name'
                "src/main/bfx/saleslt.yml:7:38 BFX012", // nvarchar(50)
                "src/main/bfx/saleslt.yml:8:17 BFX028", // row_hash
                "src/main/bfx/saleslt.yml:13:83 BFX010", // CustomerNo
                "src/main/bfx/saleslt.yml:14:52 BFX002"), // dataType twice
                found);
        assertEquals(9, result.errorCount());
        assertEquals(0, result.warningCount());
        assertEquals(true, result.failed(false));

        List<Finding> sorted = new ArrayList<>(result.findings());
        sorted.sort(Comparator.comparing((Finding f) -> f.location().file())
                .thenComparingInt(f -> f.location().line())
                .thenComparingInt(f -> f.location().column()));
        assertEquals(sorted, result.findings(), "sorted by file, line and column");
    }

    @Test
    void aSyntaxErrorInOneFileDoesNotHideTheFindingsOfAnother(@TempDir Path project) throws IOException {
        Path bfx = Files.createDirectories(project.resolve("src/main/bfx"));
        Files.writeString(bfx.resolve("environment.yml"), ENVIRONMENT.replace("    threads: 0\n", "    threads: [0\n"));
        Files.writeString(bfx.resolve("saleslt.yml"), SALESLT);
        List<String> found = new MetadataValidation()
                .run(new ValidationRequest(project, bfx, List.of(), List.of())).findings().stream()
                .map(f -> f.location().file() + " " + f.code())
                .distinct()
                .toList();
        assertEquals("src/main/bfx/environment.yml BFX001", found.get(0));
        // The objects of saleslt.yml are still checked: their columns do not depend on the broken file.
        assertEquals(true, found.containsAll(List.of("src/main/bfx/saleslt.yml BFX011", "src/main/bfx/saleslt.yml BFX012",
                "src/main/bfx/saleslt.yml BFX028", "src/main/bfx/saleslt.yml BFX010", "src/main/bfx/saleslt.yml BFX002")),
                found.toString());
    }
}
