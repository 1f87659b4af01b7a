package io.bfx.model;

/**
 * A column of an object.
 *
 * @param dataType BimlFlex notation, for example {@code AnsiString(50)} or {@code Decimal(19,4)}; see DataTypes
 * @param ordinal position used for hashing and column order; defaults to the position in the list (1-based)
 * @param notHashed excluded from the row hash (delta detection)
 * @param referenceColumn the column this one refers to, as {@code schema.object.column}
 * @param targetColumn the column it maps to downstream, when the name changes
 */
public record Column(
        String name,
        String dataType,
        boolean nullable,
        int ordinal,
        boolean isPrimaryKey,
        boolean isIntegrationKey,
        ChangeType changeType,
        boolean notHashed,
        String referenceColumn,
        String targetColumn,
        String description,
        Origin origin) {}
