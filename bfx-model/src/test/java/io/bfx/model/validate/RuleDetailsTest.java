package io.bfx.model.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.model.diag.Finding;
import io.bfx.model.load.MetadataReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Details of single rules, on a small project that validates clean until a test changes one line of it. */
class RuleDetailsTest {

    private static final String BASE = """
            connections:
              - name: AWLT_SRC
                systemType: SqlServer
                integrationStage: SourceSystem
                recordSource: awlt
                keyVaultSecret: awlt-src-connection-string
              - name: BFX_LND
                systemType: AzureBlobStorage
                integrationStage: LandingArea
                storageAccount: bfxlandingdev
                path: awlt
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
            projects:
              - name: EXT_AWLT
                sourceConnection: AWLT_SRC
                landingConnection: BFX_LND
                stagingConnection: BFX_STG
                batch: EXT_AWLT
            objects:
              - connection: AWLT_SRC
                schema: SalesLT
                name: Customer
                columns:
                  - { name: CustomerID, dataType: Int32, isPrimaryKey: true }
                  - { name: ModifiedDate, dataType: DateTime }
            """;

    private static List<Finding> validate(String yaml) {
        MetadataReader.Result r = new MetadataReader().readText("m.yml", yaml);
        List<Finding> all = new ArrayList<>(r.findings());
        all.addAll(new Validator().validate(r.metadata()));
        return all;
    }

    private static List<String> found(String yaml) {
        return validate(yaml).stream().map(f -> f.location() + " " + f.code()).toList();
    }

    private static String with(String old, String replacement) {
        assertTrue(BASE.contains(old), old);
        return BASE.replace(old, replacement);
    }

    @ParameterizedTest
    @ValueSource(strings = {"15.4.x-scala2.12", "16.2.x-scala2.12", "13.3.x-photon-scala2.12"})
    void sqlScriptingOnARuntimeBefore16Point3IsRefused(String version) {
        String yaml = with("batches:\n  - name: EXT_AWLT\n", "batches:\n  - name: EXT_AWLT\n    compute: { sparkVersion: " + version + " }\n")
                .replace("    batch: EXT_AWLT\n", "    batch: EXT_AWLT\n    sqlScripting: true\n");
        List<Finding> f = validate(yaml);
        assertEquals(List.of("BFX026"), f.stream().map(x -> x.code().name()).toList(), f::toString);
        assertTrue(f.get(0).format().contains("Runtime " + version), f.get(0).format());
        String line = yaml.split("\n")[f.get(0).location().line() - 1];
        assertTrue(line.contains("sparkVersion: " + version), "points at the version: " + line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"16.3.x-scala2.12", "16.4.x-scala2.12", "17.3.x-scala2.13"})
    void sqlScriptingOnRuntime16Point3OrLaterIsFine(String version) {
        String yaml = with("batches:\n  - name: EXT_AWLT\n", "batches:\n  - name: EXT_AWLT\n    compute: { sparkVersion: " + version + " }\n")
                .replace("    batch: EXT_AWLT\n", "    batch: EXT_AWLT\n    sqlScripting: true\n");
        assertEquals(List.of(), found(yaml));
    }

    @Test
    void sqlScriptingOnTheDefaultRuntimeIsFine() {
        assertEquals(List.of(), found(BASE.replace("    batch: EXT_AWLT\n", "    batch: EXT_AWLT\n    sqlScripting: true\n")));
    }

    @Test
    void theBaseIsClean() {
        assertEquals(List.of(), found(BASE));
    }

    @Test
    void aLandingPathWithDotDotIsOneFinding() {
        List<Finding> f = validate(with("    path: awlt\n", "    path: awlt/../other\n"));
        assertEquals(List.of("m.yml:11:11 BFX011 Landing path 'awlt/../other' cannot be used: it contains '..'."),
                f.stream().map(Finding::format).toList());
    }

    @Test
    void aLandingPathWithABackslashIsOneFinding() {
        assertEquals(List.of("m.yml:11:11 BFX011"), found(with("    path: awlt\n", "    path: 'awlt\\\\2026'\n")));
    }

    @Test
    void aLandingPathOfSeveralFoldersIsFine() {
        assertEquals(List.of(), found(with("    path: awlt\n", "    path: /raw/awlt/\n")));
    }

    @Test
    void tablePropertiesWithACommaInAQuotedValueAreValid() {
        assertEquals(List.of(), found(BASE + "settings:\n"
                + "  DatabricksTableProperties: \"TBLPROPERTIES ('comment' = 'orders, lines', delta.appendOnly = true)\"\n"));
    }

    @Test
    void tablePropertiesThatSetAKeyTwiceAreInvalid() {
        assertEquals(List.of("m.yml:39:30 BFX018"), found(BASE + "settings:\n"
                + "  DatabricksTableProperties: \"TBLPROPERTIES (delta.appendOnly = true, delta.appendOnly = false)\"\n"));
    }

    @Test
    void serverlessWithOdbcOnOneObjectIsReportedForThatObject() {
        List<Finding> f = validate(with("    name: Customer\n",
                "    name: Customer\n    settings:\n      DatabricksJobCluster: Serverless\n"));
        assertEquals(List.of("m.yml:36:29 BFX015"), f.stream().map(x -> x.location() + " " + x.code()).toList());
        assertTrue(f.get(0).message().contains("(EXT_AWLT / SalesLT.Customer)"), f.get(0).message());
    }

