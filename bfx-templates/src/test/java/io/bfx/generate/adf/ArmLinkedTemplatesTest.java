package io.bfx.generate.adf;

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
import io.bfx.model.settings.SettingResolver;
import io.bfx.model.validate.PlatformLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A factory beyond ARM's limits (800 resources, 4 MB per template) is written as linked templates, the way ADF's
 * export writes them. The AdventureWorksLT factory is well within the limits; lowered limits split it, and the
 * linked templates must hold exactly what its single template holds.
 */
class ArmLinkedTemplatesTest {

    private static final String LINKED = "adf/arm/linkedTemplates/";
    private static final Pattern DEPENDENCY =
            Pattern.compile("^\\[concat\\(variables\\('factoryId'\\), '/(\\w+)/(.*)'\\)\\]$");
    private static final Pattern NAME = Pattern.compile("^\\[concat\\(parameters\\('factoryName'\\), '/(.*)'\\)\\]$");

    @TempDir
    Path dir;

    private static GenerationResult generate(Metadata metadata, Path out, AdfProducer producer) {
        return new Generator(List.of(producer)).generate(GenerationRequest.of(metadata, out));
    }

    private static List<String> parts(Path out) throws IOException {
        try (Stream<Path> list = Files.list(out.resolve(LINKED))) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.matches("ArmTemplate_\\d+\\.json"))
                    .sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
        }
    }

    private static int number(String part) {
        return Integer.parseInt(part.substring("ArmTemplate_".length(), part.length() - ".json".length()));
    }

    @Test
    void aFactoryWithinArmsLimitsIsOneTemplate() {
        GenerationResult result = Awlt.generate(Awlt.pushdown(), dir);
        assertTrue(result.written().contains("adf/arm/ARMTemplateForFactory.json"));
        assertTrue(result.written().contains("adf/arm/ARMTemplateParametersForFactory.json"));
        assertTrue(result.written().stream().noneMatch(p -> p.startsWith(LINKED)), result.written().toString());
    }

    @Test
    void moreResourcesThanATemplateTakesGoIntoLinkedTemplatesWithEverythingTheSingleOneHolds() throws IOException {
        Path single = dir.resolve("single");
        Path linked = dir.resolve("linked");
        Awlt.generate(Awlt.pushdown(), single);
        GenerationResult result = generate(Awlt.pushdown(), linked, new AdfProducer(5, ArmTemplate.MAX_BYTES));
        assertSameFactory(single, linked, result, 5, ArmTemplate.MAX_BYTES);
    }

    @Test
    void aTemplateLargerThanTheSizeLimitIsSplitToo() throws IOException {
        Path single = dir.resolve("single");
        Path linked = dir.resolve("linked");
        Awlt.generate(Awlt.traditional(dir), single);
        GenerationResult result = generate(Awlt.traditional(dir), linked, new AdfProducer(800, 60_000));
        assertSameFactory(single, linked, result, 800, 60_000);
    }

    /** The linked templates of {@code linked} hold exactly the single template of {@code single}, split right. */
    private static void assertSameFactory(Path single, Path linked, GenerationResult result, int maxResources,
            long maxBytes) throws IOException {
        assertFalse(Files.exists(linked.resolve("adf/arm/ARMTemplateForFactory.json")), "ARM would refuse it");
        assertFalse(Files.exists(linked.resolve("adf/arm/ARMTemplateParametersForFactory.json")));
        JsonNode template = AdfJson.read(single, "adf/arm/ARMTemplateForFactory.json");
        JsonNode values = AdfJson.read(single, "adf/arm/ARMTemplateParametersForFactory.json");
        Map<String, JsonNode> expected = new HashMap<>();
        template.path("resources").forEach(r -> expected.put(r.path("name").asText(), r));

        List<String> parts = parts(linked);
        assertTrue(parts.size() > 1, parts.toString());
        assertEquals(parts.size(), result.written().stream()
                .filter(p -> p.matches(Pattern.quote(LINKED) + "ArmTemplate_\\d+\\.json")).count());
        Map<String, Integer> partOf = new HashMap<>();
        List<JsonNode> partTemplates = new ArrayList<>();
        for (int n = 0; n < parts.size(); n++) {
            assertEquals("ArmTemplate_" + n + ".json", parts.get(n));
            Path file = linked.resolve(LINKED + parts.get(n));
            assertTrue(Files.size(file) <= maxBytes, parts.get(n) + " has " + Files.size(file) + " bytes");
            JsonNode part = AdfJson.read(linked, LINKED + parts.get(n));
            partTemplates.add(part);
            assertTrue(part.path("resources").size() <= maxResources, parts.get(n));
            assertEquals(template.path("variables"), part.path("variables"));
            Set<String> used = new TreeSet<>(Set.of("factoryName"));
            for (JsonNode r : part.path("resources")) {
                String name = r.path("name").asText();
                assertTrue(expected.containsKey(name), name + " is not in the single template");
                assertEquals(null, partOf.put(name, n), name + " twice");
                JsonNode e = expected.get(name);
                assertEquals(e.path("type"), r.path("type"), name);
                assertEquals(e.path("apiVersion"), r.path("apiVersion"), name);
                assertEquals(e.path("properties"), r.path("properties"), name);
                Matcher m = Pattern.compile("parameters\\('([^']+)'\\)").matcher(r.path("properties").toString());
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
            Set<String> declared = new TreeSet<>();
            part.path("parameters").fieldNames().forEachRemaining(declared::add);
            assertEquals(used, declared, parts.get(n) + " declares the parameters its resources use");
            for (String p : declared) {
                assertEquals(template.path("parameters").path(p), part.path("parameters").path(p), p);
            }
        }
        assertEquals(expected.keySet(), partOf.keySet(), "every resource is in one linked template");

        // dependsOn: what the single template lists, less what an earlier template deploys first
        Map<String, String> byReference = new HashMap<>();
        expected.forEach((name, r) -> {
            Matcher m = NAME.matcher(name);
            assertTrue(m.matches(), name);
            String type = r.path("type").asText();
            byReference.put(type.substring(type.lastIndexOf('/') + 1).toLowerCase() + "/" + m.group(1), name);
        });
        int dropped = 0;
        for (int n = 0; n < parts.size(); n++) {
            for (JsonNode r : partTemplates.get(n).path("resources")) {
                Set<String> kept = new HashSet<>();
                r.path("dependsOn").forEach(d -> kept.add(d.asText()));
                for (JsonNode d : expected.get(r.path("name").asText()).path("dependsOn")) {
                    Matcher m = DEPENDENCY.matcher(d.asText());
                    assertTrue(m.matches(), d.asText());
                    String target = byReference.get(m.group(1).toLowerCase() + "/" + m.group(2));
                    if (kept.remove(d.asText())) {
                        assertEquals(n, partOf.get(target), "kept " + d.asText() + " is in the same template");
                    } else {
                        assertTrue(partOf.get(target) < n, d.asText() + " of " + r.path("name").asText()
                                + " is dropped, so an earlier template must deploy it");
                        dropped++;
                    }
                }
                assertEquals(Set.of(), kept, "dependsOn the single template does not have");
            }
        }
        assertTrue(dropped > 0, "some dependencies cross templates");

        // the master deploys the templates in order, passing each the parameters it declares
        JsonNode master = AdfJson.read(linked, LINKED + "ArmTemplate_master.json");
        Set<String> masterParameters = new TreeSet<>();
        master.path("parameters").fieldNames().forEachRemaining(masterParameters::add);
        Set<String> all = new TreeSet<>();
        template.path("parameters").fieldNames().forEachRemaining(all::add);
        all.addAll(List.of("containerUri", "containerSasToken"));
        assertEquals(all, masterParameters);
        JsonNode deployments = master.path("resources");
        assertEquals(parts.size(), deployments.size());
        for (int n = 0; n < parts.size(); n++) {
            JsonNode d = deployments.get(n);
            assertEquals("bfx-adf_ArmTemplate_" + n, d.path("name").asText());
            assertEquals("Microsoft.Resources/deployments", d.path("type").asText());
            assertEquals("incremental", d.at("/properties/mode").asText());
            assertEquals("[concat(parameters('containerUri'), '/ArmTemplate_" + n
                    + ".json', parameters('containerSasToken'))]", d.at("/properties/templateLink/uri").asText());
            Set<String> passed = new TreeSet<>();
            d.at("/properties/parameters").fields().forEachRemaining(e -> {
                passed.add(e.getKey());
                assertEquals("[parameters('" + e.getKey() + "')]", e.getValue().path("value").asText());
            });
            Set<String> declared = new TreeSet<>();
            partTemplates.get(n).path("parameters").fieldNames().forEachRemaining(declared::add);
            assertEquals(declared, passed);
            List<String> dependsOn = new ArrayList<>();
            d.path("dependsOn").forEach(x -> dependsOn.add(x.asText()));
            assertEquals(n == 0 ? List.of() : List.of("[resourceId('Microsoft.Resources/deployments', "
                    + "'bfx-adf_ArmTemplate_" + (n - 1) + "')]"), dependsOn);
        }
        JsonNode masterValues = AdfJson.read(linked, LINKED + "ArmTemplateParameters_master.json");
        values.path("parameters").fields().forEachRemaining(e ->
                assertEquals(e.getValue(), masterValues.path("parameters").path(e.getKey()), e.getKey()));
        assertEquals("", masterValues.at("/parameters/containerUri/value").asText("x"));
        assertEquals("", masterValues.at("/parameters/containerSasToken/value").asText("x"));

        // the git-layout files do not change
        for (String f : result.written()) {
            if (!f.startsWith("adf/arm/")) {
                assertEquals(Awlt.read(single, f), Awlt.read(linked, f), f);
            }
        }
    }

    @Test
    void growingBeyondTheLimitsReplacesTheSingleTemplate() {
        Awlt.generate(Awlt.pushdown(), dir);
        GenerationResult result = generate(Awlt.pushdown(), dir, new AdfProducer(5, ArmTemplate.MAX_BYTES));
        assertEquals(List.of("adf/arm/ARMTemplateForFactory.json", "adf/arm/ARMTemplateParametersForFactory.json"),
                result.deleted());
        GenerationResult back = Awlt.generate(Awlt.pushdown(), dir);
        assertTrue(back.deleted().contains(LINKED + "ArmTemplate_master.json"), back.deleted().toString());
    }

    @Test
    void aResourceLargerThanATemplateFailsGeneration() {
        GenerationException e = assertThrows(GenerationException.class,
                () -> generate(Awlt.pushdown(), dir, new AdfProducer(800, 4_000)));
        assertTrue(e.getMessage().contains("bytes in an ARM template; ARM allows 4000 bytes per template"),
                e.getMessage());
    }

    /** BFX033 counts the factory's entities from the metadata; the count must match what is generated. */
    @Test
    void theEntityCountOfTheValidationMatchesTheGeneratedFactory() throws IOException {
        for (Metadata m : List.of(Awlt.pushdown(), Awlt.traditional(dir.resolve("work")))) {
            Path out = dir.resolve("count-" + m.hashCode());
            Awlt.generate(m, out);
            long generated = 0;
            for (String folder : List.of("linkedService", "dataset", "pipeline", "trigger")) {
                try (Stream<Path> files = Files.list(out.resolve("adf/" + folder))) {
                    generated += files.count();
                }
            }
            assertEquals(generated, PlatformLimits.adfEntities(m, new SettingResolver(m)));
        }
    }
}
