package io.bfx.generate.databricks.silver;

import io.bfx.generate.databricks.HashSql;
import io.bfx.model.Column;
import io.bfx.model.hash.HashSpec;
import io.bfx.model.types.DataTypes;
import io.bfx.templates.Sql;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Spark SQL of business keys, hash keys and link keys, following the hashing specification
 * (docs/hashing.md, {@link HashSpec}) exactly as the Java reference computes them.
 *
 * @param alias the table alias the columns are read from, for example {@code p}
 */
public record KeySql(HashSql hash, HashSpec spec, String recordSource, String alias) {

    private String column(Column c) {
        return alias + "." + Sql.quoteIdentifier(c.targetColumn() != null ? c.targetColumn() : c.name());
    }

    /**
     * Business key text of the given columns: NULL when all are NULL, else [record source~]parts joined, upper-cased
     * when IntegrationKeyToUpper is on.
     */
    public String businessKey(List<Column> columns) {
        String allNull = columns.stream().map(c -> column(c) + " IS NULL").collect(Collectors.joining(" AND "));
        StringBuilder parts = new StringBuilder();
        if (spec.recordSourceInKey()) {
            parts.append(Sql.quoteLiteral(recordSource)).append(", ");
        }
        parts.append(columns.stream()
                .map(c -> "coalesce(" + HashSql.canonicalText(column(c), DataTypes.parse(c.dataType()).type()) + ", "
                        + Sql.quoteLiteral(spec.nullValue()) + ")")
                .collect(Collectors.joining(", ")));
        String joined = "concat_ws(" + Sql.quoteLiteral(spec.concatenator()) + ", " + parts + ")";
        return "CASE WHEN " + allNull + " THEN NULL ELSE " + (spec.keyToUpper() ? "upper(" + joined + ")" : joined) + " END";
    }

    /** Hash key of a business key expression; the zero key for a NULL business key. */
    public String hashKey(String businessKey) {
        return "coalesce(" + digest(businessKey) + ", " + Sql.quoteLiteral(spec.zeroKey()) + ")";
    }

    /** Link hash key: the hubs' business keys joined and hashed; the zero key when all are NULL. */
    public String linkKey(List<String> businessKeys) {
        String allNull = businessKeys.stream().map(k -> "(" + k + ") IS NULL").collect(Collectors.joining(" AND "));
        String joined = "concat_ws(" + Sql.quoteLiteral(spec.concatenator()) + ", "
                + businessKeys.stream().map(k -> "coalesce(" + k + ", " + Sql.quoteLiteral(spec.nullValue()) + ")")
                        .collect(Collectors.joining(", ")) + ")";
        return "CASE WHEN " + allNull + " THEN " + Sql.quoteLiteral(spec.zeroKey()) + " ELSE " + digest(joined) + " END";
    }

    /** Hash diff of a satellite's hashed columns (the zero key when it has none). */
    public String hashDiff(List<Column> columns) {
        if (columns.isEmpty()) {
            return Sql.quoteLiteral(spec.zeroKey());
        }
        return hash.hash(columns.stream()
                .map(c -> new HashSql.HashInput(column(c), DataTypes.parse(c.dataType()).type())).toList()).sql();
    }

    private String digest(String text) {
        String f = switch (spec.algorithm().toUpperCase(java.util.Locale.ROOT)) {
            case "MD5" -> "md5(" + text + ")";
            case "SHA1" -> "sha1(" + text + ")";
            case "SHA2_256" -> "sha2(" + text + ", 256)";
            case "SHA2_512" -> "sha2(" + text + ", 512)";
            default -> throw new IllegalArgumentException("Unknown hash algorithm " + spec.algorithm());
        };
        return "upper(" + f + ")";
    }
}
