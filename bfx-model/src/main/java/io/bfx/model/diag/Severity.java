package io.bfx.model.diag;

/** How bad a finding is. Errors fail every goal; warnings fail it only with {@code failOnWarning}. */
public enum Severity {
    ERROR,
    WARNING
}
