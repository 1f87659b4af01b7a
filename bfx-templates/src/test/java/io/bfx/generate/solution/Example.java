package io.bfx.generate.solution;

import io.bfx.generate.GenerationRequest;
import io.bfx.generate.GenerationResult;
import io.bfx.generate.Generator;
import io.bfx.model.Metadata;
import io.bfx.model.diag.Finding;
import io.bfx.model.load.MetadataReader;
import io.bfx.model.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** The AdventureWorksLT example copied with an edit to its metadata, validated and generated. */
final class Example {

    static final Path EXAMPLE = Path.of("..", "examples", "awlt-databricks");

    private Example() {}

    /** A copy of the example's metadata under {@code dir}, every file passed through {@code edit}. */
    static Path copy(Path dir, UnaryOperator<String> edit) {
        Path to = dir.resolve("src/main/bfx");
        try (Stream<Path> files = Files.list(EXAMPLE.resolve("src/main/bfx"))) {
            Files.createDirectories(to);
            for (Path f : files.sorted().toList()) {
                Files.writeString(to.resolve(f.getFileName()), edit.apply(Files.readString(f, StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static Metadata read(Path project) {
        MetadataReader.Result r = new MetadataReader().read(project, project.resolve("src/main/bfx"), List.of(), List.of());
        List<Finding> errors = new java.util.ArrayList<>(r.findings());
        errors.addAll(new Validator().validate(r.metadata()));
        errors.removeIf(f -> !f.isError());
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The edited example does not validate: " + errors.get(0).format());
        }
        return r.metadata();
    }

    static GenerationResult generate(Path project, Path out) {
        return Generator.standard().generate(GenerationRequest.of(read(project), out));
    }
}
