package io.bfx.model.validate;

import io.bfx.model.diag.Finding;
import io.bfx.model.load.MetadataReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates a data project in one call: the entry point every goal uses. Validation rules run even when
 * some files had errors, so that one build reports every problem it can.
 */
public final class MetadataValidation {

    private final MetadataReader reader;
    private final Validator validator;

    public MetadataValidation() {
        this(new MetadataReader(), new Validator());
    }

    public MetadataValidation(MetadataReader reader, Validator validator) {
        this.reader = reader;
        this.validator = validator;
    }

    public ValidationResult run(ValidationRequest request) {
        MetadataReader.Result read = reader.read(request.baseDirectory(), request.metadataDirectory(),
                request.includes(), request.excludes());
        List<Finding> findings = new ArrayList<>(read.findings());
        if (!read.files().isEmpty()) {
            findings.addAll(validator.validate(read.metadata()));
        }
        findings.sort(Finding.IN_SOURCE_ORDER);
        return new ValidationResult(read.metadata(), read.files(), findings.stream().distinct().toList());
    }
}
