package io.bfx.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputWriterTest {

    private static final FileTime OLD = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));

    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("out");
    }

    private Path outside() throws IOException {
        return Files.createDirectories(tmp.resolve("outside"));
    }

    private static GeneratedFile file(String path, String text) {
        return GeneratedFile.text(path, text);
    }

    /** Every file and folder under {@code dir}, relative, sorted. */
    private static List<String> tree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().collect(Collectors.toList());
        }
    }

    private List<String> manifestEntries() throws IOException {
        return Files.readAllLines(out().resolve(OutputWriter.MANIFEST), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#")).collect(Collectors.toList());
    }

    private void run(String... pathsAndTexts) {
        OutputWriter w = new OutputWriter(out());
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            w.write(file(pathsAndTexts[i], pathsAndTexts[i + 1]));
        }
        w.finish();
    }

    // ------------------------------------------------------------------ unsafe paths

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "/", "//server/share/x", "..", ".", "../x", "../../etc/passwd",
            "a/../../x", "a/../b", "./a", "a/./b", "a/..", "a//b", "a/", "a\\b", "..\\x", "\\x", "C:/x", "C:\\x",
            "c:x", "a\0b", "a\nb", "a\rb", "a/\tb", "a\u001Bb", "a\u007Fb", "x?.txt", "x*.txt", "a<b", "a>b", "a|b",
            "a\"b", "a:b"})
    void unsafePathsAreRefused(String path) throws IOException {
        Files.createDirectories(out());
        OutputWriter w = new OutputWriter(out());
        assertThrows(GenerationException.class, () -> w.write(file(path, "x")));
        assertEquals(List.of(), tree(out()));
        assertEquals(List.of(), tree(tmp.resolve("out")));
        assertEquals(List.of("out"), tree(tmp));
        assertTrue(w.written().isEmpty());
        assertEquals(0, w.changedCount());
    }

    @Test
    void absolutePathsAreRefusedWhateverTheirForm() throws IOException {
        OutputWriter w = new OutputWriter(out());
        Path victim = outside().resolve("victim.txt");
        assertThrows(GenerationException.class, () -> w.write(file(victim.toString(), "x")));
        assertThrows(GenerationException.class, () -> w.write(file(victim.toUri().toString(), "x")));
        assertFalse(Files.exists(victim));
    }

    @Test
    void safePathsAreWritten() throws IOException {
        run("a/b/c.json", "1", "x y.md", "2", "\u00e9t\u00e9.txt", "3", ".hidden", "4", "a/..b", "5", "a/b..", "6");
        assertEquals(List.of(".bfx-manifest", ".hidden", "a", "a/..b", "a/b", "a/b..", "a/b/c.json", "x y.md",
                "\u00e9t\u00e9.txt"), tree(out()));
        assertEquals("1\n", Files.readString(out().resolve("a/b/c.json")));
    }

    @Test
    void theManifestItselfCannotBeAGeneratedFile() throws IOException {
        OutputWriter w = new OutputWriter(out());
        assertThrows(GenerationException.class, () -> w.write(file(OutputWriter.MANIFEST, "a.txt\n")));
        assertFalse(Files.exists(out().resolve(OutputWriter.MANIFEST)));
    }

    // ------------------------------------------------------------------ symbolic links

    @Test
    void symbolicLinkToAFolderOutsideIsRefused() throws IOException {
        Path outside = outside();
        Files.createDirectories(out());
        Files.createSymbolicLink(out().resolve("link"), outside);
        OutputWriter w = new OutputWriter(out());
        GenerationException e = assertThrows(GenerationException.class, () -> w.write(file("link/x.txt", "x")));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        assertEquals(List.of(), tree(outside));
    }

    @Test
    void symbolicLinkToAFolderOutsideIsRefusedBeforeAnyFolderIsCreatedThere() throws IOException {
        Path outside = outside();
        Files.createDirectories(out());
        Files.createSymbolicLink(out().resolve("link"), outside);
        OutputWriter w = new OutputWriter(out());
        assertThrows(GenerationException.class, () -> w.write(file("link/sub/deeper/x.txt", "x")));
        assertEquals(List.of(), tree(outside), "nothing may be created outside the output folder");
    }

    @Test
    void symbolicLinkDeeperInsideIsRefused() throws IOException {
        Path outside = outside();
        Files.createDirectories(out().resolve("a/b"));
        Files.createSymbolicLink(out().resolve("a/b/link"), outside);
        OutputWriter w = new OutputWriter(out());
        assertThrows(GenerationException.class, () -> w.write(file("a/b/link/x.txt", "x")));
        assertEquals(List.of(), tree(outside));
    }

    @Test
    void symbolicLinkAsTheFileIsRefused() throws IOException {
        Path victim = Files.writeString(outside().resolve("victim.txt"), "precious");
        Files.createDirectories(out());
        Files.createSymbolicLink(out().resolve("f.txt"), victim);
        OutputWriter w = new OutputWriter(out());
        assertThrows(GenerationException.class, () -> w.write(file("f.txt", "overwritten")));
        assertEquals("precious", Files.readString(victim));
        // A dangling link too: writing through it would create the file outside.
        Path dangling = outside().resolve("created.txt");
        Files.createSymbolicLink(out().resolve("g.txt"), dangling);
        assertThrows(GenerationException.class, () -> w.write(file("g.txt", "x")));
        assertFalse(Files.exists(dangling, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void symbolicLinkInsideThatStaysInsideIsAccepted() throws IOException {
        Files.createDirectories(out().resolve("real"));
        Files.createSymbolicLink(out().resolve("alias"), out().resolve("real"));
        run("alias/x.txt", "x");
        assertEquals("x\n", Files.readString(out().resolve("real/x.txt")));
    }

    @Test
    void outputFolderReachedThroughASymbolicLinkWorks() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("real-out"));
        Path link = Files.createSymbolicLink(tmp.resolve("linked-out"), real);
        OutputWriter w = new OutputWriter(link);
        w.write(file("a/b.txt", "x"));
        w.finish();
        assertEquals("x\n", Files.readString(real.resolve("a/b.txt")));
    }

    // ------------------------------------------------------------------ unchanged files, manifest

    @Test
    void unchangedContentIsNotRewritten() throws IOException {
        run("a/same.txt", "same", "b.txt", "before");
        Files.setLastModifiedTime(out().resolve("a/same.txt"), OLD);
        Files.setLastModifiedTime(out().resolve("b.txt"), OLD);
        Files.setLastModifiedTime(out().resolve(OutputWriter.MANIFEST), OLD);

        OutputWriter w = new OutputWriter(out());
        w.write(file("a/same.txt", "same"));
        w.write(file("b.txt", "after"));
        assertEquals(List.of(), w.finish());

        assertEquals(OLD, Files.getLastModifiedTime(out().resolve("a/same.txt")));
        assertEquals(OLD, Files.getLastModifiedTime(out().resolve(OutputWriter.MANIFEST)), "same manifest");
        assertTrue(Files.getLastModifiedTime(out().resolve("b.txt")).compareTo(OLD) > 0);
        assertEquals("after\n", Files.readString(out().resolve("b.txt")));
        assertEquals(1, w.changedCount());
        assertEquals(List.of("a/same.txt", "b.txt"), w.written());
    }

    @Test
    void manifestListsFilesSorted() throws IOException {
        OutputWriter w = new OutputWriter(out());
        for (String p : List.of("z.txt", "b/y.txt", "a.txt", "B.txt", "b/a/x.txt", "a/z.txt")) {
            w.write(file(p, p));
        }
        w.finish();
        List<String> sorted = List.of("B.txt", "a.txt", "a/z.txt", "b/a/x.txt", "b/y.txt", "z.txt");
        assertEquals(sorted, manifestEntries());
        assertEquals(sorted, w.written());
        assertEquals(6, w.changedCount());
        assertTrue(Files.readString(out().resolve(OutputWriter.MANIFEST)).startsWith("# "));
    }

    @Test
    void duplicatePathsInOneRunAreRefused() throws IOException {
        OutputWriter w = new OutputWriter(out());
        w.write(file("a/x.txt", "first"));
        GenerationException e = assertThrows(GenerationException.class, () -> w.write(file("a/x.txt", "second")));
        assertTrue(e.getMessage().contains("a/x.txt"), e.getMessage());
        assertEquals("first\n", Files.readString(out().resolve("a/x.txt")));
        // The same path with the same content is a duplicate too.
        assertThrows(GenerationException.class, () -> w.write(file("a/x.txt", "first")));
    }

    // ------------------------------------------------------------------ deletion

    @Test
    void fileNoLongerGeneratedIsDeletedWithItsEmptiedFolders() throws IOException {
        run("keep.txt", "k", "gone/deep/er/x.txt", "x", "half/x.txt", "x", "half/y.txt", "y");
        OutputWriter w = new OutputWriter(out());
        w.write(file("keep.txt", "k"));
        w.write(file("half/y.txt", "y"));
        assertEquals(List.of("gone/deep/er/x.txt", "half/x.txt"), w.finish());
        assertEquals(List.of(".bfx-manifest", "half", "half/y.txt", "keep.txt"), tree(out()));
        assertEquals(List.of("half/y.txt", "keep.txt"), manifestEntries());
    }

    @Test
    void filesOfTheUserAreNeverDeleted() throws IOException {
        Files.createDirectories(out().resolve("gen"));
        Files.writeString(out().resolve("mine.txt"), "mine");
        Files.writeString(out().resolve("gen/mine.txt"), "mine");
        run("gen/x.txt", "x");
        run();
        assertEquals(List.of(".bfx-manifest", "gen", "gen/mine.txt", "mine.txt"), tree(out()));
        assertEquals(List.of(), manifestEntries());
    }

    @Test
    void folderWithAUserFileIsKeptWhenItsGeneratedFilesGo() throws IOException {
        run("gen/sub/x.txt", "x");
        Files.writeString(out().resolve("gen/mine.txt"), "mine");
        run();
        assertEquals(List.of(".bfx-manifest", "gen", "gen/mine.txt"), tree(out()));
    }

    @Test
    void tamperedManifestNeverDeletesOutsideTheOutputFolder() throws IOException {
        Path outside = outside();
        Path victim = Files.writeString(outside.resolve("victim.txt"), "precious");
        Files.createDirectories(out().resolve("a"));
        Files.writeString(out().resolve("mine.txt"), "mine");
        Files.writeString(out().resolve(OutputWriter.MANIFEST), String.join("\n", "# tampered",
                "../outside/victim.txt", "a/../../outside/victim.txt", victim.toString(), "..", "/", "",
                "a\\..\\..\\outside\\victim.txt", OutputWriter.MANIFEST, "a", "") + "\n");
        OutputWriter w = new OutputWriter(out());
        assertEquals(List.of(), w.finish());
        assertEquals("precious", Files.readString(victim));
        assertEquals("mine", Files.readString(out().resolve("mine.txt")));
        assertTrue(Files.isDirectory(out().resolve("a")));
        assertEquals(List.of(), manifestEntries());
    }

    @Test
    void tamperedManifestNeverDeletesThroughASymbolicLink() throws IOException {
        Path outside = outside();
        Path victim = Files.writeString(outside.resolve("victim.txt"), "precious");
        Files.createDirectories(out());
        Files.createSymbolicLink(out().resolve("link"), outside);
        Files.writeString(out().resolve(OutputWriter.MANIFEST), "link/victim.txt\n");
        assertEquals(List.of(), new OutputWriter(out()).finish());
        assertEquals("precious", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(out().resolve("link")));
    }

    @Test
    void symbolicLinkListedInTheManifestIsNotFollowed() throws IOException {
        Path victim = Files.writeString(outside().resolve("victim.txt"), "precious");
        Files.createDirectories(out());
        Files.createSymbolicLink(out().resolve("f.txt"), victim);
        Files.writeString(out().resolve(OutputWriter.MANIFEST), "f.txt\n");
        new OutputWriter(out()).finish();
        assertEquals("precious", Files.readString(victim));
    }

    @Test
    void manifestEntriesAreTakenExactly() throws IOException {
        // A generated name with a space at its end must not make the writer delete the user's file without it.
        Files.createDirectories(out());
        Files.writeString(out().resolve("notes.txt"), "mine");
        run("notes.txt ", "generated");
        assertEquals(List.of("notes.txt "), manifestEntries());
        assertEquals(List.of("notes.txt "), new OutputWriter(out()).finish());
        assertEquals("mine", Files.readString(out().resolve("notes.txt")));
        assertFalse(Files.exists(out().resolve("notes.txt ")));
    }

    @Test
    void contentIsWrittenByteForByte() throws IOException {
        byte[] bytes = {0, 1, (byte) 0xFF, '\r', '\n'};
        OutputWriter w = new OutputWriter(out());
        w.write(new GeneratedFile("bin/x.dat", bytes));
        w.finish();
        assertArrayEquals(bytes, Files.readAllBytes(out().resolve("bin/x.dat")));
    }

    @Test
    void textFilesEndWithOneLfAndNoCr() {
        assertEquals("a\nb\n", GeneratedFile.text("x", "a\r\nb").text());
        assertEquals("a\n", GeneratedFile.text("x", "a\n").text());
        assertArrayEquals("\u00e9\n".getBytes(StandardCharsets.UTF_8), GeneratedFile.text("x", "\u00e9").content());
        assertThrows(NullPointerException.class, () -> new GeneratedFile(null, new byte[0]));
        assertThrows(NullPointerException.class, () -> new GeneratedFile("x", null));
    }
}
