package io.bfx.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.model.Metadata;
import io.bfx.templates.Sql;
import io.bfx.templates.TemplateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {

    @TempDir
    Path tmp;

    private static Metadata emptyModel() {
        return new Metadata(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Writes two files, each on the worker pool, from the test templates. */
    private record TwoFiles(String jsonPath, String sqlPath) implements ArtifactProducer {
        @Override
        public void produce(SolutionContext context, FileSink sink) {
            context.forEachParallel(List.of(jsonPath, sqlPath), path -> {
                if (path.equals(jsonPath)) {
                    sink.accept(context.render(path, "test/value.json.mustache", Map.of("v", "it's \"q\" \u2028")));
                } else {
                    sink.accept(context.render(path, "test/with-partial.sql.mustache",
                            Map.of("table", Sql.identifier("db", "t`x"), "name", Sql.literal("it's"))));
                }
            });
        }
    }

    private GenerationRequest request(Path templates, int parallelism) {
        return new GenerationRequest(emptyModel(), tmp.resolve("out"), templates, null, parallelism);
    }

    /** Every file under the output folder with its bytes. */
    private Map<String, byte[]> snapshot() throws IOException {
        Path out = tmp.resolve("out");
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(out.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    void twoRunsGiveByteIdenticalOutput() throws IOException {
        Generator g = new Generator(List.of(new TwoFiles("adf/a.json", "sql/b.sql")));
        GenerationResult first = g.generate(request(null, 4));
        assertEquals(List.of("adf/a.json", "sql/b.sql"), first.written());
        assertEquals(2, first.changed());
        assertEquals(List.of(), first.deleted());
        assertEquals(Map.of(), first.overrides());
        Map<String, byte[]> before = snapshot();
        assertEquals(List.of(OutputWriter.MANIFEST, "adf/a.json", "sql/b.sql"), List.copyOf(before.keySet()));
        assertEquals("{\"v\": \"it's \\\"q\\\" \\u2028\"}\n",
                new String(before.get("adf/a.json"), StandardCharsets.UTF_8));
        assertEquals("SELECT * FROM `db`.`t``x` WHERE name = 'it\\'s'\n",
                new String(before.get("sql/b.sql"), StandardCharsets.UTF_8));

        GenerationResult second = g.generate(request(null, 1));
        Map<String, byte[]> after = snapshot();
        assertEquals(before.keySet(), after.keySet());
        for (String p : before.keySet()) {
            assertArrayEquals(before.get(p), after.get(p), p);
        }
        assertEquals(first.written(), second.written());
        assertEquals(0, second.changed());
        assertEquals(List.of(), second.deleted());
    }

    @Test
    void renamedFileRemovesTheOldOne() throws IOException {
        new Generator(List.of(new TwoFiles("adf/old/a.json", "sql/b.sql"))).generate(request(null, 2));
        assertTrue(Files.isRegularFile(tmp.resolve("out/adf/old/a.json")));
        GenerationResult r = new Generator(List.of(new TwoFiles("adf/new/a.json", "sql/b.sql")))
                .generate(request(null, 2));
        assertEquals(List.of("adf/old/a.json"), r.deleted());
        assertEquals(List.of("adf/new/a.json", "sql/b.sql"), r.written());
        assertEquals(1, r.changed());
        assertFalse(Files.exists(tmp.resolve("out/adf/old")));
        assertEquals(List.of(OutputWriter.MANIFEST, "adf/new/a.json", "sql/b.sql"), List.copyOf(snapshot().keySet()));
    }

    @Test
    void unknownOverrideFailsTheGenerationNamingIt() throws IOException {
        Path templates = tmp.resolve("templates");
        Path typo = templates.resolve("test/valeu.json.mustache");
        Files.createDirectories(typo.getParent());
        Files.writeString(typo, "{}");
        Generator g = new Generator(List.of(new TwoFiles("a.json", "b.sql")));
        GenerationException e = assertThrows(GenerationException.class, () -> g.generate(request(templates, 1)));
        assertTrue(e.getMessage().contains(typo.toString()), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing is written when an override is unknown");
    }

    @Test
    void overridesAreAppliedAndReported() throws IOException {
        Path templates = tmp.resolve("templates");
        Path override = templates.resolve("test/value.json.mustache");
        Files.createDirectories(override.getParent());
        Files.writeString(override, "{\"overridden\": \"{{v}}\"}");
        GenerationResult r = new Generator(List.of(new TwoFiles("a.json", "b.sql"))).generate(request(templates, 1));
        assertEquals(Map.of("test/value.json.mustache", override.toString()), r.overrides());
        assertEquals("{\"overridden\": \"it's \\\"q\\\" \\u2028\"}\n", Files.readString(tmp.resolve("out/a.json")));
    }

    @Test
    void failedRunDeletesNothing() throws IOException {
        new Generator(List.of(new TwoFiles("a.json", "b.sql"))).generate(request(null, 1));
        Map<String, byte[]> before = snapshot();
        ArtifactProducer failing = (context, sink) -> {
            sink.accept(context.render("c.sql", "test/value.sql.mustache", Map.of("v", "plain")));
        };
        assertThrows(TemplateException.class, () -> new Generator(List.of(failing)).generate(request(null, 1)));
        Map<String, byte[]> after = snapshot();
        assertEquals(before.keySet(), after.keySet());
        for (String p : before.keySet()) {
            assertArrayEquals(before.get(p), after.get(p), p);
        }
    }

    @Test
    void failureOnTheWorkerPoolIsRethrown() {
        ArtifactProducer failing = (context, sink) -> context.forEachParallel(List.of("x", "y", "z"), v -> {
            throw new GenerationException("broken " + v);
        });
        GenerationException e = assertThrows(GenerationException.class,
                () -> new Generator(List.of(failing)).generate(request(null, 3)));
        assertTrue(e.getMessage().startsWith("broken "), e.getMessage());
    }

    @Test
    void requestIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> request(null, 0));
        assertThrows(NullPointerException.class,
                () -> new GenerationRequest(null, tmp, null, null, 1));
        assertThrows(NullPointerException.class,
                () -> new GenerationRequest(emptyModel(), null, null, null, 1));
        GenerationRequest of = GenerationRequest.of(emptyModel(), tmp);
        assertTrue(of.parallelism() >= 1);
    }
}
