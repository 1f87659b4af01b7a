package io.bfx.generate;

import io.bfx.model.Metadata;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to generate: a validated model, where to write the solution, and where template overrides come from.
 *
 * @param templateDirectory the user's template overrides, or null
 * @param classLoader the loader to search for template override jars ({@code bfx-templates/}), or null
 * @param parallelism how many threads render per-object files; 1 renders sequentially
 */
public record GenerationRequest(Metadata metadata, Path outputDirectory, Path templateDirectory,
        ClassLoader classLoader, int parallelism) {

    public GenerationRequest {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }

    public static GenerationRequest of(Metadata metadata, Path outputDirectory) {
        return new GenerationRequest(metadata, outputDirectory, null, null,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }
}
