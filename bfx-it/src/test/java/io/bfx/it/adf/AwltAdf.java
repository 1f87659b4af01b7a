package io.bfx.it.adf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bfx.generate.GenerationRequest;
import io.bfx.generate.Generator;
import io.bfx.generate.adf.AdfProducer;
import io.bfx.model.Metadata;
import io.bfx.model.load.MetadataReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ADF generated from the AdventureWorksLT example with the Java API, in both processing modes, under
 * {@code target/adf-it/<mode>}. Each mode is generated once per JVM.
 */
final class AwltAdf {

    /**
     * The example as written (pushdown), with {@code pushdownProcessing: false} (traditional), and a variant that
     * takes the other linked-service branches: traditional on an existing cluster, ADLS Gen2 landing with an
     * account key from Key Vault, an Azure SQL source with managed identity through a self-hosted runtime.
     */
    enum Mode { PUSHDOWN, TRADITIONAL, VARIANT }

    static final String PUSHDOWN_LINE = "pushdownProcessing: true";

    static final Path EXAMPLE = Path.of("..", "examples", "awlt-databricks");
    static final Path WORK = Path.of("target", "adf-it");
    static final ObjectMapper JSON = new ObjectMapper();

    private static final java.util.Map<Mode, Path> GENERATED = new java.util.EnumMap<>(Mode.class);

    private AwltAdf() {}

    /** The output folder of {@code mode}, generated on first use. */
    static synchronized Path generated(Mode mode) {
        return GENERATED.computeIfAbsent(mode, m -> {
            Path out = WORK.resolve(m.name().toLowerCase(java.util.Locale.ROOT));
            new Generator(List.of(new AdfProducer())).generate(GenerationRequest.of(metadata(m), out));
            return out;
        });
    }

    private static Metadata metadata(Mode mode) {
        Path project = EXAMPLE;
        if (mode != Mode.PUSHDOWN) {
            project = WORK.resolve(mode.name().toLowerCase(java.util.Locale.ROOT) + "-metadata");
            List<String> edits = new ArrayList<>(List.of(PUSHDOWN_LINE, "pushdownProcessing: false"));
            if (mode == Mode.VARIANT) {
                edits.addAll(List.of(
                        "    systemType: SqlServer\n", "    systemType: AzureSqlDatabase\n",
                        "    authentication: SqlAuthentication\n    keyVaultSecret: awlt-src-connection-string\n",
                        "    authentication: ManagedIdentity\n",
                        "    systemType: AzureBlobStorage\n", "    systemType: AzureDataLakeGen2\n",
                        "    authentication: ManagedIdentity\n    description: Landing storage",
                        "    authentication: AccountKey\n    keyVaultSecret: bfx-landing-account-key\n"
                                + "    description: Landing storage",
                        "  AzureKeyVault: kv-bfx-dev\n", "  AzureKeyVault: kv-bfx-dev\n"
                                + "  DatabricksJobCluster: ComputeCluster\n"
                                + "  DatabricksExistingClusterId: 0123-456789-abcdefgh\n"
                                + "  AzureIntegrationRuntime: ir-self-hosted\n"));
            }
            copyWith(EXAMPLE.resolve("src/main/bfx"), project.resolve("src/main/bfx"), edits);
        }
        MetadataReader.Result r = new MetadataReader().read(project, project.resolve("src/main/bfx"), List.of(),
                List.of());
        if (!r.findings().isEmpty()) {
            throw new IllegalStateException("the example does not read cleanly: " + r.findings());
        }
        return r.metadata();
    }

    /** Copies the metadata files, applying each (find, replace) pair once; every find must occur. */
    private static void copyWith(Path from, Path to, List<String> edits) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            List<Path> sources = files.sorted().toList();
            java.util.Map<Path, String> texts = new java.util.LinkedHashMap<>();
            for (Path f : sources) {
                texts.put(f, Files.readString(f, StandardCharsets.UTF_8));
            }
            for (int i = 0; i < edits.size(); i += 2) {
                String find = edits.get(i);
                Path in = texts.keySet().stream().filter(f -> texts.get(f).contains(find)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("the example no longer contains '" + find
                                + "'; update " + AwltAdf.class.getSimpleName()));
                String text = texts.get(in);
                int at = text.indexOf(find);
                texts.put(in, text.substring(0, at) + edits.get(i + 1) + text.substring(at + find.length()));
            }
            for (var e : texts.entrySet()) {
                Files.writeString(to.resolve(e.getKey().getFileName()), e.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of a folder under {@code adf/} of the output, sorted. */
    static List<Path> files(Path out, String folder) {
        Path dir = out.resolve("adf").resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.list(dir)) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every activity of a pipeline, inner activities included. */
    static List<JsonNode> activities(JsonNode pipeline) {
        List<JsonNode> out = new ArrayList<>();
        collect(pipeline.path("properties").path("activities"), out);
        return out;
    }

    private static void collect(JsonNode activities, List<JsonNode> out) {
        for (JsonNode a : activities) {
            out.add(a);
            for (String inner : new String[] {"ifTrueActivities", "ifFalseActivities", "activities"}) {
                collect(a.path("typeProperties").path(inner), out);
            }
        }
    }

    static JsonNode activity(JsonNode pipeline, String name) {
        return activities(pipeline).stream().filter(a -> a.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no activity " + name));
    }
}
