package io.bfx.model;

/**
 * A column of a dimension: a column of its source object and how it changes (CHG: type 1, overwritten; HST: type
 * 2, a change opens a new version).
 *
 * @param name the dimension's column name; defaults to the source column's Bronze name
 */
public record DimensionColumn(String column, String name, ChangeType changeType, Origin origin) {}
