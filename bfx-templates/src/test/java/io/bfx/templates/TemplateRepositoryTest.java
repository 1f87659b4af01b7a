package io.bfx.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRepositoryTest {

    private static final String MD = "test/value.md.mustache";
    private static final String JSON = "test/value.json.mustache";
    private static final String YML = "test/value.yml.mustache";

    @TempDir
    Path tmp;

    private Path userFile(String name, String text) throws IOException {
        Path p = tmp.resolve("user").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** A jar as the jar tool writes it: a manifest, a directory entry per folder, then the files. */
    private URL jar(Map<String, String> files) throws IOException {
        return jar(files, true);
    }

    private URL jar(Map<String, String> files, boolean folderEntries) throws IOException {
        Path jar = Files.createTempFile(tmp, "overrides", ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            java.util.Set<String> dirs = new java.util.TreeSet<>();
            for (String name : files.keySet()) {
                for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
                    dirs.add(name.substring(0, i + 1));
                }
            }
            for (String d : folderEntries ? dirs : java.util.Set.<String>of()) {
                j.putNextEntry(new JarEntry(d));
                j.closeEntry();
            }
            for (Map.Entry<String, String> e : files.entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey()));
                j.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return jar.toUri().toURL();
    }

    private URLClassLoader loader(URL jar) {
        return new URLClassLoader(new URL[] {jar}, getClass().getClassLoader());
    }

    @Test
    void builtInTemplatesIncludeTheTestTemplates() {
        TemplateRepository repo = TemplateRepository.builtIn();
        assertTrue(repo.builtInNames().containsAll(List.of(MD, JSON, YML, "test/part.sql.mustache")));
        assertTrue(repo.exists(MD));
        assertFalse(repo.exists("test/nope.md.mustache"));
        TemplateSource s = repo.find(MD);
        assertEquals(TemplateSource.Origin.BUILT_IN, s.origin());
        assertEquals("Value: {{v}}\n", s.text());
        assertTrue(repo.overrides().isEmpty());
        assertTrue(repo.unknownOverrides().isEmpty());
        assertThrows(TemplateException.class, () -> repo.find("test/nope.md.mustache"));
    }

    @Test
    void userDirectoryOverrideReplacesTheBuiltInTemplate() throws IOException {
        Path p = userFile(MD, "User: {{v}}\n");
        TemplateRepository repo = new TemplateRepository(tmp.resolve("user"), null);
        assertEquals(Map.of(MD, p.toString()), repo.overrides());
        assertTrue(repo.unknownOverrides().isEmpty());
        TemplateSource s = repo.find(MD);
        assertEquals(TemplateSource.Origin.USER_DIRECTORY, s.origin());
        assertEquals(p.toString(), s.location());
        assertEquals("User: x\n", new TemplateEngine(repo).render(MD, Map.of("v", "x")));
        // Other templates stay built in.
        assertEquals(TemplateSource.Origin.BUILT_IN, repo.find(JSON).origin());
    }

    @Test
    void overrideOfAPartialIsUsedByTheTemplateIncludingIt() throws IOException {
        userFile("test/part.sql.mustache", "{{table}} AS overridden");
        TemplateEngine engine = new TemplateEngine(new TemplateRepository(tmp.resolve("user"), null));
        assertEquals("SELECT * FROM `t` AS overridden WHERE name = 'n'\n", engine.render(
                "test/with-partial.sql.mustache", Map.of("table", Sql.identifier("t"), "name", Sql.literal("n"))));
    }

    @Test
    void userOverrideIsCheckedForUnescapedConstructs() throws IOException {
        Path p = userFile(MD, "User: {{{v}}}\n");
        TemplateEngine engine = new TemplateEngine(new TemplateRepository(tmp.resolve("user"), null));
        TemplateException e = assertThrows(TemplateException.class, () -> engine.render(MD, Map.of("v", "x")));
        assertTrue(e.getMessage().contains(MD), e.getMessage());
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    }

    @Test
    void userOverrideWithAnUnknownNameIsListed() throws IOException {
        userFile(MD, "ok {{v}}\n");
        Path unknown = userFile("test/valeu.md.mustache", "typo {{v}}\n");
        TemplateRepository repo = new TemplateRepository(tmp.resolve("user"), null);
        assertEquals(List.of(unknown.toString()), repo.unknownOverrides());
        assertEquals(Map.of(MD, tmp.resolve("user").resolve(MD).toString()), repo.overrides());
    }

    @Test
    void missingUserDirectoryMeansNoOverrides() {
        TemplateRepository repo = new TemplateRepository(tmp.resolve("absent"), null);
        assertTrue(repo.overrides().isEmpty());
        assertTrue(repo.unknownOverrides().isEmpty());
        assertEquals(TemplateSource.Origin.BUILT_IN, repo.find(MD).origin());
    }

    @Test
    void classpathOverrideFromAJarReplacesTheBuiltInTemplate() throws IOException {
        URL jar = jar(Map.of("bfx-templates/" + MD, "Jar: {{v}}\n"));
        try (URLClassLoader loader = loader(jar)) {
            TemplateRepository repo = new TemplateRepository(null, loader);
            TemplateSource s = repo.find(MD);
            assertEquals(TemplateSource.Origin.CLASSPATH, s.origin());
            assertTrue(s.location().startsWith("jar:"), s.location());
            assertTrue(s.location().endsWith("!/bfx-templates/" + MD), s.location());
            assertEquals(Map.of(MD, s.location()), repo.overrides());
            assertTrue(repo.unknownOverrides().isEmpty());
            assertEquals("Jar: a'b\n", new TemplateEngine(repo).render(MD, Map.of("v", "a'b")));
            assertEquals("{\"v\": \"a\\\"b\"}\n", new TemplateEngine(repo).render(JSON, Map.of("v", "a\"b")));
        }
    }

    @Test
    void classpathOverrideWithAnUnknownNameIsListed() throws IOException {
        URL jar = jar(Map.of("bfx-templates/test/nope.md.mustache", "x"));
        try (URLClassLoader loader = loader(jar)) {
            TemplateRepository repo = new TemplateRepository(null, loader);
            List<String> unknown = repo.unknownOverrides();
            assertEquals(1, unknown.size(), unknown.toString());
            assertTrue(unknown.get(0).endsWith("!/bfx-templates/test/nope.md.mustache"), unknown.get(0));
        }
    }

    @Test
    void classpathOverrideIsCheckedForUnescapedConstructs() throws IOException {
        URL jar = jar(Map.of("bfx-templates/" + JSON, "{\"v\": \"{{&v}}\"}"));
        try (URLClassLoader loader = loader(jar)) {
            TemplateEngine engine = new TemplateEngine(new TemplateRepository(null, loader));
            TemplateException e = assertThrows(TemplateException.class, () -> engine.render(JSON, Map.of("v", "x")));
            assertTrue(e.getMessage().contains(JSON), e.getMessage());
        }
    }

    @Test
    void userDirectoryBeatsClasspathBeatsBuiltIn() throws IOException {
        Path userMd = userFile(MD, "User: {{v}}\n");
        Map<String, String> jarFiles = new LinkedHashMap<>();
        jarFiles.put("bfx-templates/" + MD, "Jar: {{v}}\n");
        jarFiles.put("bfx-templates/" + JSON, "{\"jar\": \"{{v}}\"}\n");
        URL jar = jar(jarFiles);
        try (URLClassLoader loader = loader(jar)) {
            TemplateRepository repo = new TemplateRepository(tmp.resolve("user"), loader);
            TemplateEngine engine = new TemplateEngine(repo);
            assertEquals("User: x\n", engine.render(MD, Map.of("v", "x")));
            assertEquals("{\"jar\": \"x\"}\n", engine.render(JSON, Map.of("v", "x")));
            assertEquals("v: \"x\"\n", engine.render(YML, Map.of("v", "x")));
            assertEquals(TemplateSource.Origin.USER_DIRECTORY, repo.find(MD).origin());
            assertEquals(TemplateSource.Origin.CLASSPATH, repo.find(JSON).origin());
            assertEquals(TemplateSource.Origin.BUILT_IN, repo.find(YML).origin());
            Map<String, String> overrides = repo.overrides();
            assertEquals(2, overrides.size(), overrides.toString());
            assertEquals(userMd.toString(), overrides.get(MD));
            assertTrue(overrides.get(JSON).endsWith("!/bfx-templates/" + JSON), overrides.get(JSON));
            assertTrue(repo.unknownOverrides().isEmpty());
        }
    }

    @Test
    void jarWithoutFolderEntriesIsSeenToo() throws IOException {
        // Zip tools may write only file entries; a class loader then does not find the folder bfx-templates/.
        Map<String, String> files = new LinkedHashMap<>();
        files.put("bfx-templates/" + MD, "Zip: {{v}}\n");
        files.put("bfx-templates/test/typo.md.mustache", "x");
        URL jar = jar(files, false);
        try (URLClassLoader loader = loader(jar)) {
            assertEquals(null, loader.getResource("bfx-templates/"), "the jar must have no folder entries");
            TemplateRepository repo = new TemplateRepository(null, loader);
            assertEquals(TemplateSource.Origin.CLASSPATH, repo.find(MD).origin());
            assertEquals("Zip: x\n", new TemplateEngine(repo).render(MD, Map.of("v", "x")));
            assertEquals(1, repo.unknownOverrides().size(), repo.unknownOverrides().toString());
            assertTrue(repo.unknownOverrides().get(0).endsWith("!/bfx-templates/test/typo.md.mustache"));
        }
    }

    @Test
    void missingJarOnTheLoaderIsIgnored() throws IOException {
        URL missing = tmp.resolve("missing.jar").toUri().toURL();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {missing}, getClass().getClassLoader())) {
            TemplateRepository repo = new TemplateRepository(null, loader);
            assertTrue(repo.overrides().isEmpty());
            assertEquals(TemplateSource.Origin.BUILT_IN, repo.find(MD).origin());
        }
    }

    @Test
    void withoutALoaderNoClasspathOverrideIsSeen() throws IOException {
        URL jar = jar(Map.of("bfx-templates/" + MD, "Jar: {{v}}\n"));
        try (URLClassLoader ignored = loader(jar)) {
            TemplateRepository repo = new TemplateRepository(null, null);
            assertEquals(TemplateSource.Origin.BUILT_IN, repo.find(MD).origin());
        }
    }
}
