package io.bfx.it.spark;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs generated notebooks on the shared Spark session the way Databricks would, without Databricks:
 * <ul>
 * <li>a Python notebook: its {@code spark.sql(...)} calls, extracted with Python's own parser
 * (src/test/python/extract_notebook_sql.py, python3 and ast), run in source order; a call inside
 * {@code with bfx_step("<name>")} runs when the step widget is {@code all} or that name, as the notebook's
 * bfx_step does; {@code args=bfx_args} binds every widget value (strings, as dbutils.widgets.get returns them);</li>
 * <li>a SQL-scripting notebook: its cells split at {@code -- COMMAND ----------}; the CREATE WIDGET cell is
 * Databricks-only and is not run (its widget names are checked against the values given), every statement of
 * the variables cell runs with the widget values as named parameters, and the {@code BEGIN ... END} cell runs
 * as one statement.</li>
 * </ul>
 */
final class Notebooks {

    /** One spark.sql call of a Python notebook, as the extractor reports it. */
    record SparkSqlCall(int line, String sql, boolean args, String step, boolean first) {
    }

    private static final Pattern CELL = Pattern.compile("(?m)^-- COMMAND ----------[ \\t]*$");
    private static final Pattern WIDGET = Pattern.compile("(?i)^CREATE WIDGET TEXT\\s+(\\w+)\\s+DEFAULT\\s+'.*'$");
    private static final Map<Path, List<SparkSqlCall>> EXTRACTED = new ConcurrentHashMap<>();

    private Notebooks() {
    }

    /** The statements inside {@code IF bfx_step IN ('all', '<step>') THEN ... END IF;} of a SQL notebook's script. */
    static String scriptStep(Path notebook, String step) {
        String text = read(notebook);
        String start = "IF bfx_step IN ('all', '" + step + "') THEN\n";
        int from = text.indexOf(start);
        int to = text.indexOf("\n  END IF;", from);
        if (from < 0 || to < from) {
            throw new AssertionError(notebook + ": no block for step " + step);
        }
        return text.substring(from + start.length(), to);
    }

    /** The widget values of a manual run (execution_id -1: nothing logged) on the test catalog. */
    static Map<String, String> widgets(long rowAuditId, String step, String landingRoot) {
        Map<String, String> w = new LinkedHashMap<>();
        w.put("execution_id", "-1");
        w.put("row_audit_id", Long.toString(rowAuditId));
        w.put("step", step);
        w.put("stg_catalog", SharedSpark.CATALOG);
        w.put("psa_catalog", SharedSpark.CATALOG);
        w.put("landing_root", landingRoot);
        return w;
    }

    /**
     * The widget values of a manual run of a Silver or Gold notebook on the test catalog: the persistent staging
     * catalog and the target's ({@code dv_catalog} for Silver, {@code dm_catalog} for Gold).
     */
    static Map<String, String> targetWidgets(String targetCatalogWidget) {
        Map<String, String> w = new LinkedHashMap<>();
        w.put("execution_id", "-1");
        w.put("step", "all");
        w.put("psa_catalog", SharedSpark.CATALOG);
        w.put(targetCatalogWidget, SharedSpark.CATALOG);
        return w;
    }

    /** The spark.sql calls of a Python notebook, in source order, read by python3's ast. */
    static List<SparkSqlCall> extract(Path notebook) {
        return EXTRACTED.computeIfAbsent(notebook.toAbsolutePath(), Notebooks::runExtractor);
    }

