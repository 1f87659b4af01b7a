package io.bfx.it.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.bfx.generate.databricks.HashSql;
import io.bfx.model.hash.HashSpec;
import io.bfx.model.types.DataType;
import io.bfx.model.types.DataTypes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Databricks cluster may set {@code spark.sql.session.timeZone} to anything. The generated SQL must not depend on
 * it: a timestamp hashed in Amsterdam and again in UTC would make every satellite row look changed, and a sentinel
 * like the ghost record's 0001-01-01 would be another instant. Checked under zones east and west of UTC, with
 * daylight saving time and odd offsets.
 */
class TimeZoneIndependenceIT {

    private static final List<String> ZONES = List.of("UTC", "America/Los_Angeles", "Europe/Amsterdam",
            "Asia/Kolkata", "Pacific/Chatham");
    private static final Pattern TIMESTAMP_LITERAL = Pattern.compile("TIMESTAMP '[^']*'");

    @AfterEach
    void backToUtc() {
        SharedSpark.session().conf().set("spark.sql.session.timeZone", "UTC");
    }

    @Test
    void timestampsHashAsTheSpecificationSaysInEverySessionTimeZone() {
        SparkSession spark = SharedSpark.session();
        DataType type = DataTypes.parse("DateTime2(7)").type();
        List<LocalDateTime> values = List.of(
                LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
                LocalDateTime.of(2024, 3, 31, 1, 30), // Amsterdam springs forward at 02:00 local (01:00 UTC)
                LocalDateTime.of(2024, 10, 27, 0, 30), // Amsterdam's repeated hour, first pass (UTC 00:30)
                LocalDateTime.of(2024, 10, 27, 1, 30), // and second pass (UTC 01:30): the same wall clock there
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), // before the epoch
                LocalDateTime.of(1, 1, 1, 0, 0), // the ghost record's start
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000));
        String expression = HashSql.canonicalText("c", type);
        for (String zone : ZONES) {
            spark.conf().set("spark.sql.session.timeZone", zone);
            for (LocalDateTime v : values) {
                long micros = Math.addExact(Math.multiplyExact(v.toEpochSecond(ZoneOffset.UTC), 1_000_000L),
                        v.getNano() / 1_000);
                // timestamp_micros builds the instant without reading any zone.
                String actual = spark.sql("SELECT " + expression + " FROM (SELECT timestamp_micros(" + micros
                        + "L) AS c)").first().getString(0);
                assertEquals(HashSpec.canonicalText(v, type), actual, v + " hashed in session time zone " + zone);
            }
        }
    }

    @Test
    void everyTimestampLiteralOfTheGeneratedSqlIsTheSameInstantInEverySessionTimeZone() {
        SparkSession spark = SharedSpark.session();
        Set<String> literals = new TreeSet<>();
        for (Path root : List.of(GeneratedSolution.pushdown().bundle(), GeneratedSolution.sqlScripting().bundle())) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".py")
                        || p.toString().endsWith(".sql")).toList()) {
                    Matcher m = TIMESTAMP_LITERAL.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        literals.add(m.group());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertFalse(literals.isEmpty(), "the Silver and Gold SQL has sentinel timestamps");
        for (String literal : literals) {
            List<Long> instants = new ArrayList<>();
            for (String zone : ZONES) {
                spark.conf().set("spark.sql.session.timeZone", zone);
                instants.add(spark.sql("SELECT unix_micros(" + literal + ")").first().getLong(0));
            }
            assertEquals(1, new TreeSet<>(instants).size(), literal + " in " + ZONES + ": " + instants);
        }
    }
}
