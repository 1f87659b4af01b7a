package io.bfx.generate.databricks.silver;

import io.bfx.generate.databricks.BronzeSqlView.ColumnDefinition;
import io.bfx.templates.Seq;
import io.bfx.templates.Sql;
import java.util.List;

/** The views of the Silver SQL templates; every value is typed SQL built by {@link VaultSqlBuilder}. */
public final class VaultViews {

    private VaultViews() {}

    /** What every Silver table has: where it lives, its clauses, the persistent staging table it reads. */
    public record Target(Sql.Fragment schema, Sql.Fragment table, Sql.Fragment clauses, Sql.Fragment psaTable,
            Sql.Literal zeroKey) {}

    public record HubView(Target target, Sql.Identifier hashKey, Sql.Identifier businessKey, Sql.Fragment hashKeyExpr,
            Sql.Fragment businessKeyExpr) {}

    public record LinkEndView(Sql.Identifier column, Sql.Fragment expr, Sql.Identifier alias) {}

    public record LinkView(Target target, Sql.Identifier linkKey, List<Seq.Item<LinkEndView>> ends,
            Sql.Fragment linkKeyExpr) {}

    public record SatelliteView(Target target, Sql.Identifier parentKey, List<Seq.Item<ColumnDefinition>> attributes,
            Sql.Fragment attributeList, Sql.Fragment attributeSelect, Sql.Fragment attributeSource,
            Sql.Fragment parentKeyExpr, Sql.Fragment hashDiffExpr, boolean endDate) {
        public boolean hasAttributes() {
            return !attributes.isEmpty();
        }
    }

    public record NormalFormView(Target target, List<Seq.Item<ColumnDefinition>> columns, Sql.Fragment keyColumns,
            Sql.Fragment keyJoin) {}
}
