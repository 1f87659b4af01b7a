package io.bfx.model.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.model.DataObject;
import io.bfx.model.Metadata;
import io.bfx.model.Project;
import io.bfx.model.SourceLocation;
import io.bfx.model.load.MetadataReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * StringConcatenator (free text) is written at every scope with the scope's name as value. A scope is "removed" by
 * renaming its key to HashNullValue, which keeps every line and column where it was.
 */
class SettingResolverTest {

    private static final String DOCUMENT = """
            settings:
              StringConcatenator: global
            connections:
              - name: AWLT_SRC
                systemType: SqlServer
                integrationStage: SourceSystem
                recordSource: awlt
                settings:
                  StringConcatenator: connection
            batches:
              - name: EXT_AWLT
                settings:
                  StringConcatenator: batch
            projects:
              - name: EXT_AWLT
                sourceConnection: AWLT_SRC
                landingConnection: BFX_LND
                stagingConnection: BFX_STG
                batch: EXT_AWLT
                settings:
                  StringConcatenator: project
            objects:
              - connection: AWLT_SRC
                schema: SalesLT
                name: Customer
                settings:
                  StringConcatenator: object
                columns:
                  - { name: CustomerID, dataType: Int32, isPrimaryKey: true }
              - connection: AWLT_SRC
                schema: SalesLT
                name: Address
                columns:
                  - { name: AddressID, dataType: Int32, isPrimaryKey: true }
            """;

    private static final SettingDefinition S = Settings.STRING_CONCATENATOR;

    private Metadata metadata;

    private Metadata without(Set<String> scopes) {
        String text = DOCUMENT;
        for (String scope : scopes) {
            String line = "StringConcatenator: " + scope + "\n";
            assertTrue(text.contains(line), scope);
            text = text.replace(line, "HashNullValue: " + scope + "\n");
        }
        MetadataReader.Result r = new MetadataReader().readText("m.yml", text);
        assertEquals(List.of(), r.findings());
        metadata = r.metadata();
        return metadata;
    }

    private Project project() {
        return metadata.project("EXT_AWLT").orElseThrow();
    }

    private DataObject customer() {
        return metadata.object("AWLT_SRC", "SalesLT.Customer").orElseThrow();
    }

    private EffectiveSetting forCustomer(Set<String> removed) {
        return new SettingResolver(without(removed)).forObject(S, project(), customer());
    }

    private static SourceLocation at(int line, int column) {
        return new SourceLocation("m.yml", line, column);
    }

    @Test
    void theObjectWinsOverEveryOtherScope() {
        EffectiveSetting e = forCustomer(Set.of());
        assertEquals("object", e.value());
        assertEquals(SettingScope.OBJECT, e.scope());
        assertEquals("SalesLT.Customer", e.owner());
        assertEquals(at(27, 27), e.location());
        assertEquals("StringConcatenator=object (object SalesLT.Customer, m.yml:27:27)", e.explain());
    }

    @Test
    void thenTheProject() {
        EffectiveSetting e = forCustomer(Set.of("object"));
        assertEquals(SettingScope.PROJECT, e.scope());
        assertEquals("StringConcatenator=project (project EXT_AWLT, m.yml:21:27)", e.explain());
    }

    @Test
    void thenTheProjectsBatch() {
        EffectiveSetting e = forCustomer(Set.of("object", "project"));
        assertEquals(SettingScope.BATCH, e.scope());
        assertEquals("StringConcatenator=batch (batch EXT_AWLT, m.yml:13:27)", e.explain());
    }

    @Test
    void thenTheObjectsConnection() {
        EffectiveSetting e = forCustomer(Set.of("object", "project", "batch"));
        assertEquals(SettingScope.CONNECTION, e.scope());
        assertEquals("StringConcatenator=connection (connection AWLT_SRC, m.yml:9:27)", e.explain());
    }

    @Test
    void thenTheTopLevelSettings() {
        EffectiveSetting e = forCustomer(Set.of("object", "project", "batch", "connection"));
        assertEquals(SettingScope.GLOBAL, e.scope());
        assertEquals("global", e.value());
        assertEquals("StringConcatenator=global (global setting, m.yml:2:23)", e.explain());
    }

