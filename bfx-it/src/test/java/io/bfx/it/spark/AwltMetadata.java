package io.bfx.it.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The source objects of examples/awlt-databricks, read straight from its metadata files (YAML and JSON) with
 * Jackson, not through bfx: the tests check the generated SQL against what the user wrote.
 */
final class AwltMetadata {

    /** A column as the metadata declares it; nullable unless it says otherwise. */
    record MetaColumn(String name, String dataType, boolean nullable, boolean primaryKey, boolean notHashed) {
    }

    private static Map<String, List<MetaColumn>> objects;

    private AwltMetadata() {
    }

    /** Object name (SalesLT.Customer) to its columns in ordinal (file) order. */
    static synchronized Map<String, List<MetaColumn>> objects() {
        if (objects == null) {
            objects = read(Paths.get(System.getProperty("bfx.examples", "../examples"))
                    .resolve("awlt-databricks/src/main/bfx"));
        }
        return objects;
    }

    static List<MetaColumn> columns(String object) {
        List<MetaColumn> columns = objects().get(object);
        if (columns == null) {
            throw new IllegalArgumentException("no object " + object + " in the example's metadata");
        }
        return columns;
    }

    private static Map<String, List<MetaColumn>> read(Path folder) {
        Map<String, List<MetaColumn>> out = new LinkedHashMap<>();
        YAMLMapper yaml = new YAMLMapper(); // YAML 1.1 reads the JSON files too
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                JsonNode root = yaml.readTree(file.toFile());
                if (root == null || !root.has("objects")) {
                    continue;
                }
                for (JsonNode o : root.get("objects")) {
                    List<MetaColumn> columns = new ArrayList<>();
                    for (JsonNode c : o.get("columns")) {
                        columns.add(new MetaColumn(c.get("name").asText(), c.get("dataType").asText(),
                                c.path("nullable").asBoolean(true), c.path("isPrimaryKey").asBoolean(false),
                                c.path("notHashed").asBoolean(false)));
                    }
                    out.put(o.get("schema").asText() + "." + o.get("name").asText(), columns);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the example's metadata in " + folder, e);
        }
        return out;
    }
}
