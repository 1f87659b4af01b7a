package io.bfx.it.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Databricks bundle a real Maven build of the example generated (maven-invoker-plugin, src/it/&lt;case&gt;):
 * awlt-pushdown (Python notebooks, procedures, DDL) or awlt-sqlscripting (SQL-scripting notebooks).
 */
final class GeneratedSolution {

    static final String PROJECT = "EXT_AWLT_DBR";

    private final Path bundle;

    private GeneratedSolution(String invokerCase) {
        String builds = System.getProperty("bfx.it.builds", "target/it");
        this.bundle = Paths.get(builds, invokerCase, "target/bfx/databricks").toAbsolutePath();
        if (!Files.isDirectory(bundle)) {
            throw new IllegalStateException("No generated bundle at " + bundle + ": the invoker build of src/it/"
                    + invokerCase + " must run first (mvn verify runs it in pre-integration-test).");
        }
    }

    /** The example as is: Python notebooks, the steps as procedures, the DDL. */
    static GeneratedSolution pushdown() {
        return new GeneratedSolution("awlt-pushdown");
    }

    /** The example with sqlScripting: true: SQL-scripting notebooks. */
    static GeneratedSolution sqlScripting() {
        return new GeneratedSolution("awlt-sqlscripting");
    }

    /** The notebook of an object ({@code Customer}), {@code .py} or {@code .sql}. */
    Path notebook(String object, String extension) {
        return existing(bundle.resolve("src/" + PROJECT + "/bfx_awlt_" + object + "." + extension));
    }

    /** The procedure file of a step ({@code stg}, {@code psa}) of an object. */
    Path procedure(String step, String object) {
        return existing(bundle.resolve("sql/procedures/" + PROJECT + "/bfx_" + step + "_awlt_" + object + ".sql"));
    }

    /** Every DDL file, sorted by name. */
    List<Path> ddlFiles() {
        try (Stream<Path> files = Files.list(bundle.resolve("sql/ddl/" + PROJECT))) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The build did not generate " + file);
        }
        return file;
    }
}