    @Test
    void thenTheBuiltInDefault() {
        EffectiveSetting e = forCustomer(Set.of("object", "project", "batch", "connection", "global"));
        assertEquals(SettingScope.DEFAULT, e.scope());
        assertEquals(S.defaultValue(), e.value());
        assertNull(e.location());
        assertEquals("StringConcatenator=~ (built-in default)", e.explain());
    }

    @Test
    void aLessSpecificScopeNeverWinsOverAMoreSpecificOne() {
        // Only the connection and the project: the project wins although the connection is the object's own.
        assertEquals(SettingScope.PROJECT, forCustomer(Set.of("object", "batch", "global")).scope());
        // Only the connection and the batch.
        assertEquals(SettingScope.BATCH, forCustomer(Set.of("object", "project", "global")).scope());
    }

    @Test
    void anotherObjectsSettingDoesNotApply() {
        without(Set.of());
        DataObject address = metadata.object("AWLT_SRC", "SalesLT.Address").orElseThrow();
        EffectiveSetting e = new SettingResolver(metadata).forObject(S, project(), address);
        assertEquals(SettingScope.PROJECT, e.scope());
        assertEquals("project", e.value());
    }

    @Test
    void aProjectSeesItsOwnAndItsBatchsSettingsButNotObjectsOrConnections() {
        SettingResolver r = new SettingResolver(without(Set.of()));
        assertEquals(SettingScope.PROJECT, r.forProject(S, project()).scope());
        r = new SettingResolver(without(Set.of("project")));
        assertEquals(SettingScope.BATCH, r.forProject(S, project()).scope());
        r = new SettingResolver(without(Set.of("project", "batch")));
        assertEquals(SettingScope.GLOBAL, r.forProject(S, project()).scope(), "the connection's value is not the project's");
    }

    @Test
    void aConnectionAndABatchOnTheirOwn() {
        SettingResolver r = new SettingResolver(without(Set.of()));
        assertEquals(SettingScope.CONNECTION, r.forConnection(S, metadata.connection("AWLT_SRC").orElseThrow()).scope());
        assertEquals(SettingScope.BATCH, r.forBatch(S, metadata.batch("EXT_AWLT").orElseThrow()).scope());
        r = new SettingResolver(without(Set.of("connection", "batch")));
        assertEquals(SettingScope.GLOBAL, r.forConnection(S, metadata.connection("AWLT_SRC").orElseThrow()).scope());
        assertEquals(SettingScope.GLOBAL, r.forBatch(S, metadata.batch("EXT_AWLT").orElseThrow()).scope());
    }

    @Test
    void settingKeysIgnoreCase() {
        metadata = new MetadataReader().readText("m.yml", DOCUMENT.replace("StringConcatenator: object",
                "stringconcatenator: object")).metadata();
        EffectiveSetting e = new SettingResolver(metadata).forObject(S, project(), customer());
        assertEquals(SettingScope.OBJECT, e.scope());
        assertEquals("StringConcatenator=object (object SalesLT.Customer, m.yml:27:27)", e.explain(),
                "explain() names the setting as documented");
    }

    @Test
    void valuesConvert() {
        metadata = new MetadataReader().readText("m.yml", """
                settings:
                  DatabricksJobCluster: serverless
                  DatabricksUseLiquidClustering: yes
                  DatabricksActivityRetryAttempts: " 3 "
                """).metadata();
        SettingResolver r = new SettingResolver(metadata);
        Project none = null;
        assertEquals("Serverless", r.forProject(Settings.DATABRICKS_JOB_CLUSTER, none).canonical());
        assertTrue(r.forProject(Settings.DATABRICKS_USE_LIQUID_CLUSTERING, none).asBoolean());
        assertEquals(3, r.forProject(Settings.DATABRICKS_ACTIVITY_RETRY_ATTEMPTS, none).asInt());
        assertTrue(r.forProject(Settings.INTEGRATION_KEY_TO_UPPER, none).asBooleanOr(false), "the default Y");
        assertEquals("ODBC", r.forProject(Settings.DATABRICKS_UTILS_DRIVER, none).canonical());
    }
}
