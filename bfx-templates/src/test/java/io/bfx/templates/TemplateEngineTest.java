package io.bfx.templates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

class TemplateEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TemplateEngine engine = new TemplateEngine(TemplateRepository.builtIn());

    private static Map<String, Object> view(Object... keysAndValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    // ------------------------------------------------- automatic escaping, checked by the format's own parser

    @ParameterizedTest
    @MethodSource("io.bfx.templates.Hostile#all")
    void jsonTemplateEscapesValues(String value) throws Exception {
        String out = engine.render("test/value.json.mustache", view("v", value));
        assertEquals("{\"v\": \"" + Escapers.json(value) + "\"}\n", out);
        JsonNode node = JSON.readTree(out);
        assertEquals(value, node.get("v").textValue());
        assertEquals(1, node.size());
    }

    @ParameterizedTest
    @MethodSource("io.bfx.templates.Hostile#all")
    void yamlTemplatesEscapeValues(String value) {
        for (String template : List.of("test/value.yml.mustache", "test/value.yaml.mustache")) {
            String out = engine.render(template, view("v", value));
            Map<String, Object> map = new Yaml().load(out);
            assertEquals(Map.of("v", value), map, template);
        }
    }

    @Test
    void pythonTemplateEscapesValues() {
        for (String value : Hostile.all()) {
            String out = engine.render("test/value.py.mustache", view("v", value));
            List<List<Integer>> got = Interpreters.python(out, "v", "w");
            assertEquals(Interpreters.codePoints(value), got.get(0), out);
            assertEquals(Interpreters.codePoints(value), got.get(1), out);
        }
    }

    @Test
    void shellTemplateEscapesValues() {
        for (String value : Hostile.printable()) {
            String out = engine.render("test/value.sh.mustache", view("v", value));
            byte[] printed = Interpreters.shell("bash", out + "printf %s \"$v\"\n");
            assertArrayEquals(value.getBytes(StandardCharsets.UTF_8), printed, out);
        }
        TemplateException e = assertThrows(TemplateException.class,
                () -> engine.render("test/value.sh.mustache", view("v", "a\nrm -rf /")));
        assertTrue(e.getMessage().contains("test/value.sh.mustache"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("io.bfx.templates.Hostile#printable")
    void powershellTemplateEscapesValues(String value) {
        String out = engine.render("test/value.ps1.mustache", view("v", value));
        Map.Entry<String, Integer> read = EscapersTest.readPowerShellSingleQuoted(out, "$v = ".length());
        assertEquals(value, read.getKey());
        assertEquals("\n", out.substring(read.getValue()));
    }

    @Test
    void textTemplateRefusesControlCharacters() {
        assertEquals("Value: <b>*x*</b> \u2028\n", engine.render("test/value.md.mustache", view("v", "<b>*x*</b> \u2028")));
        assertThrows(TemplateException.class, () -> engine.render("test/value.md.mustache", view("v", "a\u001Bb")));
    }

    @Test
    void missingValueRendersEmpty() {
        assertEquals("{\"v\": \"\"}\n", engine.render("test/value.json.mustache", Map.of()));
    }

    // ------------------------------------------------- typed SQL values

    @Test
    void sqlTemplateTakesTypedValues() {
        assertEquals("SELECT `a``b`.`c`\n",
                engine.render("test/value.sql.mustache", view("v", Sql.identifier("a`b", "c"))));
        assertEquals("SELECT 'it\\'s'\n", engine.render("test/value.sql.mustache", view("v", Sql.literal("it's"))));
        assertEquals("SELECT 42\n", engine.render("test/value.sql.mustache", view("v", Sql.number(42))));
        assertEquals("SELECT * FROM `db`.`t` WHERE name = 'x\\'y'\n", engine.render("test/with-partial.sql.mustache",
                view("table", Sql.identifier("db", "t"), "name", Sql.literal("x'y"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "x'; DROP TABLE t; --", "`t`", ""})
    void plainStringInSqlTemplateIsRefused(String value) {
        TemplateException e = assertThrows(TemplateException.class,
                () -> engine.render("test/value.sql.mustache", view("v", value)));
        assertTrue(e.getMessage().contains("test/value.sql.mustache"), e.getMessage());
        assertTrue(e.getMessage().contains("plain string"), e.getMessage());
    }

    @Test
    void plainNumberInSqlTemplateIsRefused() {
        assertThrows(TemplateException.class, () -> engine.render("test/value.sql.mustache", view("v", 42)));
    }

    @Test
    void plainStringInSqlPartialIsRefused() {
        TemplateException e = assertThrows(TemplateException.class, () -> engine.render(
                "test/with-partial.sql.mustache", view("table", "t; DROP TABLE x", "name", Sql.literal("n"))));
        assertTrue(e.getMessage().contains("plain string"), e.getMessage());
    }

    @Test
    void typedSqlInPythonTemplateIsItsSqlTextEscapedForPython() {
        Sql literal = Sql.literal("it's \"a\"\\b\nc");
        String out = engine.render("test/value.py.mustache", view("v", literal));
        assertEquals("v = '" + Escapers.python(literal.sql()) + "'\nw = \"" + Escapers.python(literal.sql()) + "\"\n",
                out);
        List<List<Integer>> got = Interpreters.python(out, "v", "w");
        assertEquals(Interpreters.codePoints(literal.sql()), got.get(0));
        assertEquals(Interpreters.codePoints(literal.sql()), got.get(1));
    }

    @Test
    void typedSqlInJsonTemplateIsItsSqlTextEscapedForJson() throws Exception {
        Sql id = Sql.identifier("db", "we\"ird`name");
        Sql literal = Sql.literal("a\\'\"\nb");
        assertEquals(id.sql(), JSON.readTree(engine.render("test/value.json.mustache", view("v", id))).get("v")
                .textValue());
        String out = engine.render("test/value.json.mustache", view("v", literal));
        assertEquals("{\"v\": \"" + Escapers.json(literal.sql()) + "\"}\n", out);
        assertEquals(literal.sql(), JSON.readTree(out).get("v").textValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"test/value.json.mustache", "test/value.yml.mustache", "test/value.py.mustache",
            "test/value.sh.mustache", "test/value.ps1.mustache", "test/value.md.mustache", "test/value.sql.mustache"})
    void aPlainValueCannotPassItselfOffAsATypedValue(String template) {
        // The engine marks typed values with two private-use characters; a plain value holding them must not be
        // written without escaping. It is refused, in every format.
        for (String spoof : List.of("\uE000\uE001x\", \"admin\": \"true", "\uE000\uE001'; DROP TABLE t; --",
                "a\uE000\uE001b")) {
            TemplateException e = assertThrows(TemplateException.class,
                    () -> engine.render(template, view("v", spoof)), () -> template + " rendered " + spoof);
            assertTrue(e.getMessage().contains(template), e.getMessage());
        }
        // Either character alone is ordinary data.
        if (!template.endsWith(".sql.mustache")) {
            assertTrue(engine.render(template, view("v", "\uE001\uE000")).contains("\uE001\uE000"));
        }
    }

    // ------------------------------------------------- constructs that would switch escaping off

    @ParameterizedTest
    @ValueSource(strings = {"test/triple.json.mustache", "test/ampersand.json.mustache",
            "test/delimiters.json.mustache"})
    void unescapedConstructsAreRefusedNamingTheTemplate(String template) {
        TemplateException e = assertThrows(TemplateException.class,
                () -> engine.render(template, view("v", "\", \"x\": \"")));
        assertTrue(e.getMessage().contains(template), e.getMessage());
        assertTrue(e.getMessage().contains("without escaping"), e.getMessage());
    }

    @Test
    void unescapedConstructInAPartialIsRefusedNamingThePartial() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> engine.render("test/with-bad-partial.json.mustache", view("v", "x")));
        assertTrue(e.getMessage().contains("test/triple.json.mustache"), e.getMessage());
    }

    @Test
    void refusalIsRepeatedOnEveryRender() {
        // A failed compilation must not leave a usable template in a cache.
        for (int i = 0; i < 3; i++) {
            assertThrows(TemplateException.class, () -> engine.render("test/triple.json.mustache", view("v", "x")));
        }
    }

    @Test
    void unknownTemplateIsATemplateException() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> engine.render("test/missing.json.mustache", Map.of()));
        assertTrue(e.getMessage().contains("test/missing.json.mustache"), e.getMessage());
    }

    // ------------------------------------------------- sequences, line endings, threads

    private static List<Seq.Item<Map<String, String>>> items(String... names) {
        List<Map<String, String>> list = new ArrayList<>();
        for (String n : names) {
            list.add(Map.of("name", n));
        }
        return Seq.of(list);
    }

    @Test
    void seqPutsCommasBetweenItemsOnly() throws Exception {
        assertEquals("[\n]\n", engine.render("test/list.json.mustache", view("items", items())));
        assertEquals("[\n  {\"name\": \"a\", \"index\": 0}\n]\n",
                engine.render("test/list.json.mustache", view("items", items("a"))));
        String three = engine.render("test/list.json.mustache", view("items", items("a", "b\"", "c")));
        assertEquals("[\n  {\"name\": \"a\", \"index\": 0},\n  {\"name\": \"b\\\"\", \"index\": 1},\n"
                + "  {\"name\": \"c\", \"index\": 2}\n]\n", three);
        JsonNode array = JSON.readTree(three);
        assertEquals(3, array.size());
        assertEquals("b\"", array.get(1).get("name").textValue());
    }

    @Test
    void seqItemsKnowTheirPosition() {
        List<Seq.Item<String>> s = Seq.of(List.of("x", "y", "z"));
        assertEquals(new Seq.Item<>("x", 0, true, false), s.get(0));
        assertEquals(new Seq.Item<>("y", 1, false, false), s.get(1));
        assertEquals(new Seq.Item<>("z", 2, false, true), s.get(2));
        assertEquals(List.of(new Seq.Item<>("only", 0, true, true)), Seq.of(List.of("only")));
        assertTrue(Seq.of(List.of()).isEmpty());
    }

    @Test
    void crlfTemplatesRenderLikeLfTemplates(@TempDir Path userDir) throws Exception {
        String lf = new TemplateEngine(TemplateRepository.builtIn()).render("test/lines.md.mustache",
                view("title", "T", "items", List.of("a", "b")));
        assertEquals("# T\n\n- a\n- b\nEnd\n", lf);
        String lfEmpty = engine.render("test/lines.md.mustache", view("title", "T", "items", List.of()));
        assertEquals("# T\n\nNothing.\nEnd\n", lfEmpty);

        String builtIn = TemplateRepository.builtIn().find("test/lines.md.mustache").text();
        assertFalse(builtIn.contains("\r"));
        Path crlf = userDir.resolve("test/lines.md.mustache");
        Files.createDirectories(crlf.getParent());
        Files.writeString(crlf, builtIn.replace("\n", "\r\n"), StandardCharsets.UTF_8);
        TemplateEngine crlfEngine = new TemplateEngine(new TemplateRepository(userDir, null));
        assertEquals(lf, crlfEngine.render("test/lines.md.mustache", view("title", "T", "items", List.of("a", "b"))));
        assertEquals(lfEmpty, crlfEngine.render("test/lines.md.mustache", view("title", "T", "items", List.of())));
    }

    @Test
    void renderingInParallelGivesIdenticalOutput() throws Exception {
        Map<String, Object> v = view("items", items("a", "b'", "c\"", "d\\", "e\u2028"));
        Map<String, Object> sql = view("table", Sql.identifier("db", "t`x"), "name", Sql.literal("it's"));
        String expectedJson = new TemplateEngine(TemplateRepository.builtIn()).render("test/list.json.mustache", v);
        String expectedSql = new TemplateEngine(TemplateRepository.builtIn()).render("test/with-partial.sql.mustache",
                sql);
        // A fresh engine, so that compilation (templates and partials) races too.
        TemplateEngine shared = new TemplateEngine(TemplateRepository.builtIn());
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<String>> task = () -> {
                    start.await();
                    List<String> outs = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        outs.add(shared.render("test/list.json.mustache", v));
                        outs.add(shared.render("test/with-partial.sql.mustache", sql));
                    }
                    return outs;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            for (Future<List<String>> f : futures) {
                List<String> outs = f.get();
                for (int i = 0; i < outs.size(); i += 2) {
                    assertEquals(expectedJson, outs.get(i));
                    assertEquals(expectedSql, outs.get(i + 1));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
