package io.bfx.generate.databricks;

import io.bfx.templates.Seq;
import io.bfx.templates.Sql;
import java.util.List;

/**
 * What the Bronze SQL templates need for one object. Every value is typed SQL built by {@link BronzeSqlBuilder}
 * from identifiers and literals, so the templates hold the statement skeletons and nothing can inject SQL.
 */
public record BronzeSqlView(
        Sql.Literal objectName,
        Sql.Literal recordSource,
        Sql.Fragment stagingSchema,
        Sql.Fragment stagingTable,
        Sql.Fragment psaSchema,
        Sql.Fragment psaTable,
        List<Seq.Item<ColumnDefinition>> stagingColumns,
        Sql.Fragment stagingClauses,
        Sql.Fragment psaClauses,
        Sql.Identifier landedView,
        Sql.Fragment landedViewStatement,
        Sql.Fragment insertColumns,
        Sql.Fragment castColumns,
        Sql.Fragment sourceColumns,
        Sql.Fragment rowHash,
        Sql.Fragment keyColumns,
        Sql.Fragment keyJoinStagingToPsa,
        Sql.Fragment keyJoinPsaToSource,
        Sql.Fragment optimize) {

    /** A column of a generated table. */
    public record ColumnDefinition(Sql.Identifier name, Sql.Fragment type, boolean notNull, Sql.Literal comment) {}
}
