package io.bfx.generate.adf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bfx.generate.ArtifactProducer.FileSink;
import io.bfx.generate.GeneratedFile;
import io.bfx.generate.GenerationException;
import io.bfx.generate.SolutionContext;
import io.bfx.generate.adf.RenderedJson.Ref;
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
 * counts) and hands each file to the sink. For the ARM template it keeps only a small entry per resource: the ARM
 * form of the properties goes to the spool as soon as the resource is rendered. Thread-safe.
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

    /**
     * A generated resource as the ARM template needs it: kind and name, where the ARM form of its properties is
     * in the spool, the resources it references (in document order), whether it reads a global parameter, and for
     * a linked service its file (few and small: their ARM form is parameterised when the template is built).
     */
    record Resource(Kind kind, String name, ArmSpool.Slot properties, List<Ref> references,
            boolean usesGlobalParameters, ObjectNode linkedService) {}

    private final SolutionContext context;
    private final FileSink sink;
    private final ArmSpool spool;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    /** One instance per distinct reference: ten thousand pipelines reference the same few datasets. */
    private final Map<Ref, Ref> references = new ConcurrentHashMap<>();

    AdfResources(SolutionContext context, FileSink sink, ArmSpool spool) {
        this.context = context;
        this.sink = sink;
        this.spool = spool;
    }

    /** Renders and writes {@code adf/<kind>/<name>.json}. */
    void emit(Kind kind, String name, String template, Object view) {
        String path = "adf/" + kind.folder + "/" + name + ".json";
        RenderedJson.Result json = RenderedJson.resource(path, context.templates().render(template, view),
                kind == Kind.PIPELINE);
        if (!name.equals(json.name())) {
            throw new GenerationException("Generated file " + path + " names the resource '"
                    + (json.name() == null ? "" : json.name()) + "' (a template error)");
        }
        if (kind == Kind.PIPELINE) {
            checkActivities(path, json.activityNames());
        }
        if (json.armProperties() == null) {
            throw new GenerationException("Generated file " + path + " has no 'properties' object (a template "
                    + "error)");
        }
        String key = kind + "/" + name.toLowerCase(Locale.ROOT);
        boolean linkedService = kind == Kind.LINKED_SERVICE;
        Resource resource = new Resource(kind, name, linkedService ? null : spool.append(json.armProperties()),
                json.references().stream().map(r -> references.computeIfAbsent(r, x -> x)).toList(),
                json.usesGlobalParameters(), linkedService ? JsonOutput.parse(path, json.text()) : null);
        if (resources.putIfAbsent(key, resource) != null) {
            throw new GenerationException("Two generated ADF " + kind.folder + "s are named '" + name
                    + "' (ADF names ignore case); rename one of the metadata elements they come from.");
        }
        sink.accept(GeneratedFile.text(path, json.text()));
    }

    /** Renders and writes a file that is not a factory resource (the factory file). */
    void emitFile(String path, String template, Object view) {
        sink.accept(GeneratedFile.text(path, RenderedJson.file(path, context.templates().render(template, view))
                .text()));
    }

    /** Every resource, by kind (linked services, datasets, pipelines, triggers), then name. */
    List<Resource> all() {
        List<Resource> out = new ArrayList<>(resources.values());
        out.sort(Comparator.comparing(Resource::kind).thenComparing(Resource::name));
        return out;
    }

    private static void checkActivities(String path, List<String> names) {
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
}
