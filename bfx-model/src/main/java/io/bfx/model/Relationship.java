package io.bfx.model;

import java.util.List;

/** A foreign key: these columns of an object refer to those columns of another object of the same connection. */
public record Relationship(
        String name,
        List<String> columns,
        String references,
        List<String> referencedColumns,
        Origin origin) {

    public Relationship {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
