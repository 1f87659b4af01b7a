package io.bfx.generate.adf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bfx.generate.GenerationException;
import io.bfx.generate.GenerationRequest;
import io.bfx.generate.GenerationResult;
import io.bfx.generate.Generator;
import io.bfx.model.Metadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ADF generated for the AdventureWorksLT example. */
class AdfProducerTest {

    private static final String OBJECT = "adf/pipeline/EXT_AWLT_DBR_SalesLT_SalesOrderHeader.json";
    private static final String BATCH = "adf/pipeline/EXT_AWLT_DBR_Batch.json";
    private static final List<String> TABLES = List.of("Address", "Customer", "CustomerAddress", "Product",
            "ProductCategory", "ProductDescription", "ProductModel", "ProductModelProductDescription",
            "SalesOrderDetail", "SalesOrderHeader");

    @TempDir
    Path dir;

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root.resolve("adf"))) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void writesTheFactoryInGitLayout() throws IOException {
        GenerationResult result = Awlt.generate(Awlt.pushdown(), dir);
        List<String> expected = new ArrayList<>(List.of(
                "adf/arm/ARMTemplateForFactory.json",
                "adf/arm/ARMTemplateParametersForFactory.json",
                "adf/dataset/DS_AWLT_SRC_Table.json",
                "adf/dataset/DS_BFX_LND_Binary.json",
                "adf/dataset/DS_BFX_LND_Parquet.json",
                "adf/dataset/DS_BIMLCATALOG_Catalog.json",
                "adf/factory/bfx-adf.json",
                "adf/linkedService/LS_AWLT_SRC.json",
                "adf/linkedService/LS_BFX_LND.json",
                "adf/linkedService/LS_BFX_STG_DBR.json",
                "adf/linkedService/LS_BIMLCATALOG.json",
                "adf/linkedService/LS_KeyVault.json",
                "adf/pipeline/EXT_AWLT_DBR_Batch.json",
                "adf/pipeline/EXT_AWLT_DBR_Copy_001.json",
                "adf/trigger/EXT_AWLT_DBR_Schedule.json"));
        TABLES.forEach(t -> expected.add("adf/pipeline/EXT_AWLT_DBR_SalesLT_" + t + ".json"));
        expected.sort(null);
        assertEquals(expected, files(dir));
        assertEquals(expected, result.written());
        for (String f : expected) {
            String text = Awlt.read(dir, f);
            assertFalse(text.contains("\r"), f + " has LF endings");
            assertTrue(text.endsWith("}\n"), f + " ends with a newline");
            assertTrue(text.startsWith("{\n  \""), f + " is indented by two spaces");
        }
    }

    @Test
    void objectPipelineLogsAndCopiesIntoTheBatchPartition() {
        Awlt.generate(Awlt.pushdown(), dir);
        JsonNode p = AdfJson.read(dir, "adf/pipeline/EXT_AWLT_DBR_SalesLT_Customer.json");
        assertEquals("EXT_AWLT_DBR/Process", p.at("/properties/folder/name").asText());
        assertEquals("Int", p.at("/properties/parameters/ParentExecutionID/type").asText());
        assertEquals("EXT_AWLT_DBR", p.at("/properties/parameters/ProjectName/defaultValue").asText());
        JsonNode start = AdfJson.required(p, "LogExecutionStart");
        assertEquals("[bfx].[LogExecutionStart]", start.at("/typeProperties/source/sqlReaderStoredProcedureName")
                .asText());
        JsonNode sp = start.at("/typeProperties/source/storedProcedureParameters");
        assertEquals("@pipeline().Pipeline", sp.at("/PackageName/value/value").asText());
        assertFalse(sp.at("/IsBatch/value").asBoolean(true));
        assertEquals("@pipeline().parameters.ParentExecutionID", sp.at("/ParentExecutionID/value/value").asText());
        assertEquals("@pipeline().RunId", sp.at("/RunId/value/value").asText());

        assertEquals("@equals(activity('LogExecutionStart').output.firstRow.ExecutionStatus,'A')",
                AdfJson.required(p, "If_Aborted").at("/typeProperties/expression/value").asText());
        assertEquals("Fail", AdfJson.required(p, "Fail_Aborted").path("type").asText());
        assertEquals("@not(equals(activity('LogExecutionStart').output.firstRow.ExecutionStatus,'C'))",
                AdfJson.required(p, "If_Run").at("/typeProperties/expression/value").asText());

        JsonNode copy = AdfJson.required(p, "CopyToLanding");
        assertEquals("SELECT [CustomerID], [NameStyle], [Title], [FirstName], [MiddleName], [LastName], [Suffix], "
                + "[CompanyName], [SalesPerson], [EmailAddress], [Phone], [PasswordHash], [PasswordSalt], [rowguid], "
                + "[ModifiedDate] FROM [SalesLT].[Customer]",
                copy.at("/typeProperties/source/sqlReaderQuery/value").asText());
        JsonNode sink = copy.at("/outputs/0/parameters");
        assertEquals("landing", sink.at("/Container").asText());
        assertEquals("@concat('awlt/SalesLT/Customer', '/row_audit_id=', "
                + "string(pipeline().parameters.ParentExecutionID))", sink.at("/FolderPath/value").asText());
        assertEquals("awlt_Customer.parquet", sink.at("/FileName").asText());
        assertEquals("ParquetSink", copy.at("/typeProperties/sink/type").asText());
        assertEquals("0.12:00:00", copy.at("/policy/timeout").asText());

        assertEquals(List.of("CopyToLanding:Succeeded"), AdfJson.dependsOn(AdfJson.required(p, "LogRowCount")));
        assertEquals("@activity('CopyToLanding').output.rowsCopied", AdfJson.required(p, "LogRowCount")
                .at("/typeProperties/storedProcedureParameters/RowCount/value/value").asText());
        assertEquals("COPY", AdfJson.required(p, "LogRowCount")
                .at("/typeProperties/storedProcedureParameters/CountType/value").asText());
        assertEquals(List.of("LogRowCount:Succeeded"), AdfJson.dependsOn(AdfJson.required(p, "LogExecutionEnd")));
        assertEquals("0.00:05:00", AdfJson.required(p, "LogExecutionEnd").at("/policy/timeout").asText());

        // failure path: move partial files to the error container, log COPY, fail
        JsonNode move = AdfJson.required(p, "MoveToErrorContainer");
        assertEquals(List.of("CopyToLanding:Failed"), AdfJson.dependsOn(move));
        assertEquals("error", move.at("/outputs/0/parameters/Container").asText());
        assertTrue(move.at("/typeProperties/source/storeSettings/deleteFilesAfterCompletion").asBoolean());
        JsonNode error = AdfJson.required(p, "LogExecutionError");
        assertEquals("Lookup", error.path("type").asText());
        assertEquals(List.of("CopyToLanding:Failed|Skipped", "MoveToErrorContainer:Completed|Skipped"),
                AdfJson.dependsOn(error));
        assertEquals("COPY", error.at("/typeProperties/source/storedProcedureParameters/FailedStage/value").asText());
        assertEquals(List.of("LogExecutionError:Completed"), AdfJson.dependsOn(AdfJson.required(p, "Fail_Copy")));
        assertTrue(AdfJson.activity(p, "Lkp_LastLoadDate").isEmpty(), "Customer has no high-watermark");
    }

    @Test
    void salesOrderHeaderReadsAHighWatermarkWindow() {
        Awlt.generate(Awlt.pushdown(), dir);
        JsonNode p = AdfJson.read(dir, OBJECT);
        JsonNode get = AdfJson.required(p, "Lkp_LastLoadDate");
        JsonNode params = get.at("/typeProperties/source/storedProcedureParameters");
        assertEquals("[bfx].[GetConfigVariable]", get.at("/typeProperties/source/sqlReaderStoredProcedureName")
                .asText());
        assertEquals("AWLT_SRC", params.at("/SystemName/value").asText());
        assertEquals("AWLT_SRC.SalesLT.SalesOrderHeader.ModifiedDate", params.at("/ObjectName/value").asText());
        assertEquals("LastLoadDate", params.at("/VariableName/value").asText());
        assertEquals("1900-01-01", params.at("/DefaultValue/value").asText());

        JsonNode upper = AdfJson.required(p, "Lkp_NextLoadDate");
        assertEquals("SELECT CONVERT(VARCHAR(27), MAX([ModifiedDate]), 121) AS [NextLoadDate] "
                + "FROM [SalesLT].[SalesOrderHeader]", upper.at("/typeProperties/source/sqlReaderQuery").asText());
        assertEquals("DS_AWLT_SRC_Table", upper.at("/typeProperties/dataset/referenceName").asText());

        JsonNode copy = AdfJson.required(p, "CopyToLanding");
        assertEquals(List.of("Lkp_LastLoadDate:Succeeded", "Lkp_NextLoadDate:Succeeded"), AdfJson.dependsOn(copy));
        String query = copy.at("/typeProperties/source/sqlReaderQuery/value").asText();
        assertTrue(query.startsWith("SELECT [SalesOrderID], [RevisionNumber], [OrderDate]"), query);
        assertTrue(query.endsWith(" FROM [SalesLT].[SalesOrderHeader]"
                + " WHERE [ModifiedDate] > CONVERT(DATETIME2, "
                + "'@{activity('Lkp_LastLoadDate').output.firstRow.VariableValue}', 121)"
                + " AND [ModifiedDate] <= CONVERT(DATETIME2, "
                + "'@{activity('Lkp_NextLoadDate').output.firstRow.NextLoadDate}', 121)"), query);
        assertEquals("Expression", copy.at("/typeProperties/source/sqlReaderQuery/type").asText());

        JsonNode set = AdfJson.required(p, "Set_LastLoadDate");
        assertEquals("[bfx].[SetConfigVariable]", set.at("/typeProperties/storedProcedureName").asText());
        assertEquals(List.of("LogRowCount:Succeeded"), AdfJson.dependsOn(set));
        assertEquals("@activity('Lkp_NextLoadDate').output.firstRow.NextLoadDate",
                set.at("/typeProperties/storedProcedureParameters/VariableValue/value/value").asText());
        assertEquals(List.of("Set_LastLoadDate:Succeeded"), AdfJson.dependsOn(AdfJson.required(p, "LogExecutionEnd")));
    }

    @Test
    void pushdownBatchRunsOneJobAfterTheCopies() {
        Awlt.generate(Awlt.pushdown(), dir);
        JsonNode b = AdfJson.read(dir, BATCH);
        assertEquals("EXT_AWLT_DBR/Batch", b.at("/properties/folder/name").asText());
        assertTrue(b.at("/properties/parameters").isMissingNode(), "the batch starts without parameters");
        JsonNode sp = AdfJson.required(b, "LogExecutionStart").at("/typeProperties/source/storedProcedureParameters");
        assertTrue(sp.at("/IsBatch/value").asBoolean());
        assertTrue(sp.at("/ParentExecutionID/value").isNull());

        JsonNode ifCopy = AdfJson.required(b, "If_Copy");
        assertEquals("@or(equals(activity('LogExecutionStart').output.firstRow.ExecutionStatus,'E'), "
                + "equals(activity('LogExecutionStart').output.firstRow.ExecutionStatus,'R'))",
                ifCopy.at("/typeProperties/expression/value").asText());
        JsonNode run = ifCopy.at("/typeProperties/ifTrueActivities/0");
        assertEquals("ExecutePipeline", run.path("type").asText());
        assertEquals("EXT_AWLT_DBR_Copy_001", run.at("/typeProperties/pipeline/referenceName").asText());
        assertTrue(run.at("/typeProperties/waitOnCompletion").asBoolean());
        assertEquals("@activity('LogExecutionStart').output.firstRow.ExecutionID",
                run.at("/typeProperties/parameters/ParentExecutionID/value").asText());

        JsonNode job = AdfJson.required(b, "Run_Databricks_Job");
        assertEquals("DatabricksJob", job.path("type").asText());
        assertEquals("@pipeline().globalParameters.BFX_JOB_ID_EXT_AWLT_DBR", job.at("/typeProperties/jobId/value")
                .asText());
        assertEquals("@string(if(equals(activity('LogExecutionStart').output.firstRow.ExecutionStatus,'D'), "
                + "activity('LogExecutionStart').output.firstRow.LastExecutionID, "
                + "activity('LogExecutionStart').output.firstRow.ExecutionID))",
                job.at("/typeProperties/jobParameters/row_audit_id/value").asText());
        assertEquals("@string(activity('LogExecutionStart').output.firstRow.ExecutionID)",
                job.at("/typeProperties/jobParameters/execution_id/value").asText());
        assertEquals("LS_BFX_STG_DBR", job.at("/linkedServiceName/referenceName").asText());
        assertEquals(List.of("If_Copy:Succeeded"), AdfJson.dependsOn(AdfJson.required(b, "If_Databricks")));
        assertTrue(AdfJson.activities(b).stream().noneMatch(a -> a.path("type").asText().equals("DatabricksNotebook")));

        assertEquals("COPY", stage(b, "LogError_Copy"));
        assertEquals(List.of("If_Copy:Failed"), AdfJson.dependsOn(AdfJson.required(b, "LogError_Copy")));
        assertEquals("DATABRICKS", stage(b, "LogError_Databricks"));
        assertEquals(List.of("If_Databricks:Failed"), AdfJson.dependsOn(AdfJson.required(b, "LogError_Databricks")));
        assertEquals("OTHER", stage(b, "LogError_Finish"));
        for (String fail : List.of("Fail_Copy", "Fail_Databricks", "Fail_Finish")) {
            assertEquals("Fail", AdfJson.required(b, fail).path("type").asText());
        }

        JsonNode archive = AdfJson.required(b, "Archive_EXT_AWLT_DBR");
        assertEquals("landing", archive.at("/inputs/0/parameters/Container").asText());
        assertEquals("awlt", archive.at("/inputs/0/parameters/FolderPath").asText());
        assertEquals("archive", archive.at("/outputs/0/parameters/Container").asText());
        assertTrue(archive.at("/typeProperties/source/storeSettings/recursive").asBoolean());
        assertTrue(archive.at("/typeProperties/source/storeSettings/deleteFilesAfterCompletion").asBoolean());
        assertEquals(List.of("Archive_EXT_AWLT_DBR:Succeeded"),
                AdfJson.dependsOn(AdfJson.required(b, "LogExecutionEnd")));
        assertTrue(b.at("/properties/description").asText().contains("leaves the landed files in the landing "
                + "container"), "the restart behaviour is documented");

        JsonNode factory = AdfJson.read(dir, "adf/factory/bfx-adf.json");
        assertEquals("String", factory.at("/properties/globalParameters/BFX_JOB_ID_EXT_AWLT_DBR/type").asText());
        assertEquals("0", factory.at("/properties/globalParameters/BFX_JOB_ID_EXT_AWLT_DBR/value").asText());
    }

    private static String stage(JsonNode pipeline, String activity) {
        return AdfJson.required(pipeline, activity)
                .at("/typeProperties/source/storedProcedureParameters/FailedStage/value").asText();
    }

    @Test
    void copiesRunInLanesOfTheBatchThreads() {
        Metadata m = Awlt.edited(dir.resolve("work"), (file, text) -> Awlt.replaceOnce(text, "threads: 4",
                "threads: 3", file, "environment.yml"));
        Awlt.generate(m, dir.resolve("out"));
        JsonNode sub = AdfJson.read(dir.resolve("out"), "adf/pipeline/EXT_AWLT_DBR_Copy_001.json");
        JsonNode acts = sub.at("/properties/activities");
        assertEquals(10, acts.size());
        for (int i = 0; i < acts.size(); i++) {
            List<String> deps = AdfJson.dependsOn(acts.get(i));
            assertEquals(i < 3 ? List.of() : List.of(acts.get(i - 3).path("name").asText() + ":Succeeded"), deps,
                    "lane of activity " + i);
            assertEquals("EXT_AWLT_DBR_SalesLT_" + TABLES.get(i),
                    acts.get(i).at("/typeProperties/pipeline/referenceName").asText());
            assertEquals("@pipeline().parameters.ParentExecutionID",
                    acts.get(i).at("/typeProperties/parameters/ParentExecutionID/value").asText());
        }
    }

    @Test
    void traditionalModeRunsNotebooksInsteadOfAJob() throws IOException {
        Path out = dir.resolve("out");
        Awlt.generate(Awlt.traditional(dir.resolve("work")), out);
        assertTrue(files(out).contains("adf/pipeline/EXT_AWLT_DBR_Notebooks_001.json"));
        for (String f : files(out)) {
            assertFalse(Awlt.read(out, f).contains("DatabricksJob"), f + " has no DatabricksJob");
            assertFalse(Awlt.read(out, f).contains("BFX_JOB_ID"), f + " needs no job id");
        }
        JsonNode b = AdfJson.read(out, BATCH);
        JsonNode run = AdfJson.required(b, "If_Databricks").at("/typeProperties/ifTrueActivities/0");
        assertEquals("EXT_AWLT_DBR_Notebooks_001", run.at("/typeProperties/pipeline/referenceName").asText());
        assertTrue(run.at("/typeProperties/parameters/row_audit_id/value").asText()
                .contains("LastExecutionID"));

        JsonNode nb = AdfJson.read(out, "adf/pipeline/EXT_AWLT_DBR_Notebooks_001.json");
        List<JsonNode> notebooks = AdfJson.activities(nb);
        assertEquals(10, notebooks.size());
        JsonNode customer = AdfJson.required(nb, "bfx_awlt_Customer");
        assertEquals("DatabricksNotebook", customer.path("type").asText());
        assertEquals("/Repos/BimlFlex/bfx-awlt/Databricks/src/EXT_AWLT_DBR/bfx_awlt_Customer",
                customer.at("/typeProperties/notebookPath").asText());
        assertEquals("@pipeline().parameters.row_audit_id",
                customer.at("/typeProperties/baseParameters/row_audit_id/value").asText());
        assertEquals("@pipeline().parameters.execution_id",
                customer.at("/typeProperties/baseParameters/execution_id/value").asText());
        assertEquals("all", customer.at("/typeProperties/baseParameters/step").asText());
        // The environment's catalogs and landing URL come from factory global parameters, not the notebook's
        // development defaults.
        assertEquals("@pipeline().globalParameters.bfx_stg_dbr_catalog",
                customer.at("/typeProperties/baseParameters/stg_catalog/value").asText());
        assertEquals("@pipeline().globalParameters.bfx_psa_dbr_catalog",
                customer.at("/typeProperties/baseParameters/psa_catalog/value").asText());
        assertEquals("@pipeline().globalParameters.bfx_lnd_root",
                customer.at("/typeProperties/baseParameters/landing_root/value").asText());
        assertEquals("LS_BFX_STG_DBR", customer.at("/linkedServiceName/referenceName").asText());

        JsonNode ls = AdfJson.read(out, "adf/linkedService/LS_BFX_STG_DBR.json").at("/properties/typeProperties");
        assertEquals("16.4.x-scala2.12", ls.path("newClusterVersion").asText());
        assertEquals("Standard_D4ds_v5", ls.path("newClusterNodeType").asText());
        assertEquals("2", ls.path("newClusterNumOfWorker").asText());
        assertEquals("/Repos/BimlFlex/bfx-awlt/Databricks/bfx_init_odbc.sh",
                ls.at("/newClusterInitScripts/0").asText());
        JsonNode factory = AdfJson.read(out, "adf/factory/bfx-adf.json").at("/properties/globalParameters");
        assertEquals(List.of("bfx_dm_dbr_catalog", "bfx_dv_dbr_catalog", "bfx_lnd_root", "bfx_psa_dbr_catalog",
                "bfx_stg_dbr_catalog"), iterable(factory.fieldNames()));
        assertEquals("bfx_dev", factory.at("/bfx_stg_dbr_catalog/value").asText(), "the development value");
        assertEquals("abfss://landing@bfxlandingdev.dfs.core.windows.net", factory.at("/bfx_lnd_root/value").asText());
        // Deployed per environment through ARM parameters whose file holds the development value.
        JsonNode parameters = AdfJson.read(out, "adf/arm/ARMTemplateParametersForFactory.json").at("/parameters");
        assertEquals("bfx_dev", parameters.at("/default_properties_bfx_stg_dbr_catalog_value/value").asText());
    }

    @Test
    void traditionalModeRunsTheLayersOneAfterTheOtherOnNotebooksTheBundleDeploys() throws IOException {
        Path out = dir.resolve("out");
        // The whole solution: ADF and the Databricks bundle whose notebooks it runs.
        Generator.standard().generate(GenerationRequest.of(Awlt.traditional(dir.resolve("work")), out));
        JsonNode run = AdfJson.required(AdfJson.read(out, BATCH), "If_Databricks").at("/typeProperties/ifTrueActivities");
        List<String> subBatches = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            subBatches.add(run.get(i).at("/typeProperties/pipeline/referenceName").asText());
            assertEquals(i == 0 ? "" : "Run_" + subBatches.get(i - 1),
                    run.get(i).at("/dependsOn/0/activity").asText(""), "one after the other");
        }
        assertEquals(List.of("EXT_AWLT_DBR_Notebooks_001", "EXT_AWLT_DBR_Notebooks_002", "EXT_AWLT_DBR_Notebooks_003",
                "EXT_AWLT_DBR_Notebooks_004"), subBatches, "Bronze, Silver, dimensions, facts");
        List<List<String>> layers = new ArrayList<>();
        String root = "/Repos/BimlFlex/bfx-awlt/Databricks/";
        for (String subBatch : subBatches) {
            List<String> notebooks = new ArrayList<>();
            for (JsonNode a : AdfJson.activities(AdfJson.read(out, "adf/pipeline/" + subBatch + ".json"))) {
                assertEquals("DatabricksNotebook", a.path("type").asText());
                String path = a.at("/typeProperties/notebookPath").asText();
                assertTrue(path.startsWith(root), path);
                // The notebook ADF runs is one the bundle deploys, and it declares every parameter ADF passes.
                String notebook = Awlt.read(out, "databricks/" + path.substring(root.length()) + ".py");
                a.at("/typeProperties/baseParameters").fieldNames().forEachRemaining(p -> assertTrue(
                        notebook.contains("dbutils.widgets.text(\"" + p + "\""), path + " has widget " + p));
                notebooks.add(path.substring(path.lastIndexOf('/') + 1));
            }
            layers.add(notebooks);
        }
        assertEquals(10, layers.get(0).size());
        assertTrue(layers.get(0).stream().allMatch(n -> n.startsWith("bfx_awlt_")), layers.get(0)::toString);
        assertEquals(10, layers.get(1).size());
        assertTrue(layers.get(1).stream().allMatch(n -> n.startsWith("bfx_dv_awlt_")), layers.get(1)::toString);
        assertEquals(List.of("bfx_dim_DimCustomer", "bfx_dim_DimAddress", "bfx_dim_DimProduct"), layers.get(2));
        assertEquals(List.of("bfx_fact_FactSalesOrder", "bfx_fact_FactSalesOrderLine"), layers.get(3));
    }

    @Test
    void pushdownWorkspaceHasNoClusterProperties() {
        Awlt.generate(Awlt.pushdown(), dir);
        JsonNode ls = AdfJson.read(dir, "adf/linkedService/LS_BFX_STG_DBR.json").at("/properties/typeProperties");
        assertEquals("https://adb-1234567890123456.7.azuredatabricks.net", ls.path("domain").asText());
        assertEquals("MSI", ls.path("authentication").asText());
        assertTrue(ls.path("workspaceResourceId").asText().endsWith("/workspaces/dbw-bfx-dev"));
        assertFalse(ls.has("newClusterVersion"));
        assertFalse(ls.has("existingClusterId"));
    }

    @Test
    void lakeLandingExistingClusterAndManagedIdentitySource() {
        Metadata m = Awlt.edited(dir.resolve("work"), (file, text) -> {
            if (!file.equals("environment.yml")) {
                return text;
            }
            String t = text;
            String[][] edits = {
                {Awlt.PUSHDOWN_LINE, "pushdownProcessing: false"},
                {"    systemType: SqlServer\n", "    systemType: AzureSqlDatabase\n"},
                {"    authentication: SqlAuthentication\n    keyVaultSecret: awlt-src-connection-string\n",
                    "    authentication: ManagedIdentity\n"},
                {"    systemType: AzureBlobStorage\n", "    systemType: AzureDataLakeGen2\n"},
                {"    authentication: ManagedIdentity\n    description: Landing storage",
                    "    authentication: SasUri\n    keyVaultSecret: bfx-landing-sas\n    description: Landing storage"},
                {"  AzureKeyVault: kv-bfx-dev\n", "  AzureKeyVault: https://kv.example.net\n"
                    + "  DatabricksJobCluster: ComputeCluster\n  DatabricksExistingClusterId: 0123-456789-abcdefgh\n"
                    + "  AzureIntegrationRuntime: ir-self-hosted\n  AzureOnErrorLandingFiles: N\n"
                    + "  AzureArchiveLandingFiles: N\n"}};
            for (String[] e : edits) {
                t = Awlt.replaceOnce(t, e[0], e[1], file, file);
            }
            return t;
        });
        Path out = dir.resolve("out");
        Awlt.generate(m, out);
        JsonNode src = AdfJson.read(out, "adf/linkedService/LS_AWLT_SRC.json").path("properties");
        assertEquals("AzureSqlDatabase", src.path("type").asText());
        assertEquals("ir-self-hosted", src.at("/connectVia/referenceName").asText());
        assertEquals("awlt-sql.database.windows.net", src.at("/typeProperties/server").asText());
        assertEquals("SystemAssignedManagedIdentity", src.at("/typeProperties/authenticationType").asText());
        assertFalse(src.path("typeProperties").has("connectionString"));
        JsonNode catalog = AdfJson.read(out, "adf/linkedService/LS_BIMLCATALOG.json").path("properties");
        assertFalse(catalog.has("connectVia"), "the runtime setting applies to sources only");

        JsonNode lake = AdfJson.read(out, "adf/linkedService/LS_BFX_LND.json").path("properties");
        assertEquals("AzureBlobFS", lake.path("type").asText());
        assertEquals("https://bfxlandingdev.dfs.core.windows.net/", lake.at("/typeProperties/url").asText());
        assertEquals("bfx-landing-sas", lake.at("/typeProperties/sasUri/secretName").asText());
        JsonNode parquet = AdfJson.read(out, "adf/dataset/DS_BFX_LND_Parquet.json");
        assertEquals("AzureBlobFSLocation", parquet.at("/properties/typeProperties/location/type").asText());
        assertEquals("@dataset().Container",
                parquet.at("/properties/typeProperties/location/fileSystem/value").asText());
        assertEquals("AzureSqlTable", AdfJson.read(out, "adf/dataset/DS_AWLT_SRC_Table.json")
                .at("/properties/type").asText());

        JsonNode dbr = AdfJson.read(out, "adf/linkedService/LS_BFX_STG_DBR.json").at("/properties/typeProperties");
        assertEquals("0123-456789-abcdefgh", dbr.path("existingClusterId").asText());
        assertFalse(dbr.has("newClusterVersion"));
        assertFalse(dbr.has("newClusterInitScripts"), "an existing cluster has its own init scripts");
        assertEquals("https://kv.example.net/", AdfJson.read(out, "adf/linkedService/LS_KeyVault.json")
                .at("/properties/typeProperties/baseUrl").asText());

        JsonNode p = AdfJson.read(out, OBJECT);
        assertEquals("AzureSqlSource", AdfJson.required(p, "CopyToLanding").at("/typeProperties/source/type")
                .asText());
        assertEquals("AzureBlobFSWriteSettings", AdfJson.required(p, "CopyToLanding")
                .at("/typeProperties/sink/storeSettings/type").asText());
        assertTrue(AdfJson.activity(p, "MoveToErrorContainer").isEmpty(), "AzureOnErrorLandingFiles=N");
        assertEquals(List.of("CopyToLanding:Failed|Skipped"),
                AdfJson.dependsOn(AdfJson.required(p, "LogExecutionError")));
        JsonNode b = AdfJson.read(out, BATCH);
        assertTrue(AdfJson.activity(b, "Archive_EXT_AWLT_DBR").isEmpty(), "AzureArchiveLandingFiles=N");
        assertEquals(List.of(), AdfJson.dependsOn(AdfJson.required(b, "LogExecutionEnd")));

        JsonNode arm = AdfJson.read(out, "adf/arm/ARMTemplateForFactory.json");
        assertEquals("[parameters('LS_BFX_STG_DBR_properties_typeProperties_existingClusterId')]",
                resource(arm, "LS_BFX_STG_DBR").at("/properties/typeProperties/existingClusterId").asText());
        assertEquals("[parameters('LS_BFX_LND_properties_typeProperties_url')]",
                resource(arm, "LS_BFX_LND").at("/properties/typeProperties/url").asText());
    }

    @Test
    void traditionalModeOnServerlessIsRefused() {
        Metadata m = Awlt.edited(dir.resolve("work"), (file, text) -> file.equals("environment.yml")
                ? Awlt.replaceOnce(Awlt.replaceOnce(text, Awlt.PUSHDOWN_LINE, "pushdownProcessing: false", file, file),
                        "  AzureKeyVault: kv-bfx-dev\n", "  AzureKeyVault: kv-bfx-dev\n"
                                + "  DatabricksJobCluster: Serverless\n  DatabricksUtilsDriver: JDBC\n", file, file)
                : text);
        GenerationException e = assertThrows(GenerationException.class, () -> Awlt.generate(m, dir.resolve("out")));
        assertTrue(e.getMessage().contains("Serverless") && e.getMessage().contains("need a cluster"),
                e.getMessage());
    }

    @Test
    void writesNoSecret() throws IOException {
        Awlt.generate(Awlt.pushdown(), dir);
        Pattern secret = Pattern.compile("(?i)(password|pwd\\s*=|accountkey\\s*=|sig=|sharedaccesssignature"
                + "|\"accessToken\"\\s*:\\s*\"|securestring)");
        for (String f : files(dir)) {
            String text = Awlt.read(dir, f);
            assertFalse(secret.matcher(text.replace("[PasswordHash]", "").replace("[PasswordSalt]", ""))
                    .find(), f + " contains something secret-looking");
        }
        for (String ls : List.of("LS_AWLT_SRC", "LS_BIMLCATALOG")) {
            JsonNode cs = AdfJson.read(dir, "adf/linkedService/" + ls + ".json")
                    .at("/properties/typeProperties/connectionString");
            assertEquals("AzureKeyVaultSecret", cs.path("type").asText(), ls);
            assertEquals("LS_KeyVault", cs.at("/store/referenceName").asText(), ls);
        }
        assertEquals("awlt-src-connection-string", AdfJson.read(dir, "adf/linkedService/LS_AWLT_SRC.json")
                .at("/properties/typeProperties/connectionString/secretName").asText());
        assertEquals("https://kv-bfx-dev.vault.azure.net/", AdfJson.read(dir, "adf/linkedService/LS_KeyVault.json")
                .at("/properties/typeProperties/baseUrl").asText());
        JsonNode armParams = AdfJson.read(dir, "adf/arm/ARMTemplateForFactory.json").path("parameters");
        armParams.forEach(p -> assertEquals("string", p.path("type").asText()));
    }

    @Test
    void reRunIsByteIdentical() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Awlt.generate(Awlt.pushdown(), first);
        Awlt.generate(Awlt.pushdown(), second);
        List<String> names = files(first);
        assertEquals(names, files(second));
        for (String f : names) {
            assertArrayEquals(Files.readAllBytes(first.resolve(f)), Files.readAllBytes(second.resolve(f)), f);
        }
        GenerationResult again = Awlt.generate(Awlt.pushdown(), first);
        assertEquals(0, again.changed(), "a second run into the same folder changes nothing");
    }

    @Test
    void armTemplateHoldsEveryResourceEscapedWithItsDependencies() throws IOException {
        Awlt.generate(Awlt.pushdown(), dir);
        JsonNode arm = AdfJson.read(dir, "adf/arm/ARMTemplateForFactory.json");
        List<String> gitResources = files(dir).stream()
                .filter(f -> f.matches("adf/(linkedService|dataset|pipeline|trigger)/.*\\.json")).toList();
        JsonNode resources = arm.path("resources");
        assertEquals(gitResources.size() + 1, resources.size(), "every git-layout resource plus globalParameters");
        Pattern armExpression = Pattern.compile("^\\[(parameters|concat)\\(.*\\)\\]$");
        for (JsonNode r : resources) {
            assertEquals("2018-06-01", r.path("apiVersion").asText());
            assertTrue(r.path("name").asText().startsWith("[concat(parameters('factoryName'), '/"));
            AdfJson.strings(r.path("properties"), s -> assertTrue(!s.startsWith("[") || s.startsWith("[[")
                    || armExpression.matcher(s).matches(), "unescaped ARM literal: " + s));
        }
        for (String f : gitResources) {
            String name = f.substring(f.lastIndexOf('/') + 1, f.length() - ".json".length());
            JsonNode r = resource(arm, name);
            JsonNode git = AdfJson.read(dir, f).path("properties");
            assertEquals(git.path("type").asText(), r.at("/properties/type").asText(), name);
        }
        assertEquals("[[bfx].[LogExecutionStart]", resource(arm, "EXT_AWLT_DBR_Batch")
                .at("/properties/activities/0/typeProperties/source/sqlReaderStoredProcedureName").asText());
        assertEquals("[parameters('LS_KeyVault_properties_typeProperties_baseUrl')]",
                resource(arm, "LS_KeyVault").at("/properties/typeProperties/baseUrl").asText());
        assertEquals("https://kv-bfx-dev.vault.azure.net/",
                arm.at("/parameters/LS_KeyVault_properties_typeProperties_baseUrl/defaultValue").asText());
        assertTrue(arm.at("/parameters/LS_BFX_STG_DBR_properties_typeProperties_domain").isObject());
        assertTrue(arm.at("/parameters/LS_BFX_STG_DBR_properties_typeProperties_workspaceResourceId").isObject());
        assertTrue(arm.at("/parameters/LS_BFX_LND_properties_typeProperties_serviceEndpoint").isObject());
        assertEquals(List.of("[concat(variables('factoryId'), '/linkedservices/LS_KeyVault')]"),
                strings(resource(arm, "LS_AWLT_SRC").path("dependsOn")));
        assertEquals(List.of("[concat(variables('factoryId'), '/pipelines/EXT_AWLT_DBR_Batch')]"),
                strings(resource(arm, "EXT_AWLT_DBR_Schedule").path("dependsOn")));
        List<String> batchDeps = strings(resource(arm, "EXT_AWLT_DBR_Batch").path("dependsOn"));
        assertTrue(batchDeps.contains("[concat(variables('factoryId'), '/pipelines/EXT_AWLT_DBR_Copy_001')]"));
        assertTrue(batchDeps.contains("[concat(variables('factoryId'), '/globalParameters/default')]"));
        assertTrue(batchDeps.contains("[concat(variables('factoryId'), '/linkedservices/LS_BFX_STG_DBR')]"));

        JsonNode globals = resource(arm, "default");
        assertEquals("Microsoft.DataFactory/factories/globalParameters", globals.path("type").asText());
        assertEquals("[parameters('default_properties_BFX_JOB_ID_EXT_AWLT_DBR_value')]",
                globals.at("/properties/BFX_JOB_ID_EXT_AWLT_DBR/value").asText());
        JsonNode file = AdfJson.read(dir, "adf/arm/ARMTemplateParametersForFactory.json");
        assertTrue(file.at("/parameters/default_properties_BFX_JOB_ID_EXT_AWLT_DBR_value/value").asText()
                .startsWith("SET ME: the id of Databricks job 'ext_awlt_dbr'"));
        List<String> names = new ArrayList<>();
        arm.path("parameters").fieldNames().forEachRemaining(names::add);
        List<String> fileNames = new ArrayList<>();
        file.path("parameters").fieldNames().forEachRemaining(fileNames::add);
        assertEquals(names, fileNames, "the parameter file sets every template parameter");
    }

    private static JsonNode resource(JsonNode arm, String name) {
        for (JsonNode r : arm.path("resources")) {
            if (r.path("name").asText().equals("[concat(parameters('factoryName'), '/" + name + "')]")) {
                return r;
            }
        }
        throw new AssertionError("no ARM resource " + name);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void userValuesAreEscapedForAdfArmAndTsql() {
        Metadata m = Awlt.edited(dir.resolve("work"), (file, text) -> switch (file) {
            case "environment.yml" -> Awlt.replaceOnce(
                    Awlt.replaceOnce(text, "    container: landing\n", "    container: landing\n    path: \"@it's\"\n",
                            file, file),
                    "description: The AdventureWorksLT sample database.", "description: \"[draft] sample\"",
                    file, file);
            case "saleslt-orders.json" -> Awlt.replaceOnce(text, "\"default\": \"1900-01-01\"",
                    "\"default\": \"@{1900}\"", file, file);
            default -> text;
        });
        Awlt.generate(m, dir.resolve("out"));
        Path out = dir.resolve("out");
        JsonNode p = AdfJson.read(out, OBJECT);
        assertEquals("@@{1900}", AdfJson.required(p, "Lkp_LastLoadDate")
                .at("/typeProperties/source/storedProcedureParameters/DefaultValue/value").asText());
        assertEquals("@concat('@it''s/awlt/SalesLT/SalesOrderHeader', '/row_audit_id=', "
                + "string(pipeline().parameters.ParentExecutionID))",
                AdfJson.required(p, "CopyToLanding").at("/outputs/0/parameters/FolderPath/value").asText());
        JsonNode b = AdfJson.read(out, BATCH);
        assertEquals("@@it's/awlt", AdfJson.required(b, "Archive_EXT_AWLT_DBR")
                .at("/inputs/0/parameters/FolderPath").asText());
        JsonNode arm = AdfJson.read(out, "adf/arm/ARMTemplateForFactory.json");
        assertEquals("[[draft] sample", resource(arm, "LS_AWLT_SRC").at("/properties/description").asText());
        assertEquals("[draft] sample", AdfJson.read(out, "adf/linkedService/LS_AWLT_SRC.json")
                .at("/properties/description").asText());
    }

    @Test
    void aBatchMixingProcessingModesIsRefused() {
        Metadata m = Awlt.edited(dir.resolve("work"), (file, text) -> {
            if (!file.equals("environment.yml")) {
                return text;
            }
            int at = text.indexOf("projects:\n");
            int end = text.indexOf("\nsettings:");
            String project = text.substring(at + "projects:\n".length(), end);
            String second = project.replace("name: EXT_AWLT_DBR", "name: EXT_AWLT_DBR_NB")
                    .replace(Awlt.PUSHDOWN_LINE, "pushdownProcessing: false");
            return text.substring(0, end) + "\n" + second + text.substring(end);
        });
        GenerationException e = assertThrows(GenerationException.class, () -> Awlt.generate(m, dir.resolve("out")));
        assertTrue(e.getMessage().contains("pushdownProcessing") && e.getMessage().contains("EXT_AWLT_DBR_NB"),
                e.getMessage());
    }

    @Test
    void producesNothingWithoutProjects() throws IOException {
        Metadata m = Awlt.edited(dir.resolve("work"), (file, text) -> file.equals("environment.yml")
                ? text.substring(0, text.indexOf("projects:")) + text.substring(text.indexOf("settings:")) : text);
        GenerationResult r = Awlt.generate(m, dir.resolve("out"));
        assertEquals(List.of(), r.written().stream().filter(f -> f.toLowerCase(Locale.ROOT).startsWith("adf/"))
                .toList());
    }
}
