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
            case DATE_TIME, DATE_TIME2, DATE_TIME_OFFSET -> utcTimestampText(columnSql);
            case BINARY -> "hex(" + columnSql + ")";
            default -> "CAST(" + columnSql + " AS STRING)";
        };
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss.fffffff} of a timestamp in UTC whatever the session time zone: date_format would
     * render in the session's zone, so a cluster with {@code spark.sql.session.timeZone} set elsewhere would hash
     * every timestamp differently and a satellite would see every row as changed. Built from the instant's
     * microseconds since the epoch instead, which no zone affects: the day (a DATE, whose text has no zone) and
     * the time of day by integer arithmetic. The seventh fraction digit is 0 (Spark keeps microseconds).
     */
    static String utcTimestampText(String columnSql) {
        String u = "unix_micros(" + columnSql + ")";
        return "concat(date_format(date_from_unix_date(CAST((" + u + " - pmod(" + u + ", 86400000000)) div 86400000000"
                + " AS INT)), 'yyyy-MM-dd'), 'T', "
                + "lpad(CAST(pmod(" + u + ", 86400000000) div 3600000000 AS STRING), 2, '0'), ':', "
                + "lpad(CAST(pmod(" + u + ", 3600000000) div 60000000 AS STRING), 2, '0'), ':', "
                + "lpad(CAST(pmod(" + u + ", 60000000) div 1000000 AS STRING), 2, '0'), '.', "
                + "lpad(CAST(pmod(" + u + ", 1000000) AS STRING), 6, '0'), '0')";
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
