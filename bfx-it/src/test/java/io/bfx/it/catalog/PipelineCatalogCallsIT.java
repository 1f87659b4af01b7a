package io.bfx.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated ADF pipelines call the run catalog exactly as the catalog defines it: every procedure they call
 * exists in the contract (and so in both scripts, which the other catalog tests hold to the contract), with the
 * contract's parameters, and every result column they read is one the procedure returns.
 */
class PipelineCatalogCallsIT {

    private static final Pattern FIRST_ROW = Pattern.compile("activity\\('(\\w+)'\\)\\.output\\.firstRow\\.(\\w+)");
    private static final Pattern PROCEDURE = Pattern.compile("^\\[?bfx\\]?\\.\\[?(\\w+)\\]?$");

    private record Call(Path file, String activity, String procedure, TreeSet<String> parameters) {}

    private static List<Path> pipelines() throws IOException {
        Path builds = Path.of(System.getProperty("bfx.it.builds", "target/it"));
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(builds)) {
            walk.filter(p -> p.toString().replace('\\', '/').contains("/target/bfx/adf/pipeline/"))
                    .filter(p -> p.toString().endsWith(".json")).sorted().forEach(out::add);
        }
        return out;
    }

    private static void collect(Path file, JsonNode node, List<Call> calls, Map<String, String> activityProcedures) {
        if (node.isObject()) {
            JsonNode tp = node.path("typeProperties");
            String name = null;
            JsonNode parameters = null;
            if (tp.path("source").has("sqlReaderStoredProcedureName")) {
                name = tp.path("source").path("sqlReaderStoredProcedureName").asText();
                parameters = tp.path("source").path("storedProcedureParameters");
            } else if (tp.has("storedProcedureName")) {
                name = tp.path("storedProcedureName").asText();
                parameters = tp.path("storedProcedureParameters");
            }
            if (name != null) {
                TreeSet<String> names = new TreeSet<>();
                parameters.fieldNames().forEachRemaining(names::add);
                Matcher m = PROCEDURE.matcher(name);
                String procedure = m.matches() ? m.group(1) : name;
                calls.add(new Call(file, node.path("name").asText(), procedure, names));
                activityProcedures.put(file + "#" + node.path("name").asText(), procedure);
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                collect(file, it.next(), calls, activityProcedures);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(file, n, calls, activityProcedures));
        }
    }

    @Test
    void everyCatalogCallMatchesTheContract() throws IOException {
        List<Path> files = pipelines();
        assertTrue(files.size() >= 12, "generated pipelines found: " + files.size());
        List<Call> calls = new ArrayList<>();
        Map<String, String> activityProcedures = new java.util.HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (Path f : files) {
            collect(f, json.readTree(f.toFile()), calls, activityProcedures);
        }
        assertTrue(calls.stream().map(Call::procedure).distinct().count() >= 5, "catalog procedures called");
        List<String> problems = new ArrayList<>();
        for (Call call : calls) {
            CatalogContract.Procedure p = CatalogContract.PROCEDURES.get(call.procedure());
            if (p == null) {
                problems.add(call.file().getFileName() + " " + call.activity() + " calls unknown procedure " + call.procedure());
            } else if (!new TreeSet<>(p.parameters()).equals(call.parameters())) {
                problems.add(call.file().getFileName() + " " + call.activity() + " passes " + call.parameters()
                        + " to " + call.procedure() + ", which takes " + p.parameters());
            }
        }
        // Result columns read from a Lookup must be returned by the procedure it calls.
        for (Path f : files) {
            Matcher m = FIRST_ROW.matcher(Files.readString(f));
            while (m.find()) {
                String procedure = activityProcedures.get(f + "#" + m.group(1));
                if (procedure == null) {
                    continue; // a Lookup on the source (the upper watermark), not on the catalog
                }
                List<String> results = CatalogContract.PROCEDURES.get(procedure).results();
                if (!results.contains(m.group(2))) {
                    problems.add(f.getFileName() + " reads " + m.group(2) + " from " + m.group(1) + " (" + procedure
                            + " returns " + results + ")");
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
