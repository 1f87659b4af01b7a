package io.bfx.generate.databricks.gold;

import io.bfx.generate.databricks.BronzeObject;
import io.bfx.generate.databricks.BronzeSqlView.ColumnDefinition;
import io.bfx.generate.databricks.CatalogTable;
import io.bfx.generate.databricks.HashSql;
import io.bfx.generate.databricks.SessionVariables;
import io.bfx.model.ChangeType;
import io.bfx.model.Column;
import io.bfx.model.Connection;
import io.bfx.model.DataObject;
import io.bfx.model.Dimension;
import io.bfx.model.DimensionColumn;
import io.bfx.model.Fact;
import io.bfx.model.FactDimension;
import io.bfx.model.Metadata;
import io.bfx.model.hash.HashSpec;
import io.bfx.model.settings.SettingResolver;
import io.bfx.model.settings.Settings;
import io.bfx.model.settings.TablePropertiesClause;
import io.bfx.model.types.DataType;
import io.bfx.model.types.DataTypes;
import io.bfx.templates.Seq;
import io.bfx.templates.Sql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the typed SQL of dimensions (type 1 and type 2) and facts (dimension versions valid at the fact's date). */
public final class GoldSqlBuilder {

    private final Metadata metadata;
    private final SettingResolver settings;

    public GoldSqlBuilder(Metadata metadata, SettingResolver settings) {
        this.metadata = metadata;
        this.settings = settings;
    }

    /** A dimension column with its source column. */
    private record DimColumn(String name, Column source, ChangeType type) {
        DataType dataType() {
            return DataTypes.parse(source.dataType()).type();
        }
    }

    private static String bronzeName(Column c) {
        return c.targetColumn() != null ? c.targetColumn() : c.name();
    }

    private List<Column> key(DataObject o) {
        return o.businessKey();
    }

    private List<DimColumn> attributes(Dimension d, DataObject o) {
        List<DimColumn> out = new ArrayList<>();
        for (DimensionColumn c : d.columns()) {
            Column src = o.column(c.column()).orElseThrow();
            out.add(new DimColumn(c.name() != null ? c.name() : bronzeName(src), src, c.changeType()));
        }
        return out;
    }

    static Sql.Identifier keyColumn(String dimensionOrRole) {
        return Sql.identifier(dimensionOrRole + "_key");
    }

    private String clauses(BronzeObject unit, List<String> layout) {
        Map<String, String> properties = new LinkedHashMap<>(TablePropertiesClause.parse(
                settings.forObject(Settings.DATABRICKS_TABLE_PROPERTIES, unit.project(), unit.object()).value()));
        properties.put("bfx.hashing.version", String.valueOf(HashSpec.VERSION));
        StringBuilder b = new StringBuilder("USING DELTA");
        layout.forEach(l -> b.append('\n').append(l));
        b.append("\nTBLPROPERTIES (").append(properties.entrySet().stream()
                .map(e -> Sql.quoteLiteral(e.getKey()) + " = " + Sql.quoteLiteral(e.getValue()))
                .collect(Collectors.joining(", "))).append(')');
        return b.toString();
    }

    private HashSql hash(BronzeObject unit) {
        return new HashSql(settings.forObject(Settings.HASH_ALGORITHM, unit.project(), unit.object()).value(),
                settings.forObject(Settings.STRING_CONCATENATOR, unit.project(), unit.object()).value(),
                settings.forObject(Settings.HASH_NULL_VALUE, unit.project(), unit.object()).value());
    }

    private String typeHash(HashSql hash, List<DimColumn> columns, String alias) {
        if (columns.isEmpty()) {
            return "''";
        }
        return hash.hash(columns.stream().map(c -> new HashSql.HashInput(alias + "." + Sql.quoteIdentifier(
                bronzeName(c.source())), c.dataType())).toList()).sql();
    }

    public GoldViews.DimensionView dimension(Dimension d, BronzeObject unit, Connection mart) {
        DataObject o = unit.object();
        List<Column> key = key(o);
        List<DimColumn> attributes = attributes(d, o);
        List<DimColumn> type1 = attributes.stream().filter(c -> c.type() == ChangeType.CHG).toList();
        List<DimColumn> type2 = attributes.stream().filter(c -> c.type() == ChangeType.HST).toList();
        List<ColumnDefinition> defs = new ArrayList<>();
        for (Column k : key) {
            defs.add(new ColumnDefinition(Sql.identifier(bronzeName(k)),
                    Sql.fragment(DataTypes.parse(k.dataType()).type().databricksType()), false, Sql.literal("Business key")));
        }
        for (DimColumn a : attributes) {
            defs.add(new ColumnDefinition(Sql.identifier(a.name()), Sql.fragment(a.dataType().databricksType()), false,
                    Sql.literal(a.type() == ChangeType.HST ? "Type 2: a change opens a new version" : "Type 1: overwritten")));
        }
        HashSql hash = hash(unit);
        List<String> bk = key.stream().map(c -> Sql.quoteIdentifier(bronzeName(c))).toList();
        List<String> all = new ArrayList<>(bk);
        attributes.forEach(a -> all.add(Sql.quoteIdentifier(a.name())));
        String sourceColumns = key.stream().map(c -> "p." + Sql.quoteIdentifier(bronzeName(c)) + " AS " + Sql.quoteIdentifier(bronzeName(c)))
                .collect(Collectors.joining(", ")) + attributes.stream().map(a -> ", p." + Sql.quoteIdentifier(bronzeName(a.source()))
                        + " AS " + Sql.quoteIdentifier(a.name())).collect(Collectors.joining());
        String set = type1.stream().map(a -> "t." + Sql.quoteIdentifier(a.name()) + " = s." + Sql.quoteIdentifier(a.name()))
                .collect(Collectors.joining(", "));
        String globalDefault = settings.forObject(Settings.GLOBAL_DEFAULT_DATE, unit.project(), o).value();
        List<String> layout = d.clusterBy().isEmpty() ? List.of()
                : List.of("CLUSTER BY (" + d.clusterBy().stream().map(c -> Sql.quoteIdentifier(c)).collect(Collectors.joining(", ")) + ")");
        return new GoldViews.DimensionView(
                new CatalogTable(SessionVariables.MART_CATALOG.variable(), mart.schema(), null).identifier(),
                new CatalogTable(SessionVariables.MART_CATALOG.variable(), mart.schema(), d.name()).identifier(),
                Sql.fragment(clauses(unit, layout)), unit.psaTable().identifier(), keyColumn(d.name()), Seq.of(defs),
                Sql.fragment(String.join(", ", bk)),
                Sql.fragment(bk.stream().map(k -> "c." + k).collect(Collectors.joining(", "))),
                Sql.fragment(String.join(", ", all)),
                Sql.fragment(all.stream().map(k -> "c." + k).collect(Collectors.joining(", "))),
                Sql.fragment(sourceColumns),
                Sql.fragment(typeHash(hash, type1, "p")),
                Sql.fragment(typeHash(hash, type2, "p")),
                Sql.fragment(bk.stream().map(k -> "d." + k + " <=> cur." + k).collect(Collectors.joining(" AND "))),
                Sql.fragment(bk.stream().map(k -> "t." + k + " <=> s." + k).collect(Collectors.joining(" AND "))),
                Sql.fragment(set), !type1.isEmpty(),
                Sql.fragment("TIMESTAMP " + Sql.quoteLiteral(globalDefault + " 00:00:00UTC")));
    }

    public GoldViews.FactView fact(Fact f, BronzeObject unit, Connection mart) {
        DataObject o = unit.object();
        List<Column> key = key(o);
        List<ColumnDefinition> defs = new ArrayList<>();
        List<String> source = new ArrayList<>();
        for (Column k : key) {
            defs.add(new ColumnDefinition(Sql.identifier(bronzeName(k)),
                    Sql.fragment(DataTypes.parse(k.dataType()).type().databricksType()), true, Sql.literal("Source key")));
            source.add("p." + Sql.quoteIdentifier(bronzeName(k)));
        }
        List<GoldViews.LookupView> lookups = new ArrayList<>();
        Column date = o.column(f.dateColumn()).orElseThrow();
        String dateSql = "p." + Sql.quoteIdentifier(bronzeName(date));
        int i = 1;
        for (FactDimension fd : f.dimensions()) {
            Dimension d = metadata.dimension(fd.dimension()).orElseThrow();
            DataObject dimSource = metadata.project(d.project())
                    .flatMap(p -> metadata.object(p.sourceConnection(), d.source())).orElseThrow();
            Sql.Identifier column = keyColumn(fd.role() != null ? fd.role() : d.name());
            Sql.Identifier alias = Sql.identifier("bfx_d" + i++);
            List<Column> dimKey = dimSource.businessKey();
            StringBuilder join = new StringBuilder();
            for (int k = 0; k < dimKey.size(); k++) {
                Column factColumn = o.column(fd.columns().get(k)).orElseThrow();
                join.append(alias.sql()).append('.').append(Sql.quoteIdentifier(bronzeName(dimKey.get(k))))
                        .append(" <=> p.").append(Sql.quoteIdentifier(bronzeName(factColumn))).append(" AND ");
            }
            join.append(alias.sql()).append('.').append(keyColumn(d.name()).sql()).append(" <> -1 AND ")
                    .append(dateSql).append(" >= ").append(alias.sql()).append(".row_valid_from AND ")
                    .append(dateSql).append(" < ").append(alias.sql()).append(".row_valid_to");
            Connection dimMart = metadata.project(d.project()).flatMap(p -> metadata.connection(p.dataMartConnection()))
                    .orElse(mart);
            lookups.add(new GoldViews.LookupView(
                    new CatalogTable(SessionVariables.MART_CATALOG.variable(), dimMart.schema(), d.name()).identifier(),
                    alias, column, Sql.fragment(join.toString())));
            defs.add(new ColumnDefinition(column, Sql.fragment("BIGINT"), true,
                    Sql.literal("Key of the " + d.name() + " version valid at " + f.dateColumn() + " (-1: unknown)")));
            source.add("coalesce(" + alias.sql() + "." + keyColumn(d.name()).sql() + ", -1) AS " + column.sql());
        }
        defs.add(new ColumnDefinition(Sql.identifier(bronzeName(date)),
                Sql.fragment(DataTypes.parse(date.dataType()).type().databricksType()), false, Sql.literal("Fact date")));
        source.add(dateSql);
        for (String m : f.measures()) {
            Column c = o.column(m).orElseThrow();
            defs.add(new ColumnDefinition(Sql.identifier(bronzeName(c)),
                    Sql.fragment(DataTypes.parse(c.dataType()).type().databricksType()), false, Sql.literal("Measure")));
            source.add("p." + Sql.quoteIdentifier(bronzeName(c)));
        }
        for (String sys : List.of("row_hash STRING", "row_effective_from TIMESTAMP", "row_record_source STRING",
                "row_audit_id BIGINT")) {
            String[] parts = sys.split(" ");
            defs.add(new ColumnDefinition(Sql.identifier(parts[0]), Sql.fragment(parts[1]), true, null));
            source.add("p." + parts[0]);
        }
        List<String> layout = f.partitionedBy().isEmpty() ? List.of() : List.of("PARTITIONED BY (" + f.partitionedBy().stream()
                .map(c -> Sql.quoteIdentifier(bronzeName(o.column(c).orElseThrow()))).collect(Collectors.joining(", ")) + ")");
        String keyColumns = key.stream().map(c -> Sql.quoteIdentifier(bronzeName(c))).collect(Collectors.joining(", "));
        return new GoldViews.FactView(
                new CatalogTable(SessionVariables.MART_CATALOG.variable(), mart.schema(), null).identifier(),
                new CatalogTable(SessionVariables.MART_CATALOG.variable(), mart.schema(), f.name()).identifier(),
                Sql.fragment(clauses(unit, layout)), unit.psaTable().identifier(), Seq.of(defs), lookups,
                Sql.fragment(String.join(",\n    ", source)), Sql.fragment(keyColumns),
                Sql.fragment(key.stream().map(c -> "t." + Sql.quoteIdentifier(bronzeName(c)) + " <=> s."
                        + Sql.quoteIdentifier(bronzeName(c))).collect(Collectors.joining(" AND "))));
    }
}
