package io.bfx.generate.databricks.silver;

import io.bfx.generate.databricks.BronzeObject;
import io.bfx.generate.databricks.BronzeSqlView.ColumnDefinition;
import io.bfx.generate.databricks.CatalogTable;
import io.bfx.generate.databricks.HashSql;
import io.bfx.generate.databricks.SessionVariables;
import io.bfx.model.Column;
import io.bfx.model.Connection;
import io.bfx.model.DataObject;
import io.bfx.model.Project;
import io.bfx.model.hash.HashSpec;
import io.bfx.model.settings.SettingDefinition;
import io.bfx.model.settings.SettingResolver;
import io.bfx.model.settings.Settings;
import io.bfx.model.settings.TablePropertiesClause;
import io.bfx.model.types.DataTypes;
import io.bfx.model.vault.Hub;
import io.bfx.model.vault.Link;
import io.bfx.model.vault.LinkEnd;
import io.bfx.model.vault.Satellite;
import io.bfx.templates.Seq;
import io.bfx.templates.Sql;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the typed SQL of a project's Silver tables: hubs, links, satellites, or normal-form tables. */
public final class VaultSqlBuilder {

    private final SettingResolver settings;

    public VaultSqlBuilder(SettingResolver settings) {
        this.settings = settings;
    }

    private String setting(Project p, DataObject o, SettingDefinition d) {
        return settings.forObject(d, p, o).value();
    }

    /** The hashing rules in force for an object (settings may differ per object). */
    public HashSpec spec(Project p, DataObject o) {
        return new HashSpec(setting(p, o, Settings.HASH_ALGORITHM), setting(p, o, Settings.STRING_CONCATENATOR),
                setting(p, o, Settings.HASH_NULL_VALUE),
                settings.forObject(Settings.INTEGRATION_KEY_TO_UPPER, p, o).asBooleanOr(true),
                settings.forObject(Settings.ADD_RECORD_SOURCE_TO_INTEGRATION_KEY, p, o).asBooleanOr(true));
    }

    private KeySql keys(BronzeObject unit) {
        HashSpec spec = spec(unit.project(), unit.object());
        return new KeySql(new HashSql(spec.algorithm(), spec.concatenator(), spec.nullValue()), spec,
                unit.source().recordSource(), "p");
    }

    private VaultViews.Target target(BronzeObject unit, Connection vault, String table) {
        HashSpec spec = spec(unit.project(), unit.object());
        Map<String, String> properties = new LinkedHashMap<>(TablePropertiesClause.parse(
                setting(unit.project(), unit.object(), Settings.DATABRICKS_TABLE_PROPERTIES)));
        properties.put("bfx.hashing.version", String.valueOf(HashSpec.VERSION));
        String clauses = "USING DELTA\nTBLPROPERTIES (" + properties.entrySet().stream()
                .map(e -> Sql.quoteLiteral(e.getKey()) + " = " + Sql.quoteLiteral(e.getValue()))
                .collect(Collectors.joining(", ")) + ")";
        boolean zero = settings.forObject(Settings.DV_ADD_ZERO_KEYS, unit.project(), unit.object()).asBooleanOr(false);
        return new VaultViews.Target(
                new CatalogTable(SessionVariables.VAULT_CATALOG.variable(), vault.schema(), null).identifier(),
                new CatalogTable(SessionVariables.VAULT_CATALOG.variable(), vault.schema(), table).identifier(),
                Sql.fragment(clauses), unit.psaTable().identifier(), zero ? Sql.literal(spec.zeroKey()) : null);
    }

    public VaultViews.HubView hub(BronzeObject unit, Connection vault, Hub hub) {
        KeySql keys = keys(unit);
        String bk = keys.businessKey(hub.keyColumns());
        return new VaultViews.HubView(target(unit, vault, hub.name()), Sql.identifier(hub.hashKey()),
                Sql.identifier(hub.businessKey()), Sql.fragment(keys.hashKey(bk)), Sql.fragment(bk));
    }

    public VaultViews.LinkView link(BronzeObject unit, Connection vault, Link link) {
        KeySql keys = keys(unit);
        List<String> businessKeys = new ArrayList<>();
        List<VaultViews.LinkEndView> ends = new ArrayList<>();
        int i = 1;
        for (LinkEnd end : link.ends()) {
            String bk = keys.businessKey(end.columns());
            businessKeys.add(bk);
            ends.add(new VaultViews.LinkEndView(Sql.identifier(end.hashKeyColumn()), Sql.fragment(keys.hashKey(bk)),
                    Sql.identifier("bfx_e" + i++)));
        }
        return new VaultViews.LinkView(target(unit, vault, link.name()), Sql.identifier(link.hashKey()), Seq.of(ends),
                Sql.fragment(keys.linkKey(businessKeys)));
    }

    public VaultViews.SatelliteView satellite(BronzeObject unit, Connection vault, Satellite sat) {
        KeySql keys = keys(unit);
        String parentKey;
        if (sat.hub() != null) {
            parentKey = keys.hashKey(keys.businessKey(sat.hub().keyColumns()));
        } else {
            parentKey = keys.linkKey(sat.link().ends().stream().map(e -> keys.businessKey(e.columns())).toList());
        }
        List<ColumnDefinition> attributes = sat.attributes().stream().map(c -> new ColumnDefinition(
                Sql.identifier(name(c)), Sql.fragment(DataTypes.parse(c.dataType()).type().databricksType()), false,
                null)).toList();
        String list = sat.attributes().stream().map(c -> ", " + Sql.quoteIdentifier(name(c))).collect(Collectors.joining());
        String select = sat.attributes().stream().map(c -> ", x." + Sql.quoteIdentifier(name(c))).collect(Collectors.joining());
        String source = sat.attributes().stream().map(c -> ",\n      p." + Sql.quoteIdentifier(name(c)))
                .collect(Collectors.joining());
        boolean endDate = settings.forObject(Settings.DV_END_DATE_SATELLITE, unit.project(), unit.object()).asBooleanOr(false);
        return new VaultViews.SatelliteView(target(unit, vault, sat.name()), Sql.identifier(sat.parentHashKey()),
                Seq.of(attributes), Sql.fragment(list), Sql.fragment(select), Sql.fragment(source),
                Sql.fragment(parentKey), Sql.fragment(keys.hashDiff(sat.hashed())), endDate);
    }

    /** A normal-form table: the persistent staging columns, current state only. */
    public VaultViews.NormalFormView normalForm(BronzeObject unit, Connection target, List<ColumnDefinition> columns) {
        List<Column> key = unit.object().businessKey();
        String keyColumns = key.stream().map(c -> "p." + Sql.quoteIdentifier(name(c))).collect(Collectors.joining(", "));
        String keyJoin = key.stream().map(c -> "t." + Sql.quoteIdentifier(name(c)) + " <=> s." + Sql.quoteIdentifier(name(c)))
                .collect(Collectors.joining(" AND "));
        return new VaultViews.NormalFormView(target(unit, target, unit.table()), Seq.of(columns), Sql.fragment(keyColumns),
                Sql.fragment(keyJoin));
    }

    private static String name(Column c) {
        return c.targetColumn() != null ? c.targetColumn() : c.name();
    }
}
