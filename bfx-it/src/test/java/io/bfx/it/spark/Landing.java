package io.bfx.it.spark;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A landing container on the local disk, laid out as the generated ADF pipelines write it:
 * {@code <root>/awlt/SalesLT/<Object>/row_audit_id=<execution>/<file>.parquet} (record source, schema, object,
 * then one Hive-style partition folder per landing execution).
 */
final class Landing {

    private final Path root;

    Landing(Path root) {
        this.root = root.toAbsolutePath();
    }

    /** The value of the landing_root widget or parameter: a URL without a trailing slash, like abfss://... */
    String rootUrl() {
        return "file://" + root;
    }

    Path folder(LandedTable table, long rowAuditId) {
        return root.resolve("awlt/SalesLT").resolve(table.object()).resolve("row_audit_id=" + rowAuditId);
    }

    /** Writes the table's rows as the Parquet file(s) of one landing execution; an execution lands once. */
    void land(LandedTable table, long rowAuditId) {
        Path folder = folder(table, rowAuditId);
        if (Files.exists(folder)) {
            throw new IllegalStateException(folder + " was landed already");
        }
        SharedSpark.session().createDataFrame(table.rows(), table.schema())
                .coalesce(1)
                .write()
                .parquet(folder.toUri().toString());
    }
}
