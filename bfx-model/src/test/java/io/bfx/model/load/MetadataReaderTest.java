package io.bfx.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bfx.model.Batch;
import io.bfx.model.Connection;
import io.bfx.model.diag.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataReaderTest {

    @TempDir
    Path project;

    private Path bfx() throws IOException {
        return Files.createDirectories(project.resolve("src/main/bfx"));
    }

    private MetadataReader.Result read(List<String> includes, List<String> excludes) throws IOException {
        return new MetadataReader().read(project, bfx(), includes, excludes);
    }

    private static List<String> formatted(MetadataReader.Result r) {
        return r.findings().stream().map(Finding::format).toList();
    }

    private static MetadataReader.Result readText(String name, String text) {
        return new MetadataReader().readText(name, text);
    }

    @Test
    void aMissingMetadataDirectoryIsBfx022() {
        MetadataReader.Result r = new MetadataReader().read(project, project.resolve("src/main/bfx"), List.of(),
                List.of());
        assertEquals(List.of("src/main/bfx BFX022 The metadata directory does not exist."), formatted(r));
        assertEquals(List.of(), r.files());
    }

    @Test
    void anEmptyMetadataDirectoryIsBfx022() throws IOException {
        assertEquals(List.of("src/main/bfx BFX022 No metadata files (.yml, .yaml, .json) were found."),
                formatted(read(List.of(), List.of())));
    }

    @Test
    void filesThatAreAllExcludedAreBfx022() throws IOException {
        Files.writeString(bfx().resolve("a.yml"), "batches:\n  - name: A\n");
        assertEquals(List.of("src/main/bfx BFX022 No metadata files (.yml, .yaml, .json) were found."),
                formatted(read(List.of(), List.of("*.yml"))));
    }

    @Test
    void allDefaultExtensionsAreReadInSubfoldersAndInPathOrder() throws IOException {
        Path dir = bfx();
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("b.yaml"), "batches:\n  - name: B\n");
        Files.writeString(dir.resolve("a.yml"), "batches:\n  - name: A\n");
        Files.writeString(dir.resolve("sub/c.json"), "{\"batches\": [{\"name\": \"C\"}]}");
        Files.writeString(dir.resolve("notes.txt"), "not metadata");
        MetadataReader.Result r = read(List.of(), List.of());
        assertEquals(List.of(), formatted(r));
        assertEquals(List.of("a.yml", "b.yaml", "sub/c.json"),
                r.files().stream().map(f -> dir.relativize(f).toString().replace('\\', '/')).toList());
        assertEquals(List.of("A", "B", "C"), r.metadata().batches().stream().map(Batch::name).toList());
    }

    @Test
    void includesAndExcludesSelectFiles() throws IOException {
        Path dir = bfx();
        Files.createDirectories(dir.resolve("generated"));
        Files.writeString(dir.resolve("a.yml"), "batches:\n  - name: A\n");
        Files.writeString(dir.resolve("generated/b.yml"), "batches:\n  - name: B\n");
        Files.writeString(dir.resolve("c.json"), "{\"batches\": [{\"name\": \"C\"}]}");
        assertEquals(List.of("A", "C"), read(List.of(), List.of("generated/**")).metadata().batches().stream()
                .map(Batch::name).toList());
        assertEquals(List.of("C"), read(List.of("*.json"), List.of()).metadata().batches().stream()
                .map(Batch::name).toList());
    }

    @Test
    void aFileThatIsNotUtf8IsBfx023AndTheOtherFilesAreStillRead() throws IOException {
        Path dir = bfx();
        Files.write(dir.resolve("latin1.yml"),
                "batches:\n  - name: B\n    description: Données\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("ok.yml"), "batches:\n  - name: A\n    description: Données\n");
        MetadataReader.Result r = read(List.of(), List.of());
        assertEquals(List.of("src/main/bfx/latin1.yml BFX023 The file is not valid UTF-8."), formatted(r));
        assertEquals(List.of("A"), r.metadata().batches().stream().map(Batch::name).toList());
        assertEquals("Données", r.metadata().batches().get(0).description());
    }

    @Test
    void aByteOrderMarkIsSkippedAndColumnsStayRight() throws IOException {
        Files.writeString(bfx().resolve("bom.yml"), "\uFEFFbatches:\n  - name: A\n    threads: many\n");
        assertEquals(List.of("src/main/bfx/bom.yml:3:14 BFX005 'threads' in batch 'A' must be a whole number, not a "
                + "string."), formatted(read(List.of(), List.of())));
    }

    @Test
    void crlfLineEndingsGiveTheSameLocations() {
        String text = "batches:\r\n  - name: A\r\n    threads: many\r\n";
        assertEquals(List.of("m.yml:3:14 BFX005 'threads' in batch 'A' must be a whole number, not a string."),
                formatted(readText("m.yml", text)));
    }

    @Test
    void bothDocumentsOfAMultiDocumentFileAreMerged() {
        MetadataReader.Result r = readText("m.yml", """
                connections:
                  - name: BFX_STG
                    systemType: Databricks
                    integrationStage: StagingArea
                ---
                batches:
                  - name: EXT_AWLT
                ---
                """);
        assertEquals(List.of(), formatted(r));
        assertEquals(List.of("BFX_STG"), r.metadata().connections().stream().map(Connection::name).toList());
        assertEquals(List.of("EXT_AWLT"), r.metadata().batches().stream().map(Batch::name).toList());
    }

    @Test
    void aNumberTooLargeForItsFieldIsOutOfRangeNotAWrongType() {
        assertEquals(List.of("m.yml:3:14 BFX007 'threads' in batch 'A' is 99999999999, outside 1..256."),
                formatted(readText("m.yml", "batches:\n  - name: A\n    threads: 99999999999\n")));
        assertEquals(List.of("m.json:1:39 BFX007 'threads' in batch 'A' is 10000000000000000000, outside 1..256."),
                formatted(readText("m.json", "{\"batches\": [{\"name\": \"A\", \"threads\": 10000000000000000000}]}")));
        assertEquals(List.of("m.yml:3:14 BFX007 'threads' in batch 'A' is 0, outside 1..256."),
                formatted(readText("m.yml", "batches:\n  - name: A\n    threads: 0\n")));
    }

    @Test
    void aWholeNumberInAnotherNotationSaysItNeedsDecimalDigits() {
        assertEquals(List.of("m.yml:3:14 BFX005 'threads' in batch 'A' must be a whole number in decimal digits, not "
                + "a whole number."), formatted(readText("m.yml", "batches:\n  - name: A\n    threads: 0x10\n")));
    }

    @Test
    void numbersWithUnderscoresAndSignsAreRead() {
        MetadataReader.Result r = readText("m.yml", "batches:\n  - name: A\n    threads: 1_6\n    priority: -5\n");
        assertEquals(List.of(), formatted(r));
        assertEquals(16, r.metadata().batches().get(0).threads());
        assertEquals(-5, r.metadata().batches().get(0).priority());
    }

    @Test
    void aTopLevelListIsAWrongType() {
        assertEquals(List.of("m.yml:1:1 BFX005 A metadata file must be a mapping with sections such as "
                + "'connections:' or 'objects:', not a list."), formatted(readText("m.yml", "- name: A\n")));
    }
}