    /**
     * Runs a Python notebook's SQL; returns the row counts the notebook logs ({@code run.log_row_count(...,
     * spark.sql(...).first()[0])}), by step.
     */
    static Map<String, Long> runPython(Path notebook, Map<String, String> widgets) {
        SparkSession spark = SharedSpark.session();
        Map<String, Object> args = new LinkedHashMap<>(widgets);
        Map<String, Long> counts = new LinkedHashMap<>();
        String selected = widgets.get("step");
        for (SparkSqlCall call : extract(notebook)) {
            if (call.step() != null && !selected.equals("all") && !selected.equals(call.step())) {
                continue;
            }
            try {
                var result = call.args() ? spark.sql(call.sql(), args) : spark.sql(call.sql());
                if (call.first()) {
                    Row first = result.first();
                    counts.put(call.step(), ((Number) first.get(0)).longValue());
                }
            } catch (RuntimeException e) {
                throw new AssertionError(notebook.getFileName() + " line " + call.line() + " failed on Spark: "
                        + e.getMessage() + "\n--- SQL ---\n" + call.sql(), e);
            }
        }
        return counts;
    }

    /** Runs a SQL-scripting notebook. */
    static void runSql(Path notebook, Map<String, String> widgets) {
        SparkSession spark = SharedSpark.session();
        Map<String, Object> args = new LinkedHashMap<>(widgets);
        String text = read(notebook);
        if (!text.startsWith("-- Databricks notebook source")) {
            throw new AssertionError(notebook + " is not a Databricks SQL notebook");
        }
        int scripts = 0;
        for (String cell : CELL.split(text)) {
            String code = SqlText.withoutLeadingComments(cell);
            if (code.isBlank()) {
                continue; // the title cell: markdown only
            }
            String head = code.toUpperCase(java.util.Locale.ROOT);
            try {
                if (head.startsWith("CREATE WIDGET")) {
                    checkWidgets(notebook, code, widgets.keySet());
                } else if (head.startsWith("BEGIN")) {
                    scripts++;
                    spark.sql(cell.strip());
                } else {
                    for (String statement : SqlText.statements(cell)) {
                        spark.sql(statement, args);
                    }
                }
            } catch (RuntimeException e) {
                throw new AssertionError(notebook.getFileName() + ": a cell failed on Spark: " + e.getMessage()
                        + "\n--- cell ---\n" + cell, e);
            }
        }
        if (scripts != 1) {
            throw new AssertionError(notebook + " has " + scripts + " BEGIN ... END cells, expected one");
        }
    }

    /** The notebook's widgets must be exactly the values the test passes (nothing unbound, nothing unused). */
    private static void checkWidgets(Path notebook, String cell, Set<String> given) {
        List<String> declared = new ArrayList<>();
        for (String statement : SqlText.statements(cell)) {
            Matcher m = WIDGET.matcher(statement);
            if (!m.matches()) {
                throw new AssertionError(notebook + ": unexpected statement in the widget cell: " + statement);
            }
            declared.add(m.group(1));
        }
        if (!Set.copyOf(declared).equals(given)) {
            throw new AssertionError(notebook + " declares widgets " + declared + ", the test passes " + given);
        }
    }

    private static List<SparkSqlCall> runExtractor(Path notebook) {
        Path script = pythonScript();
        ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), notebook.toString());
        Path stderr;
        try {
            stderr = Files.createTempFile("bfx-extract", ".err");
            pb.redirectError(stderr.toFile());
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("extract_notebook_sql.py did not finish on " + notebook);
            }
            String err = Files.readString(stderr);
            Files.deleteIfExists(stderr);
            if (p.exitValue() != 0) {
                throw new AssertionError("extract_notebook_sql.py failed (" + p.exitValue() + ") on " + notebook
                        + ": " + err);
            }
            List<SparkSqlCall> calls = new ObjectMapper().readValue(new String(out, StandardCharsets.UTF_8),
                    new TypeReference<List<SparkSqlCall>>() { });
            if (calls.isEmpty()) {
                throw new AssertionError("no spark.sql call found in " + notebook);
            }
            return List.copyOf(calls);
        } catch (IOException e) {
            throw new AssertionError("cannot run python3 " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** src/test/python/extract_notebook_sql.py of bfx-it. */
    static Path pythonScript() {
        String builds = System.getProperty("bfx.it.builds");
        Path module = builds != null ? Paths.get(builds).getParent().getParent() : Paths.get("");
        Path script = module.resolve("src/test/python/extract_notebook_sql.py").toAbsolutePath();
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("missing " + script);
        }
        return script;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
