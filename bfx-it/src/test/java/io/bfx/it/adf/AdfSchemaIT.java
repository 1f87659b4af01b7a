package io.bfx.it.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every generated ADF file of the AdventureWorksLT example, in both processing modes, passes the official ARM
 * schema of Microsoft.DataFactory (2018-06-01, draft-04) from ../shared/schemas: git-layout files by their
 * {@code properties}, the ARM template resource by resource. Offline: both schema files are registered under
 * their ids.
 */
class AdfSchemaIT {

    static final String DATA_FACTORY_ID = "https://schema.management.azure.com/schemas/2018-06-01/Microsoft.DataFactory.json";
    static final String COMMON_ID = "https://schema.management.azure.com/schemas/common/definitions.json";

    /** Git-layout folder to the schema definition of its files' {@code properties}. */
    static final Map<String, String> DEFINITIONS = Map.of(
            "pipeline", "Pipeline", "dataset", "Dataset", "linkedService", "LinkedService", "trigger", "Trigger");

    private static SchemaRegistry registry;

    @BeforeAll
    static void loadSchemas() throws IOException {
        Path dir = Path.of(System.getProperty("bfx.shared.schemas", "../../shared/schemas"));
        Path dataFactory = dir.resolve("arm-2018-06-01-Microsoft.DataFactory.schema.json");
        Path common = dir.resolve("arm-common-definitions.schema.json");
        boolean present = Files.isRegularFile(dataFactory) && Files.isRegularFile(common);
        if (!present) {
            System.err.println("[bfx-it] SKIPPED ADF schema checks: " + dataFactory.toAbsolutePath() + " or "
                    + common.getFileName() + " is not present (CI provides ../shared/schemas beside the repository).");
        }
        Assumptions.assumeTrue(present, "ADF schemas not present in " + dir.toAbsolutePath());
        String df = Files.readString(dataFactory, StandardCharsets.UTF_8);
        String defs = Files.readString(common, StandardCharsets.UTF_8);
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, b -> b
                .schemas(Map.of(DATA_FACTORY_ID, df, COMMON_ID, defs))
                .schemaLoader(l -> l.fetchRemoteResources(false)));
    }

    static Schema schema(String pointer) {
        return registry.getSchema(SchemaLocation.of(DATA_FACTORY_ID + "#" + pointer));
    }

    static List<String> problems(Schema schema, JsonNode node, String where) {
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(node)) {
            out.add(where + ": " + e);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(AwltAdf.Mode.class)
    void everyGitLayoutFilePassesItsDefinition(AwltAdf.Mode mode) {
        Path out = AwltAdf.generated(mode);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, String> e : DEFINITIONS.entrySet()) {
            Schema schema = schema("/definitions/" + e.getValue());
            for (Path file : AwltAdf.files(out, e.getKey())) {
                JsonNode doc = AwltAdf.read(file);
                problems.addAll(problems(schema, doc.path("properties"), file.toString()));
                checked++;
            }
        }
        assertEquals(List.of(), problems);
        // 5 linked services, 4 datasets, 1 trigger, 10 object pipelines, batch, copy sub-batch (+ in traditional
        // mode four notebook sub-batches: Bronze, Silver, dimensions, facts)
        assertEquals(mode == AwltAdf.Mode.PUSHDOWN ? 22 : 26, checked, "files checked");
        if (mode == AwltAdf.Mode.VARIANT) {
            JsonNode lake = AwltAdf.read(out.resolve("adf/linkedService/LS_BFX_LND.json"));
            assertEquals("AzureBlobFS", lake.at("/properties/type").asText());
            assertEquals("AzureKeyVaultSecret", lake.at("/properties/typeProperties/accountKey/type").asText());
            JsonNode dbr = AwltAdf.read(out.resolve("adf/linkedService/LS_BFX_STG_DBR.json"));
            assertEquals("0123-456789-abcdefgh", dbr.at("/properties/typeProperties/existingClusterId").asText());
            JsonNode src = AwltAdf.read(out.resolve("adf/linkedService/LS_AWLT_SRC.json"));
            assertEquals("SystemAssignedManagedIdentity",
                    src.at("/properties/typeProperties/authenticationType").asText());
            assertEquals("ir-self-hosted", src.at("/properties/connectVia/referenceName").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(AwltAdf.Mode.class)
    void everyArmResourcePassesItsResourceDefinition(AwltAdf.Mode mode) {
        JsonNode arm = AwltAdf.read(AwltAdf.generated(mode).resolve("adf/arm/ARMTemplateForFactory.json"));
        List<String> problems = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (JsonNode resource : arm.path("resources")) {
            String type = resource.path("type").asText();
            String segment = type.substring(type.lastIndexOf('/') + 1);
            types.add(segment);
            problems.addAll(problems(schema("/resourceDefinitions/factories_" + segment), resource,
                    resource.path("name").asText()));
        }
        assertEquals(List.of(), problems);
        assertTrue(types.containsAll(List.of("linkedservices", "datasets", "pipelines", "triggers")), types.toString());
        // Pushdown: the job ids; traditional: each environment's catalogs and landing URL.
        assertTrue(types.contains("globalParameters"), "global parameters are deployed and checked too: " + types);
    }

    @Test
    void theValidatorRefusesADatabricksJobWithoutJobId() {
        JsonNode batch = AwltAdf.read(AwltAdf.generated(AwltAdf.Mode.PUSHDOWN)
                .resolve("adf/pipeline/EXT_AWLT_DBR_Batch.json"));
        Schema pipeline = schema("/definitions/Pipeline");
        assertEquals(List.of(), problems(pipeline, batch.path("properties"), "as generated"));

        JsonNode broken = batch.deepCopy();
        ObjectNode job = (ObjectNode) AwltAdf.activity(broken, "Run_Databricks_Job");
        assertTrue(((ObjectNode) job.path("typeProperties")).remove("jobId") != null);
        List<String> problems = problems(pipeline, broken.path("properties"), "without jobId");
        assertFalse(problems.isEmpty(), "a DatabricksJob without jobId must fail validation");
        assertTrue(problems.stream().anyMatch(p -> p.contains("jobId")), problems.toString());
    }

    @Test
    void theValidatorRefusesAnUnknownActivityType() {
        JsonNode object = AwltAdf.read(AwltAdf.generated(AwltAdf.Mode.PUSHDOWN)
                .resolve("adf/pipeline/EXT_AWLT_DBR_SalesLT_Customer.json"));
        JsonNode broken = object.deepCopy();
        ((ObjectNode) AwltAdf.activity(broken, "CopyToLanding")).put("type", "Cpy");
        assertFalse(problems(schema("/definitions/Pipeline"), broken.path("properties"), "bad type").isEmpty());
    }
}
