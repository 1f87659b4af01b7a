package io.bfx.it.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The procedures of docs/run-catalog.md ("Procedures" table), written down once for the tests, and
 * the readers of the catalog scripts and of the contract document itself.
 */
final class CatalogContract {

    /** One procedure: its parameters in the contract's order, and its result columns (empty: none). */
    record Procedure(String name, List<String> parameters, List<String> results) {
    }

    static final Map<String, Procedure> PROCEDURES = new LinkedHashMap<>();

    static {
        add("LogExecutionStart",
                List.of("PackageName", "ProjectName", "IsBatch", "ParentExecutionID", "RunId"),
                List.of("ExecutionID", "ExecutionStatus", "NextLoadStatus", "LastExecutionID"));
        add("LogExecutionEnd", List.of("ExecutionID"), List.of());
        add("LogExecutionError", List.of("ExecutionID", "ActivityName", "ErrorMessage", "FailedStage"),
                List.of("ExecutionID", "NextLoadStatus"));
        add("LogRowCount", List.of("ExecutionID", "ObjectName", "CountType", "RowCount"), List.of());
        add("GetConfigVariable",
                List.of("SystemName", "ObjectName", "VariableName", "DefaultValue", "ExecutionID"),
                List.of("VariableValue"));
        add("SetConfigVariable",
                List.of("SystemName", "ObjectName", "VariableName", "VariableValue", "ExecutionID"),
                List.of());
    }

    /** The contract's tables (schema bfx). */
    static final List<String> TABLES =
            List.of("CatalogVersion", "Package", "Execution", "ExecutionError", "RowCount", "ConfigVariable");

    /** The Execution columns the contract names. */
    static final List<String> EXECUTION_COLUMNS = List.of("ExecutionID", "ParentExecutionID", "PackageID",
            "RunId", "ExecutionStatus", "NextLoadStatus", "LastExecutionID", "StartTime", "EndTime");

    static final String POSTGRESQL_SCRIPT = "io/bfx/templates/catalog/postgresql/bfx_catalog.sql";
    static final String SQLSERVER_SCRIPT = "io/bfx/templates/catalog/sqlserver/bfx_catalog.sql";

    private CatalogContract() {
    }

    private static void add(String name, List<String> parameters, List<String> results) {
        PROCEDURES.put(name, new Procedure(name, parameters, results));
    }

    /** A catalog script as shipped in the bfx-templates jar. */
    static String script(String resource) {
        try (InputStream in = CatalogContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("not on the test classpath (bfx-templates jar): " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** docs/run-catalog.md of this checkout. */
    static Path contractDocument() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path doc = module.resolve("../docs/run-catalog.md").normalize();
        if (!Files.isRegularFile(doc)) {
            throw new IllegalStateException("docs/run-catalog.md not found at " + doc);
        }
        return doc;
    }

    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    /** The "Procedures" table of docs/run-catalog.md, parsed: name, parameters, result columns. */
    static Map<String, Procedure> proceduresInDocument() throws IOException {
        Map<String, Procedure> found = new LinkedHashMap<>();
        for (String line : Files.readAllLines(contractDocument(), StandardCharsets.UTF_8)) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            if (cells.length < 4) {
                continue;
            }
            List<String> name = backticked(cells[1]);
            if (name.size() != 1) {
                continue;
            }
            // "`FailedStage` (`COPY`, `DATABRICKS` or `OTHER`)": the parenthesised values are no parameters.
            List<String> parameters = backticked(cells[2].replaceAll("\\([^)]*\\)", ""));
            String returns = cells[3].trim();
            List<String> results = returns.startsWith("nothing") ? List.of() : backticked(returns);
            if (parameters.isEmpty() || returns.isEmpty()) {
                continue; // another table (tables, status codes)
            }
            found.put(name.get(0), new Procedure(name.get(0), parameters, results));
        }
        return found;
    }

    private static List<String> backticked(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = BACKTICKED.matcher(text);
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }
}
