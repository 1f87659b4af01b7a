package io.bfx.generate.adf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reading generated ADF JSON in tests. */
final class AdfJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AdfJson() {}

    static JsonNode read(Path out, String relative) {
        try {
            return MAPPER.readTree(out.resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every activity of a pipeline, inner activities of containers included, in document order. */
    static List<JsonNode> activities(JsonNode pipeline) {
        List<JsonNode> out = new ArrayList<>();
        collect(pipeline.path("properties").path("activities"), out);
        return out;
    }

    private static void collect(JsonNode activities, List<JsonNode> out) {
        for (JsonNode a : activities) {
            out.add(a);
            for (String inner : new String[] {"ifTrueActivities", "ifFalseActivities", "activities"}) {
                collect(a.path("typeProperties").path(inner), out);
            }
        }
    }

    static Optional<JsonNode> activity(JsonNode pipeline, String name) {
        return activities(pipeline).stream().filter(a -> a.path("name").asText().equals(name)).findFirst();
    }

    static JsonNode required(JsonNode pipeline, String name) {
        return activity(pipeline, name).orElseThrow(() -> new AssertionError("no activity " + name));
    }

    /** The activity names the given one depends on, with their conditions, as "name:Cond|Cond". */
    static List<String> dependsOn(JsonNode activity) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : activity.path("dependsOn")) {
            List<String> conditions = new ArrayList<>();
            d.path("dependencyConditions").forEach(c -> conditions.add(c.asText()));
            out.add(d.path("activity").asText() + ":" + String.join("|", conditions));
        }
        return out;
    }

    /** Visits every string value of a tree. */
    static void strings(JsonNode node, Consumer<String> visitor) {
        if (node.isTextual()) {
            visitor.accept(node.textValue());
        }
        node.forEach(child -> strings(child, visitor));
    }
}
