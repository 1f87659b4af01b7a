package io.bfx.model.validate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to validate: where the data project is (finding paths are shown relative to it), where its metadata files
 * are, and which of them to read.
 */
public record ValidationRequest(Path baseDirectory, Path metadataDirectory, List<String> includes,
        List<String> excludes) {

    public ValidationRequest {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(metadataDirectory, "metadataDirectory");
        includes = includes == null ? List.of() : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
    }
}
