package io.bfx.model;

import java.util.List;

/**
 * A Gold fact, loaded from a source object of a project: one row per source row, with the surrogate keys of the
 * dimension versions valid at {@code dateColumn} and the measures.
 */
public record Fact(String name, String project, String source, String dateColumn, List<FactDimension> dimensions,
        List<String> measures, List<String> partitionedBy, String description, Origin origin) {

    public Fact {
        dimensions = List.copyOf(dimensions);
        measures = List.copyOf(measures);
        partitionedBy = List.copyOf(partitionedBy);
    }
}
