package io.bfx.generate.databricks.gold;

import io.bfx.generate.databricks.BronzeSqlView.ColumnDefinition;
import io.bfx.templates.Seq;
import io.bfx.templates.Sql;
import java.util.List;

/** The views of the Gold SQL templates; every value is typed SQL built by {@link GoldSqlBuilder}. */
public final class GoldViews {

    private GoldViews() {}

    public record DimensionView(Sql.Fragment schema, Sql.Fragment table, Sql.Fragment clauses, Sql.Fragment psaTable,
            Sql.Identifier key, List<Seq.Item<ColumnDefinition>> columns, Sql.Fragment businessKey,
            Sql.Fragment businessKeyOf, Sql.Fragment allColumns, Sql.Fragment allColumnsOf, Sql.Fragment sourceColumns,
            Sql.Fragment type1Hash, Sql.Fragment type2Hash, Sql.Fragment joinChangesToCurrent,
            Sql.Fragment joinTargetToSource, Sql.Fragment type1Set, boolean hasType1, Sql.Fragment firstValidFrom) {}

    public record LookupView(Sql.Fragment table, Sql.Identifier alias, Sql.Identifier column, Sql.Fragment join) {}

    public record FactView(Sql.Fragment schema, Sql.Fragment table, Sql.Fragment clauses, Sql.Fragment psaTable,
            List<Seq.Item<ColumnDefinition>> columns, List<LookupView> lookups, Sql.Fragment sourceColumns,
            Sql.Fragment keyColumns, Sql.Fragment keyJoin) {}
}
