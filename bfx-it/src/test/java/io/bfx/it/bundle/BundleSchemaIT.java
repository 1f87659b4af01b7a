package io.bfx.it.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every bundle file of every Maven-built variant of the example (each compute kind, both modes, both notebook
 * styles) passes the official Databricks bundle schema from ../shared/schemas.
 */
class BundleSchemaIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        Path file = Path.of(System.getProperty("bfx.shared.schemas", "../../shared/schemas"))
                .resolve("databricks-bundle.schema.json");
        if (!Files.isRegularFile(file)) {
            System.err.println("[bfx-it] SKIPPED bundle schema checks: " + file.toAbsolutePath()
                    + " is not present (CI provides ../shared/schemas beside the repository).");
        }
        Assumptions.assumeTrue(Files.isRegularFile(file), "bundle schema not present at " + file);
        // The schema has no $schema keyword and uses $defs: it is draft 2020-12.
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(file));
    }

    private static List<Path> bundleFiles() {
        List<Path> files = new ArrayList<>();
        for (Path solution : GeneratedBuilds.solutions()) {
            files.addAll(GeneratedBuilds.files(solution.resolve("databricks"), ".yml"));
        }
        return files;
    }

    @Test
    void everyGeneratedBundleFilePassesTheSchema() throws IOException {
        List<Path> files = bundleFiles();
        assertTrue(files.size() >= 10, "bundle files of several builds found: " + files);
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            for (Error e : schema.validate(YAML.readTree(f.toFile()))) {
                problems.add(f + ": " + e);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyComputeKindWasBuilt() {
        List<String> builds = GeneratedBuilds.solutions().stream().map(p -> p.getParent().getParent().getFileName().toString())
                .toList();
        assertTrue(builds.containsAll(List.of("awlt-pushdown", "awlt-serverless", "awlt-jobcluster-jdbc",
                "awlt-compute-cluster", "awlt-traditional")), builds.toString());
    }

    @Test
    void theSchemaRefusesAMisspeltTaskKey() throws IOException {
        Path job = bundleFiles().stream().filter(p -> p.toString().endsWith(".job.yml")).findFirst().orElseThrow();
        JsonNode tree = YAML.readTree(job.toFile());
        ObjectNode task = (ObjectNode) tree.path("resources").path("jobs").elements().next().path("tasks").get(0);
        task.set("notebok_task", task.remove("notebook_task"));
        assertFalse(schema.validate(tree).isEmpty(), "a misspelt key must fail the schema");
    }
}
