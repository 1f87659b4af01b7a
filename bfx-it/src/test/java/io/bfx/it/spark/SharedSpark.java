package io.bfx.it.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of the failsafe JVM (local[2], Delta Lake), created on first use and stopped by a JVM
 * shutdown hook. Every Spark IT shares it: a session start costs seconds, the tests only milliseconds each.
 * Failsafe runs the IT classes one after the other in one JVM (see bfx-it's pom), so nothing runs concurrently.
 * The catalog is Spark's in-memory session catalog ({@code spark_catalog}); the warehouse and the landing area
 * live under {@code target/spark-it} and are emptied when the session starts.
 */
public final class SharedSpark {

    /** The catalog the tests pass to the generated SQL as bfx_stg_catalog and bfx_psa_catalog. */
    public static final String CATALOG = "spark_catalog";

    private static SparkSession session;

    private SharedSpark() {
    }

    /** The shared session, started on first use. */
    public static synchronized SparkSession session() {
        if (session == null) {
            Path root = root();
            deleteRecursively(root);
            try {
                Files.createDirectories(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            session = SparkSession.builder()
                    .appName("bfx-it")
                    .master("local[2]")
                    .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                    .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                    .config("spark.sql.warehouse.dir", root.resolve("warehouse").toUri().toString())
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    // Delta's defaults size snapshot and file-listing work for clusters; on 2 cores they make a
                    // MERGE several times slower (measured in the Spark probe). Speed only, no semantic change.
                    .config("spark.databricks.delta.snapshotPartitions", "2")
                    .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "2")
                    // The generated tables ask for Databricks' optimized writes and auto compaction (file layout
                    // only). On 2 local cores each costs an extra shuffle or post-commit job per write, about half
                    // of a load's time; these session settings take precedence over the table properties.
                    .config("spark.databricks.delta.optimizeWrite.enabled", "false")
                    .config("spark.databricks.delta.autoCompact.enabled", "false")
                    // No _delta_log/*.crc checksum files (bookkeeping that Delta verifies nothing against here):
                    // about a sixth less time per load.
                    .config("spark.databricks.delta.writeChecksumFile.enabled", "false")
                    // Plans over a few rows: adaptive re-planning and compiling generated code (Janino, for every
                    // new plan) cost more than they save. The interpreted path gives the same results (Spark's own
                    // tests hold both paths to that); the suite runs about a sixth faster.
                    .config("spark.sql.adaptive.enabled", "false")
                    .config("spark.sql.codegen.wholeStage", "false")
                    .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                    // Delta 4.4's SQL parser does not implement Spark 4.1+'s parsePlanWithParameters, so named
                    // parameter markers passed with SparkSession.sql(text, args) stay unbound
                    // (UNBOUND_SQL_PARAMETER, delta-io/delta#7640). The legacy post-parse binding works around
                    // it and allows markers where a constant is allowed, which is all the generated SQL uses
                    // (SET VAR x = CAST(:widget AS T)). Databricks does not need this setting.
                    .config("spark.sql.legacy.parameterSubstitution.constantsOnly", "true")
                    // Databricks runs in UTC unless told otherwise; the tests format and compare wall-clock
                    // times, so the session's zone must not depend on the machine's.
                    .config("spark.sql.session.timeZone", "UTC")
                    // TIMESTAMP values cross the Java boundary as java.time.Instant (no JVM-zone conversion).
                    .config("spark.sql.datetime.java8API.enabled", "true")
                    // What ADF's Copy activity writes for datetime columns (also Spark's default).
                    .config("spark.sql.parquet.outputTimestampType", "INT96")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(SharedSpark::stop, "bfx-it-spark-stop"));
        }
        return session;
    }

    /** {@code target/spark-it} of bfx-it. */
    public static Path root() {
        String builds = System.getProperty("bfx.it.builds");
        Path target = builds != null ? Paths.get(builds).getParent() : Paths.get("target");
        return target.resolve("spark-it").toAbsolutePath();
    }

    /** A fresh, empty landing root for one test class (the landing container of the generated SQL). */
    public static Path newLandingRoot(String name) {
        Path landing = root().resolve("landing").resolve(name);
        deleteRecursively(landing);
        try {
            Files.createDirectories(landing);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return landing;
    }

    /** Drops the Bronze schemas with their tables, so a test class starts from nothing. */
    public static void dropBronzeSchemas(String... schemas) {
        for (String schema : schemas) {
            session().sql("DROP SCHEMA IF EXISTS " + CATALOG + ".`" + schema + "` CASCADE");
        }
    }

    private static synchronized void stop() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
