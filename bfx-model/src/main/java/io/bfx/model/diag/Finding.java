package io.bfx.model.diag;

import io.bfx.model.SourceLocation;
import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in the metadata: what (code and message), where (file, line, column) and what to do about it
 * (hint, may be empty).
 */
public record Finding(Severity severity, Code code, SourceLocation location, String message, String hint) {

    /** Findings are reported in file order, so that a user can walk through a file from top to bottom. */
    public static final Comparator<Finding> IN_SOURCE_ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::code)
            .thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The compiler-style line: {@code src/main/bfx/awlt.yml:42:7 BFX012 message}. */
    public String format() {
        return location + " " + code + " " + message;
    }
}
