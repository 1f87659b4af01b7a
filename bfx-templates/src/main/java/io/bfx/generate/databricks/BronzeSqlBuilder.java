package io.bfx.generate.databricks;

import io.bfx.model.Column;
import io.bfx.model.DataObject;
import io.bfx.model.naming.SystemColumns;
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
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the typed SQL pieces of one object's staging and persistent staging tables and loads. */
final class BronzeSqlBuilder {

    private final SettingResolver settings;

    BronzeSqlBuilder(SettingResolver settings) {
        this.settings = settings;
    }

    /** A source column with its parsed type and the name it gets in Bronze (targetColumn when set). */
    record LoadedColumn(Column column, DataType type, String name) {
        Sql.Identifier identifier() {
            return Sql.identifier(name);
        }
    }

    static List<LoadedColumn> columns(DataObject object) {
        List<LoadedColumn> out = new ArrayList<>();
        for (Column c : object.columnsByOrdinal()) {
            DataType t = DataTypes.parse(c.dataType()).type();
            out.add(new LoadedColumn(c, t, c.targetColumn() != null ? c.targetColumn() : c.name()));
        }
        return out;
    }

    BronzeSqlView build(BronzeObject unit) {
        DataObject o = unit.object();
        List<LoadedColumn> columns = columns(o);
        List<LoadedColumn> key = columns.stream().filter(c -> o.businessKey().contains(c.column())).toList();
        List<LoadedColumn> hashed = columns.stream()
                .filter(c -> !c.column().notHashed() && !key.contains(c)).toList();
        if (hashed.isEmpty()) {
            // A table of keys only: the hash of the key makes each key one version.
            hashed = key;
        }

        List<BronzeSqlView.ColumnDefinition> defs = new ArrayList<>();
        for (LoadedColumn c : columns) {
            defs.add(new BronzeSqlView.ColumnDefinition(c.identifier(), Sql.fragment(c.type().databricksType()),
                    !c.column().nullable(), c.column().description() == null ? null : Sql.literal(c.column().description())));
        }
        defs.add(new BronzeSqlView.ColumnDefinition(Sql.identifier(SystemColumns.AUDIT_ID), Sql.fragment("BIGINT"), true,
                Sql.literal("Run catalog execution that landed the row")));
        defs.add(new BronzeSqlView.ColumnDefinition(Sql.identifier(SystemColumns.RECORD_SOURCE), Sql.fragment("STRING"),
                true, Sql.literal("Record source of the source system")));
        defs.add(new BronzeSqlView.ColumnDefinition(Sql.identifier(SystemColumns.EFFECTIVE_FROM),
                Sql.fragment("TIMESTAMP"), true, Sql.literal("When the row was loaded")));
        defs.add(new BronzeSqlView.ColumnDefinition(Sql.identifier(SystemColumns.ROW_HASH), Sql.fragment("STRING"), true,
                Sql.literal("Hash of the descriptive columns, for delta detection")));

        HashSql hash = new HashSql(
                setting(unit, Settings.HASH_ALGORITHM),
                setting(unit, Settings.STRING_CONCATENATOR),
                setting(unit, Settings.HASH_NULL_VALUE));
        Sql.Fragment rowHash = hash.hash(hashed.stream()
                .map(c -> new HashSql.HashInput("l." + c.identifier().sql(), c.type())).toList());

        String landed = "bfx_landed_" + unit.table();
        Sql.Identifier landedView = Sql.identifier(landed);
        // The landing root comes from a variable at run time; the object's folder is fixed by the metadata.
        Sql.Fragment landedStatement = Sql.fragment(
                Sql.quoteLiteral("CREATE OR REPLACE TEMPORARY VIEW " + landedView.sql() + " AS SELECT * FROM parquet.`")
                        + " || " + SessionVariables.LANDING_ROOT.variable() + " || "
                        + Sql.quoteLiteral("/" + unit.landingFolder().replace("`", "``") + "`"));

        String indent = ",\n    ";
        Sql.Fragment insertColumns = Sql.fragment(
                join(columns, c -> c.identifier().sql(), ", ") + ", " + String.join(", ",
                        SystemColumns.AUDIT_ID, SystemColumns.RECORD_SOURCE, SystemColumns.EFFECTIVE_FROM,
                        SystemColumns.ROW_HASH));
        Sql.Fragment castColumns = Sql.fragment(join(columns,
                c -> "CAST(" + Sql.identifier(c.column().name()).sql() + " AS " + c.type().databricksType() + ") AS "
                        + c.identifier().sql(), indent));
        Sql.Fragment sourceColumns = Sql.fragment(join(columns, c -> "l." + c.identifier().sql(), indent));
        Sql.Fragment keyColumns = Sql.fragment(join(key, c -> c.identifier().sql(), ", "));
        Sql.Fragment keySp = Sql.fragment(join(key, c -> "s." + c.identifier().sql() + " <=> p." + c.identifier().sql(),
                " AND "));
        Sql.Fragment keyTs = Sql.fragment(join(key, c -> "t." + c.identifier().sql() + " <=> s." + c.identifier().sql(),
                " AND "));

        Map<String, String> properties = new LinkedHashMap<>(
                TablePropertiesClause.parse(setting(unit, Settings.DATABRICKS_TABLE_PROPERTIES)));
        properties.putAll(o.tableProperties());
        Sql.Fragment tblProperties = properties.isEmpty() ? null : Sql.fragment("TBLPROPERTIES ("
                + properties.entrySet().stream()
                        .map(e -> Sql.quoteLiteral(e.getKey()) + " = " + Sql.quoteLiteral(e.getValue()))
                        .collect(Collectors.joining(", ")) + ")");

        Sql.Fragment stagingClauses = clauses(null, tblProperties);
        String layout = null;
        boolean liquid = settings.forObject(Settings.DATABRICKS_USE_LIQUID_CLUSTERING, unit.project(), o).asBooleanOr(false);
        if (!o.clusterBy().isEmpty()) {
            layout = "CLUSTER BY (" + names(o, o.clusterBy()) + ")";
        } else if (liquid && !key.isEmpty()) {
            layout = "CLUSTER BY (" + keyColumns.sql() + ")";
        } else if (!o.partitionedBy().isEmpty()) {
            layout = "PARTITIONED BY (" + names(o, o.partitionedBy()) + ")";
        }
        Sql.Fragment psaClauses = clauses(layout, tblProperties);
        Sql.Fragment optimize = null;
        // Z-ordering goes with partitioning or none, never with liquid clustering (validation: BFX025).
        if (unit.hasPersistentStaging() && !o.zOrderBy().isEmpty() && (layout == null || !layout.startsWith("CLUSTER"))) {
            optimize = unit.psaTable().executeImmediate("OPTIMIZE ", " ZORDER BY (" + names(o, o.zOrderBy()) + ")");
        }

        return new BronzeSqlView(
                Sql.literal(o.qualifiedName()),
                Sql.literal(unit.source().recordSource()),
                unit.stagingSchema().identifier(),
                unit.stagingTable().identifier(),
                unit.hasPersistentStaging() ? unit.psaSchema().identifier() : null,
                unit.hasPersistentStaging() ? unit.psaTable().identifier() : null,
                Seq.of(defs),
                stagingClauses,
                psaClauses,
                landedView,
                landedStatement,
                insertColumns,
                castColumns,
                sourceColumns,
                rowHash,
                keyColumns,
                keySp,
                keyTs,
                optimize);
    }

    private String setting(BronzeObject unit, io.bfx.model.settings.SettingDefinition d) {
        return settings.forObject(d, unit.project(), unit.object()).value();
    }

    /** Column names of the object, quoted, in the Bronze naming (targetColumn when set). */
    private static String names(DataObject o, List<String> columns) {
        return columns.stream().map(n -> {
            Column c = o.column(n).orElseThrow();
            return Sql.identifier(c.targetColumn() != null ? c.targetColumn() : c.name()).sql();
        }).collect(Collectors.joining(", "));
    }

    private static Sql.Fragment clauses(String layout, Sql.Fragment properties) {
        StringBuilder b = new StringBuilder("USING DELTA");
        if (layout != null) {
            b.append('\n').append(layout);
        }
        if (properties != null) {
            b.append('\n').append(properties.sql());
        }
        return Sql.fragment(b.toString());
    }

    private static <T> String join(List<T> items, Function<T, String> f, String separator) {
        return items.stream().map(f).collect(Collectors.joining(separator));
    }
}
