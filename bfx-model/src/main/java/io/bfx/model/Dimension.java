package io.bfx.model;

import java.util.List;

/**
 * A Gold dimension, loaded from a source object of a project: its business key is the object's business key, its
 * columns are type 1 or type 2.
 *
 * @param source the object, as {@code schema.object} of the project's source connection
 */
public record Dimension(String name, String project, String source, List<DimensionColumn> columns,
        List<String> clusterBy, String description, Origin origin) {

    public Dimension {
        columns = List.copyOf(columns);
        clusterBy = List.copyOf(clusterBy);
    }
}
