package io.bfx.model.validate;

import io.bfx.model.Metadata;
import io.bfx.model.diag.Finding;
import io.bfx.model.diag.Severity;
import java.nio.file.Path;
import java.util.List;

/**
 * The typed outcome of reading and validating a data project: the model, the files read and every finding, each
 * with its code. Callers decide what failing means (errors always, warnings with failOnWarning).
 */
public record ValidationResult(Metadata metadata, List<Path> files, List<Finding> findings) {

    public ValidationResult {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
    }

    public long errorCount() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warningCount() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }

    /** Whether the build must fail: any error, or any warning when warnings are treated as errors. */
    public boolean failed(boolean failOnWarning) {
        return hasErrors() || (failOnWarning && warningCount() > 0);
    }
}
