package io.bfx.generate;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One file of the solution: its path relative to the output folder (forward slashes) and its bytes. */
public record GeneratedFile(String path, byte[] content) {

    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }

    public static GeneratedFile text(String path, String text) {
        String normalised = text.replace("\r\n", "\n");
        if (!normalised.endsWith("\n")) {
            normalised += "\n";
        }
        return new GeneratedFile(path, normalised.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
