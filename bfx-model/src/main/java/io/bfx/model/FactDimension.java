package io.bfx.model;

import java.util.List;

/** A dimension a fact refers to, and the fact's source columns that match the dimension's business key, in order. */
public record FactDimension(String dimension, List<String> columns, String role, Origin origin) {

    public FactDimension {
        columns = List.copyOf(columns);
    }
}
