package io.bfx.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.bfx.model.load.MetadataJsonSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema of the metadata format is published in the plugin jar for editors. It must be exactly what the
 * model's specification generates, and every example metadata file must pass it.
 */
class MetadataSchemaTest {

    static final String RESOURCE = "META-INF/bfx/bfx-metadata.schema.json";
    static final Path EXAMPLES = Path.of("..", "examples");

    private static String published() throws IOException {
        try (InputStream in = MetadataSchemaTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(published());
    }

    @Test
    void publishedSchemaIsTheGeneratedOne() throws IOException {
        assertEquals(MetadataJsonSchema.generate(), published(),
                "The published schema is stale. Refresh it with: java -cp bfx-model/target/classes "
                        + "io.bfx.model.load.MetadataJsonSchema > bfx-maven-plugin/src/main/resources/" + RESOURCE);
    }

    @Test
    void everyExampleFilePassesTheSchema() throws IOException {
        Schema schema = schema();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(EXAMPLES)) {
            files = walk.filter(p -> p.toString().replace('\\', '/').contains("/src/main/bfx/"))
                    .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "example metadata found");
        for (Path file : files) {
            List<Error> errors = schema.validate(read(file));
            assertEquals(List.of(), errors.stream().map(Error::toString).toList(), file.toString());
        }
    }

    @Test
    void schemaRefusesAMisspeltKeyAndABadChoice() throws IOException {
        Schema schema = schema();
        JsonNode bad = new ObjectMapper(new YAMLFactory()).readTree(
                "projects:\n  - name: P\n    sourceConnection: S\n    landingConnection: L\n"
                        + "    stagingConnection: G\n    batch: B\n    targetConection: X\n"
                        + "connections:\n  - name: S\n    systemType: Oracle\n    integrationStage: SourceSystem\n");
        List<Error> errors = schema.validate(bad);
        assertTrue(errors.stream().anyMatch(e -> e.toString().contains("targetConection")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.toString().contains("systemType")), errors.toString());
    }

    private static JsonNode read(Path file) throws IOException {
        ObjectMapper mapper = file.toString().endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        return mapper.readTree(file.toFile());
    }
}
