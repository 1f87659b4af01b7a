package io.bfx.generate.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bfx.generate.GenerationRequest;
import io.bfx.generate.GenerationResult;
import io.bfx.generate.Generator;
import io.bfx.model.Metadata;
import io.bfx.model.diag.Finding;
import io.bfx.model.load.MetadataReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The AdventureWorksLT example, as written (pushdown) or edited, and the ADF generated from it. */
final class Awlt {

    static final Path EXAMPLE = Path.of("..", "examples", "awlt-databricks");
    static final String PUSHDOWN_LINE = "pushdownProcessing: true";

    private Awlt() {}

    /** The example as written: pushdown processing. */
    static Metadata pushdown() {
        return read(EXAMPLE);
    }

    /**
     * A copy of the example under {@code work} whose metadata files went through {@code edit} (file name and text
     * to new text), read back.
     */
    static Metadata edited(Path work, Edit edit) {
        Path copy = work.resolve("awlt-edited");
        Path from = EXAMPLE.resolve("src/main/bfx");
        Path to = copy.resolve("src/main/bfx");
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : files.sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Files.writeString(to.resolve(f.getFileName()), edit.apply(f.getFileName().toString(), text),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(copy);
    }

    /** The example with {@code pushdownProcessing: false}: notebook activities instead of one job. */
    static Metadata traditional(Path work) {
        return edited(work, (file, text) -> replaceOnce(text, PUSHDOWN_LINE, "pushdownProcessing: false", file,
                "environment.yml"));
    }

    /** Replaces {@code from} in file {@code only} (and checks it was there); other files stay as they are. */
    static String replaceOnce(String text, String from, String to, String file, String only) {
        if (!file.equals(only)) {
            return text;
        }
        if (!text.contains(from)) {
            throw new IllegalStateException(only + " no longer contains '" + from + "'; update the test");
        }
        return text.replace(from, to);
    }

    @FunctionalInterface
    interface Edit {
        String apply(String fileName, String text);
    }

    static Metadata read(Path project) {
        MetadataReader.Result r = new MetadataReader().read(project, project.resolve("src/main/bfx"), List.of(),
                List.of());
        assertEquals(List.of(), r.findings().stream().map(Finding::format).toList(), "example reads cleanly");
        return r.metadata();
    }

    static GenerationResult generate(Metadata metadata, Path out) {
        return new Generator(List.of(new AdfProducer())).generate(GenerationRequest.of(metadata, out));
    }

    static String read(Path out, String relative) {
        try {
            return Files.readString(out.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
