package io.bfx.model;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An object (BimlFlex vocabulary): a table or view of a source connection, with its columns and the options that
 * shape its Delta tables.
 */
public record DataObject(
        String connection,
        String schema,
        String name,
        ObjectType objectType,
        List<Column> columns,
        List<Relationship> relationships,
        List<LoadParameter> parameters,
        List<String> partitionedBy,
        List<String> clusterBy,
        List<String> zOrderBy,
        Map<String, String> tableProperties,
        boolean exclude,
        String description,
        List<SettingValue> settings,
        Origin origin) {

    public DataObject {
        columns = List.copyOf(columns);
        relationships = List.copyOf(relationships);
        parameters = List.copyOf(parameters);
        partitionedBy = List.copyOf(partitionedBy);
        clusterBy = List.copyOf(clusterBy);
        zOrderBy = List.copyOf(zOrderBy);
        tableProperties = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tableProperties));
        settings = List.copyOf(settings);
    }

    /** {@code schema.name}, or the name alone when the object has no schema. */
    public String qualifiedName() {
        return schema == null || schema.isEmpty() ? name : schema + "." + name;
    }

    /** Columns in ordinal order (ties keep list order): the order used for DDL and hashing. */
    public List<Column> columnsByOrdinal() {
        return columns.stream().sorted(Comparator.comparingInt(Column::ordinal)).toList();
    }

    public List<Column> primaryKey() {
        return columnsByOrdinal().stream().filter(Column::isPrimaryKey).toList();
    }

    public List<Column> integrationKey() {
        return columnsByOrdinal().stream().filter(Column::isIntegrationKey).toList();
    }

    /** The columns that identify a row: the integration key when there is one, else the primary key. */
    public List<Column> businessKey() {
        List<Column> ik = integrationKey();
        return ik.isEmpty() ? primaryKey() : ik;
    }

    public java.util.Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }
}
