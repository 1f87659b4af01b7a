package io.bfx.generate.databricks;

import io.bfx.model.types.DataType;
import io.bfx.templates.Sql;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Builds the Spark SQL of hashes: each value turned into its canonical text (docs/hashing.md), NULL replaced by
 * the HashNullValue token, values joined by the StringConcatenator, hashed with HashAlgorithm over UTF-8 and
 * written as upper-case hex.
 */
public record HashSql(String algorithm, String concatenator, String nullValue) {

    /** Canonical text of one column (no NULL handling). */
    public static String canonicalText(String columnSql, DataType type) {
        return switch (type.kind()) {
            case GUID -> "upper(regexp_replace(trim(" + columnSql + "), '[{}]', ''))";
            case ANSI_STRING, ANSI_STRING_FIXED_LENGTH, STRING, STRING_FIXED_LENGTH, XML, TIME -> "trim(" + columnSql + ")";
            case BOOLEAN -> "CASE WHEN " + columnSql + " THEN '1' WHEN NOT " + columnSql + " THEN '0' END";
            case DATE -> "date_format(" + columnSql + ", 'yyyy-MM-dd')";
            case DATE_TIME, DATE_TIME2, DATE_TIME_OFFSET ->
                    "date_format(" + columnSql + ", " + Sql.quoteLiteral("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS") + ")";
            case BINARY -> "hex(" + columnSql + ")";
            default -> "CAST(" + columnSql + " AS STRING)";
        };
    }

    /** The hash of several columns, in the order given. */
    public Sql.Fragment hash(List<HashInput> inputs) {
        String joined = inputs.stream()
                .map(i -> "coalesce(" + canonicalText(i.columnSql(), i.type()) + ", " + Sql.quoteLiteral(nullValue) + ")")
                .collect(Collectors.joining(",\n      "));
        String text = "concat_ws(" + Sql.quoteLiteral(concatenator) + ",\n      " + joined + ")";
        return Sql.fragment("upper(" + hashFunction(text) + ")");
    }

    private String hashFunction(String text) {
        return switch (algorithm.toUpperCase(Locale.ROOT)) {
            case "MD5" -> "md5(" + text + ")";
            case "SHA1" -> "sha1(" + text + ")";
            case "SHA2_256" -> "sha2(" + text + ", 256)";
            case "SHA2_512" -> "sha2(" + text + ", 512)";
            default -> throw new IllegalArgumentException("Unknown hash algorithm " + algorithm);
        };
    }

    /** One hashed value: SQL that reads it and its metadata type. */
    public record HashInput(String columnSql, DataType type) {}
}
