package io.bfx.generate.adf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bfx.generate.ArtifactProducer.FileSink;
import io.bfx.generate.GeneratedFile;
import io.bfx.generate.GenerationException;
import io.bfx.generate.SolutionContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders ADF resources, normalises their JSON, checks what ADF would refuse (duplicate names, activity names and
 * counts) and hands each file to the sink. Keeps every resource for the ARM template. Thread-safe.
 */
final class AdfResources {

    /** ADF's limit of activities per pipeline, inner activities of containers included. */
    static final int MAX_ACTIVITIES_PER_PIPELINE = 80;

    /** The resource types in git-integration layout: folder and ARM resource type segment. */
    enum Kind {
        LINKED_SERVICE("linkedService", "linkedservices"),
        DATASET("dataset", "datasets"),
        PIPELINE("pipeline", "pipelines"),
        TRIGGER("trigger", "triggers");

        final String folder;
        final String armSegment;

        Kind(String folder, String armSegment) {
            this.folder = folder;
            this.armSegment = armSegment;
        }
    }

    /** A generated resource: its kind, name and the normalised file content. */
    record Resource(Kind kind, String name, ObjectNode file) {}

    private final SolutionContext context;
    private final FileSink sink;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();

    AdfResources(SolutionContext context, FileSink sink) {
        this.context = context;
        this.sink = sink;
    }

    /** Renders and writes {@code adf/<kind>/<name>.json}. */
    void emit(Kind kind, String name, String template, Object view) {
        String path = "adf/" + kind.folder + "/" + name + ".json";
        ObjectNode node = JsonOutput.parse(path, context.templates().render(template, view));
        if (!name.equals(node.path("name").asText(null))) {
            throw new GenerationException("Generated file " + path + " names the resource '"
                    + node.path("name").asText("") + "' (a template error)");
        }
        if (kind == Kind.PIPELINE) {
            checkActivities(path, node);
        }
        String key = kind + "/" + name.toLowerCase(Locale.ROOT);
        if (resources.putIfAbsent(key, new Resource(kind, name, node)) != null) {
            throw new GenerationException("Two generated ADF " + kind.folder + "s are named '" + name
                    + "' (ADF names ignore case); rename one of the metadata elements they come from.");
        }
        sink.accept(GeneratedFile.text(path, JsonOutput.write(node)));
    }

    /** Renders and writes a file that is not a factory resource (the factory file). */
    ObjectNode emitFile(String path, String template, Object view) {
        ObjectNode node = JsonOutput.parse(path, context.templates().render(template, view));
        sink.accept(GeneratedFile.text(path, JsonOutput.write(node)));
        return node;
    }

    /** Writes a file built in code (the ARM template and its parameters). */
    void write(String path, ObjectNode node) {
        sink.accept(GeneratedFile.text(path, JsonOutput.write(node)));
    }

    /** Every resource, by kind (linked services, datasets, pipelines, triggers), then name. */
    List<Resource> all() {
        List<Resource> out = new ArrayList<>(resources.values());
        out.sort(Comparator.comparing(Resource::kind).thenComparing(Resource::name));
        return out;
    }

    private static void checkActivities(String path, ObjectNode pipeline) {
        List<String> names = new ArrayList<>();
        collectActivityNames(pipeline.path("properties").path("activities"), names);
        if (names.size() > MAX_ACTIVITIES_PER_PIPELINE) {
            throw new GenerationException(path + " has " + names.size() + " activities; ADF allows "
                    + MAX_ACTIVITIES_PER_PIPELINE + " per pipeline. Lower the batch's number of objects or projects.");
        }
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (n.length() > ActivityNames.MAX_LENGTH) {
                throw new GenerationException(path + ": activity name '" + n + "' is longer than "
                        + ActivityNames.MAX_LENGTH + " characters");
            }
            if (!seen.add(n.toLowerCase(Locale.ROOT))) {
                throw new GenerationException(path + ": two activities are named '" + n + "'");
            }
        }
    }

    private static void collectActivityNames(JsonNode activities, List<String> out) {
        for (JsonNode a : activities) {
            out.add(a.path("name").asText());
            JsonNode tp = a.path("typeProperties");
            for (String inner : new String[] {"ifTrueActivities", "ifFalseActivities", "activities"}) {
                collectActivityNames(tp.path(inner), out);
            }
        }
    }
}
