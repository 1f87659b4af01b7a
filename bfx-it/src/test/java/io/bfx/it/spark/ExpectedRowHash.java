package io.bfx.it.spark;

import io.bfx.it.spark.AwltMetadata.MetaColumn;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The row hash a landed row must get, computed in plain Java from the metadata and the landed values, without
 * Spark and without bfx's code. The rules (the project's defaults: HashAlgorithm SHA1, StringConcatenator '~',
 * HashNullValue 'NVL'):
 * <ul>
 * <li>hashed columns: every column except the business key and the notHashed ones, in ordinal order;</li>
 * <li>canonical text per type: strings trimmed of spaces; booleans '1'/'0'; datetimes
 * {@code yyyy-MM-dd'T'HH:mm:ss.SSSSSSS}; GUIDs upper case without braces; decimals as plain text with the scale
 * of their type; integers in decimal; binary as upper-case hex; NULL as 'NVL';</li>
 * <li>texts joined by '~', SHA-1 over the UTF-8 bytes, upper-case hex.</li>
 * </ul>
 */
final class ExpectedRowHash {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");
    private static final Pattern DECIMAL = Pattern.compile("Decimal\\((\\d+),\\s*(\\d+)\\)");

    private ExpectedRowHash() {
    }

    static String of(LandedTable table, int row) {
        return sha1(text(table, row));
    }

    /** The text that is hashed. */
    static String text(LandedTable table, int row) {
        List<String> parts = new ArrayList<>();
        for (MetaColumn c : AwltMetadata.columns(table.qualifiedName())) {
            if (!c.primaryKey() && !c.notHashed()) {
                parts.add(canonical(c.dataType(), table.value(row, c.name())));
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(table + " has no hashed column; not covered here");
        }
        return String.join("~", parts);
    }

    static String canonical(String dataType, Object value) {
        if (value == null) {
            return "NVL";
        }
        String base = dataType.replaceAll("\\(.*", "");
        switch (base) {
            case "String", "AnsiString", "StringFixedLength", "AnsiStringFixedLength", "Xml":
                return trimSpaces((String) value);
            case "Binary":
                return HexFormat.of().withUpperCase().formatHex((byte[]) value);
            case "Guid":
                return trimSpaces((String) value).replace("{", "").replace("}", "").toUpperCase(Locale.ROOT);
            case "Boolean":
                return ((Boolean) value) ? "1" : "0";
            case "DateTime", "DateTime2":
                return DATE_TIME.format(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            case "Byte", "Int16", "Int32", "Int64":
                return Long.toString(((Number) value).longValue());
            case "Currency":
                return ((BigDecimal) value).setScale(4, RoundingMode.UNNECESSARY).toPlainString();
            case "Decimal": {
                Matcher m = DECIMAL.matcher(dataType);
                if (!m.matches()) {
                    throw new IllegalArgumentException(dataType);
                }
                return ((BigDecimal) value).setScale(Integer.parseInt(m.group(2)), RoundingMode.UNNECESSARY)
                        .toPlainString();
            }
            default:
                throw new IllegalArgumentException("no canonical text for " + dataType + " in this test");
        }
    }

    /** SQL's trim: spaces only (not tabs or line breaks), as Spark's trim() and SQL Server's LTRIM/RTRIM. */
    static String trimSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
