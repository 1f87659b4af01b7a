package io.bfx.model.hash;

import io.bfx.model.types.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The bfx hashing specification (docs/hashing.md), implemented in Java as the reference the tests compare the
 * generated Spark SQL with. Every hash bfx generates (row hashes, hash diffs, hash keys) follows these rules; the
 * version is recorded in generated tables as the table property {@code bfx.hashing.version}.
 */
public record HashSpec(String algorithm, String concatenator, String nullValue, boolean keyToUpper,
        boolean recordSourceInKey) {

    /** Version of the specification; changes to any rule below increase it. */
    public static final int VERSION = 1;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    /**
     * Canonical text of one value, or null for NULL. Values are what Spark holds for the column's Databricks type:
     * String, Integer/Long/Short/Byte, BigDecimal, Double/Float, Boolean, LocalDate, LocalDateTime (UTC), byte[].
     */
    public static String canonicalText(Object value, DataType type) {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case GUID -> trimSpaces(value.toString()).replace("{", "").replace("}", "").toUpperCase(Locale.ROOT);
            case ANSI_STRING, ANSI_STRING_FIXED_LENGTH, STRING, STRING_FIXED_LENGTH, XML, TIME -> trimSpaces(value.toString());
            case BOOLEAN -> ((Boolean) value) ? "1" : "0";
            case DATE -> ((LocalDate) value).format(DATE);
            case DATE_TIME, DATE_TIME2, DATE_TIME_OFFSET -> ((LocalDateTime) value).format(TIMESTAMP);
            case BINARY -> HexFormat.of().withUpperCase().formatHex((byte[]) value);
            case DECIMAL, VAR_NUMERIC, CURRENCY, UINT64 -> decimal((BigDecimal) value, type);
            case DOUBLE -> Double.toString(((Number) value).doubleValue());
            case SINGLE -> Float.toString(((Number) value).floatValue());
            default -> Long.toString(((Number) value).longValue());
        };
    }

    private static String decimal(BigDecimal value, DataType type) {
        int scale = switch (type.kind()) {
            case CURRENCY -> 4;
            case UINT64 -> 0;
            default -> type.scale() == null ? 0 : type.scale();
        };
        return value.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** Spark's {@code trim}: removes leading and trailing U+0020 only. */
    static String trimSpaces(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && s.charAt(b) == ' ') {
            b++;
        }
        while (e > b && s.charAt(e - 1) == ' ') {
            e--;
        }
        return s.substring(b, e);
    }

    /** The text that is hashed: each part or the NULL token, joined by the concatenator. */
    public String join(List<String> parts) {
        return String.join(concatenator, parts.stream().map(p -> p == null ? nullValue : p).toList());
    }

    /** Upper-case hexadecimal digest of the UTF-8 bytes of {@code text}. */
    public String hash(String text) {
        String jca = switch (algorithm.toUpperCase(Locale.ROOT)) {
            case "MD5" -> "MD5";
            case "SHA1" -> "SHA-1";
            case "SHA2_256" -> "SHA-256";
            case "SHA2_512" -> "SHA-512";
            default -> throw new IllegalArgumentException("Unknown hash algorithm " + algorithm);
        };
        try {
            byte[] digest = MessageDigest.getInstance(jca).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Length in hex characters of this algorithm's hashes. */
    public int hashLength() {
        return hash("").length();
    }

    /** The zero key: the hash key of an all-NULL business key and of the ghost record. */
    public String zeroKey() {
        return "0".repeat(hashLength());
    }

    /** Row hash or hash diff: the hash of the joined canonical texts of the columns, in ordinal order. */
    public String rowHash(List<String> canonicalTexts) {
        return hash(join(canonicalTexts));
    }

    /**
     * Business key text: [record source,] canonical texts of the key columns joined, upper-cased when
     * IntegrationKeyToUpper is on; null when every key column is NULL.
     */
    public String businessKey(String recordSource, List<String> canonicalTexts) {
        if (canonicalTexts.stream().allMatch(t -> t == null)) {
            return null;
        }
        List<String> parts = new java.util.ArrayList<>();
        if (recordSourceInKey) {
            parts.add(recordSource);
        }
        parts.addAll(canonicalTexts);
        String key = join(parts);
        return keyToUpper ? key.toUpperCase(Locale.ROOT) : key;
    }

    /** Hash key of a business key (the zero key for a null business key). */
    public String hashKey(String businessKey) {
        return businessKey == null ? zeroKey() : hash(businessKey);
    }

    /** Hash key of a link: the hash of its hubs' business keys joined, in the link's order. */
    public String linkKey(List<String> businessKeys) {
        if (businessKeys.stream().allMatch(k -> k == null)) {
            return zeroKey();
        }
        return hash(join(businessKeys));
    }
}
