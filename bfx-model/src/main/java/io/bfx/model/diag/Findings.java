package io.bfx.model.diag;

import io.bfx.model.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the findings of one run. Not thread-safe: each load or validation run owns its own collector, which is
 * what keeps concurrent Maven builds (threadSafe mojos) independent.
 */
public final class Findings {

    private final List<Finding> list = new ArrayList<>();

    public void add(Finding finding) {
        list.add(finding);
    }

    public void error(Code code, SourceLocation at, String message, String hint) {
        add(new Finding(Severity.ERROR, code, at, message, hint));
    }

    public void warning(Code code, SourceLocation at, String message, String hint) {
        add(new Finding(Severity.WARNING, code, at, message, hint));
    }

    /** Reports with the code's default severity. */
    public void report(Code code, SourceLocation at, String message, String hint) {
        add(new Finding(code.defaultSeverity(), code, at, message, hint));
    }

    public void addAll(Iterable<Finding> findings) {
        findings.forEach(list::add);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(Finding::isError);
    }

    public List<Finding> sorted() {
        return list.stream().distinct().sorted(Finding.IN_SOURCE_ORDER).toList();
    }
}
