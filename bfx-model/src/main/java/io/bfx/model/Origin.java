package io.bfx.model;

import java.util.Map;

/**
 * Where a metadata element was declared, and where each of its fields was written, so that a finding about one
 * field can point at that field's line rather than at the start of the element.
 */
public record Origin(SourceLocation location, Map<String, SourceLocation> fields) {

    public Origin {
        fields = Map.copyOf(fields);
    }

    public static Origin at(SourceLocation location) {
        return new Origin(location, Map.of());
    }

    /** The location of the field's value when it was written, else the element's own location. */
    public SourceLocation of(String field) {
        return fields.getOrDefault(field, location);
    }

    /** Placeholder for elements built in code (tests, built-in defaults). */
    public static final Origin BUILT_IN = at(SourceLocation.ofFile("<built-in>"));
}