    @Test
    void serverlessWithJdbcOnTheSameObjectIsFine() {
        assertEquals(List.of(), found(with("    name: Customer\n",
                "    name: Customer\n    settings:\n      DatabricksJobCluster: serverless\n"
                        + "      DatabricksUtilsDriver: jdbc\n")));
    }

    @Test
    void serverlessOnTheBatchWithJdbcOnTheSourceConnectionIsStillReportedForTheProject() {
        // The project's own job runs on serverless with ODBC; an object-level JDBC does not fix the project's job.
        List<String> f = found(with("  - name: EXT_AWLT\nprojects:",
                "  - name: EXT_AWLT\n    settings:\n      DatabricksJobCluster: Serverless\nprojects:"));
        assertEquals(List.of("m.yml:26:29 BFX015"), f);
    }

    @Test
    void partitioningWithLiquidClusteringSwitchedOnIsBfx025() {
        List<Finding> f = validate(with("    name: Customer\n",
                "    name: Customer\n    partitionedBy: ModifiedDate\n    settings:\n"
                        + "      DatabricksUseLiquidClustering: Y\n"));
        assertEquals(List.of("m.yml:35:20 BFX025"), f.stream().map(x -> x.location() + " " + x.code()).toList());
        assertTrue(f.get(0).message().contains("DatabricksUseLiquidClustering=Y (object SalesLT.Customer, m.yml:37:38)"),
                f.get(0).message());
    }

    @Test
    void zOrderWithClusterByIsBfx025() {
        assertEquals(List.of("m.yml:36:16 BFX025"), found(with("    name: Customer\n",
                "    name: Customer\n    zOrderBy: ModifiedDate\n    clusterBy: CustomerID\n")));
    }

    @Test
    void aPartitionColumnThatDoesNotExistIsBfx010() {
        assertEquals(List.of("m.yml:35:20 BFX010"), found(with("    name: Customer\n",
                "    name: Customer\n    partitionedBy: ModifiedDat\n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{password}", "${PWD}", "<password>", "****"})
    void aPlaceholderInAConnectionStringIsNotASecret(String placeholder) {
        assertEquals(List.of(), found(with("    recordSource: awlt\n",
                "    recordSource: awlt\n    connectionString: \"Server=s;Database=d;User ID=u;Password=" + placeholder
                        + "\"\n")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Password=hunter2", "pwd = hunter2", "AccountKey=abc==", "Server=s;Token=dapi123"})
    void aLiteralSecretInAConnectionStringIsBfx019(String secret) {
        assertEquals(List.of("m.yml:6:23 BFX019"), found(with("    recordSource: awlt\n",
                "    recordSource: awlt\n    connectionString: \"Server=s;" + secret + "\"\n")));
    }

    @Test
    void aSqlSourceWithoutKeyVaultSecretIsMissingItsCredential() {
        assertEquals(List.of("m.yml:2:5 BFX006"), found(with("    keyVaultSecret: awlt-src-connection-string\n", "")));
    }

    @Test
    void aSourceWithManagedIdentityNeedsNoSecret() {
        assertEquals(List.of(), found(with("    keyVaultSecret: awlt-src-connection-string\n",
                "    authentication: ManagedIdentity\n")));
    }

    @Test
    void projectNamesDifferingOnlyInCaseAreDuplicates() {
        // ext_awlt is declared first, so EXT_AWLT (line 29) is the duplicate.
        List<Finding> f = validate(BASE.replace("projects:\n", "projects:\n  - name: ext_awlt\n"
                + "    sourceConnection: AWLT_SRC\n    landingConnection: BFX_LND\n    stagingConnection: BFX_STG\n"
                + "    batch: EXT_AWLT\n"));
        assertEquals(List.of("m.yml:31:11 BFX008"), f.stream().map(x -> x.location() + " " + x.code()).toList());
        assertTrue(f.get(0).message().contains("(names differ only in case)"), f.get(0).message());
    }

    @Test
    void aSystemColumnNameIsRefusedWhateverItsCase() {
        assertEquals(List.of("m.yml:38:17 BFX028"), found(with("      - { name: ModifiedDate, dataType: DateTime }\n",
                "      - { name: ModifiedDate, dataType: DateTime }\n      - { name: ROW_AUDIT_ID, dataType: Int64 }\n")));
    }

    @Test
    void aTargetColumnThatIsASystemColumnIsRefused() {
        assertEquals(List.of("m.yml:38:61 BFX028"), found(with("      - { name: ModifiedDate, dataType: DateTime }\n",
                "      - { name: ModifiedDate, dataType: DateTime }\n"
                        + "      - { name: LoadDate, dataType: DateTime, targetColumn: row_effective_from }\n")));
    }

    @Test
    void aBadParameterOperatorIsBfx007() {
        assertEquals(List.of("m.yml:36:63 BFX007"), found(with("    columns:\n",
                "    parameters:\n      - { name: LastLoadDate, column: ModifiedDate, operator: \"<\" }\n"
                        + "    columns:\n")));
    }
}
