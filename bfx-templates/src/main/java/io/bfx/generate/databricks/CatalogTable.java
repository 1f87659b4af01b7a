package io.bfx.generate.databricks;

import io.bfx.templates.Sql;

/**
 * A Unity Catalog table (or schema) whose catalog is chosen at run time. Catalogs differ per environment (dev,
 * prod), so the generated SQL reads the catalog from a session variable (set from a notebook widget, a job
 * parameter or a procedure parameter) and names the table with {@code IDENTIFIER()}; schema and table come from
 * the metadata.
 *
 * @param catalogVariable the session variable holding the catalog, for example {@code bfx_stg_catalog}
 * @param table null for the schema itself
 */
public record CatalogTable(String catalogVariable, String schema, String table) {

    /** The quoted name after the catalog: {@code .`schema`.`table`}. */
    private String tail() {
        String t = "." + Sql.quoteIdentifier(schema);
        return table == null ? t : t + "." + Sql.quoteIdentifier(table);
    }

    /** The string expression of the full quoted name: {@code '`' || var || '`.`schema`.`table`'}. */
    public String nameExpression() {
        return Sql.quoteLiteral("`") + " || " + catalogVariable + " || " + Sql.quoteLiteral("`" + tail());
    }

    /** {@code IDENTIFIER(...)}, usable wherever a table name goes. */
    public Sql.Fragment identifier() {
        return Sql.fragment("IDENTIFIER(" + nameExpression() + ")");
    }

    /** The three-part name with a literal catalog, for objects created once by a deployer (procedures). */
    public Sql.Identifier literal(String catalog) {
        return table == null ? Sql.identifier(catalog, schema) : Sql.identifier(catalog, schema, table);
    }

    /**
     * A statement that only takes a literal table name (OPTIMIZE, which Delta's parser does not accept with
     * IDENTIFIER), run with EXECUTE IMMEDIATE around the run-time name: {@code prefix} goes before the name and
     * {@code suffix} after it.
     */
    public Sql.Fragment executeImmediate(String prefix, String suffix) {
        return Sql.fragment("EXECUTE IMMEDIATE " + Sql.quoteLiteral(prefix + "`") + " || " + catalogVariable + " || "
                + Sql.quoteLiteral("`" + tail() + suffix));
    }
}
