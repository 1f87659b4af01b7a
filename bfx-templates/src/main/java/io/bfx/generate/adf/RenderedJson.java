package io.bfx.generate.adf;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.bfx.generate.GenerationException;
import io.bfx.generate.adf.AdfResources.Kind;
import java.io.IOException;
import java.io.CharArrayWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One streaming pass over the rendered text of an ADF file, in place of parsing it into a tree, printing the tree,
 * keeping it for the ARM template and copying it there escaped. The pass
 *
 * <ul>
 *   <li>checks that the text is strict JSON, exactly as {@link JsonOutput#parse} does: one object, no trailing
 *       token, no duplicate key, no comment or trailing comma; a template mistake fails generation with the file
 *       and position;</li>
 *   <li>writes it in the canonical layout of {@link JsonOutput#write} (the same generator and printer, so the same
 *       bytes);</li>
 *   <li>for a factory resource, writes its {@code properties} as they go into the ARM template (every string
 *       escaped with {@link ArmStrings#literal}, indented for its place there), and collects what the checks and
 *       the template need: the resource's name, its activity names, the resources it references and whether it
 *       reads a global parameter.</li>
 * </ul>
 *
 * <p>Output goes to a {@link CharArrayWriter}: the generator hands over its buffer in large chunks, which a
 * {@code StringWriter} would compress into its Latin-1 buffer character by character.
 */
final class RenderedJson {

    /** A reference from a resource to another: {@code {"referenceName": ..., "type": "PipelineReference"}}. */
    record Ref(Kind kind, String name) {}

    /**
     * What one pass found.
     *
     * @param text the canonical text, with its final newline
     * @param name the top-level {@code name} as text (null when missing or null)
     * @param activityNames every activity name, inner activities of containers included (pipelines only)
     * @param references the resources referenced from {@code properties}, in document order
     * @param usesGlobalParameters whether a string of {@code properties} reads a factory global parameter
     * @param armProperties {@code properties} as they go into the ARM template (resources only; null if none)
     */
    record Result(String text, String name, List<String> activityNames, List<Ref> references,
            boolean usesGlobalParameters, String armProperties) {}

    /** How deep a resource's {@code properties} value sits in an ARM template: root, resources, resource. */
    static final int ARM_PROPERTIES_NESTING = 3;

    private static final String GLOBAL_PARAMETERS = "pipeline().globalParameters.";

    /** Where a value is, for what the pass collects. */
    private enum Role { OTHER, PROPERTIES, ACTIVITIES, ACTIVITY, TYPE_PROPERTIES }

    /** An activity and its inner activities, to list the names in the order the old tree walk did. */
    private static final class Activity {
        String name = "";
        List<Activity> ifTrue = List.of();
        List<Activity> ifFalse = List.of();
        List<Activity> inner = List.of();
    }

    private final String path;
    private final String rendered;
    private final boolean resource;
    private final boolean pipeline;
    private JsonParser p;
    private JsonGenerator git;
    private JsonGenerator arm;
    private CharArrayWriter armText;
    private final List<Ref> references = new ArrayList<>();
    private List<Activity> activities = List.of();
    private boolean usesGlobals;
    /** Inside the resource's {@code properties}: values also go to the ARM output, references are collected. */
    private boolean inProperties;

    private RenderedJson(String path, String rendered, boolean resource, boolean pipeline) {
        this.path = path;
        this.rendered = rendered;
        this.resource = resource;
        this.pipeline = pipeline;
    }

    /** A file that is not a factory resource (the factory file): checked and written canonically. */
    static Result file(String path, String rendered) {
        return new RenderedJson(path, rendered, false, false).run();
    }

    /** A factory resource; {@code pipeline} also collects its activity names. */
    static Result resource(String path, String rendered, boolean pipeline) {
        return new RenderedJson(path, rendered, true, pipeline).run();
    }

    private Result run() {
        CharArrayWriter text = new CharArrayWriter(rendered.length());
        try (JsonParser parser = JsonOutput.factory().createParser(rendered);
                JsonGenerator generator = JsonOutput.generator(text, 0)) {
            p = parser;
            git = generator;
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                if (t != null) {
                    p.skipChildren();
                    noTrailingTokens();
                }
                throw new GenerationException("Generated file " + path + " is not a JSON object (a template error)");
            }
            String name = null;
            git.writeStartObject();
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                git.writeFieldName(field);
                t = p.nextToken();
                if (field.equals("name")) {
                    name = scalarText(t, true);
                }
                if (resource && field.equals("properties") && t == JsonToken.START_OBJECT) {
                    armText = new CharArrayWriter(rendered.length() + rendered.length() / 4);
                    arm = JsonOutput.generator(armText, ARM_PROPERTIES_NESTING);
                    copy(t, Role.PROPERTIES, null);
                    arm.close();
                } else {
                    copy(t, Role.OTHER, null);
                }
            }
            git.writeEndObject();
            noTrailingTokens();
            git.flush();
            text.write('\n');
            List<String> names = new ArrayList<>();
            flatten(activities, names);
            return new Result(text.toString(), name, names, references, usesGlobals,
                    armText == null ? null : armText.toString());
        } catch (JsonProcessingException e) {
            throw JsonOutput.invalid(path, rendered, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Databind's FAIL_ON_TRAILING_TOKENS, for the streaming parser. */
    private void noTrailingTokens() throws IOException {
        JsonToken trailing = p.nextToken();
        if (trailing != null) {
            throw JsonOutput.invalid(path, rendered, "Trailing token (of type " + trailing + ") found after the "
                    + "document's object", p.currentLocation().getLineNr(), p.currentLocation().getColumnNr(), null);
        }
    }

    /** Copies the value at {@code t} (with everything inside it) to the outputs. */
    private void copy(JsonToken t, Role role, Activity activity) throws IOException {
        switch (t) {
            case START_OBJECT -> copyObject(role, activity);
            case START_ARRAY -> copyArray(role);
            case VALUE_STRING -> {
                String v = p.getText();
                git.writeString(v);
                if (inProperties) {
                    arm.writeString(ArmStrings.literal(v));
                    if (v.contains(GLOBAL_PARAMETERS)) {
                        usesGlobals = true;
                    }
                }
            }
            case VALUE_NUMBER_INT -> {
                switch (p.getNumberType()) {
                    case INT -> {
                        int v = p.getIntValue();
                        git.writeNumber(v);
                        if (inProperties) {
                            arm.writeNumber(v);
                        }
                    }
                    case LONG -> {
                        long v = p.getLongValue();
                        git.writeNumber(v);
                        if (inProperties) {
                            arm.writeNumber(v);
                        }
                    }
                    default -> {
                        var v = p.getBigIntegerValue();
                        git.writeNumber(v);
                        if (inProperties) {
                            arm.writeNumber(v);
                        }
                    }
                }
            }
            case VALUE_NUMBER_FLOAT -> {
                double v = p.getDoubleValue(); // a tree holds JSON fractions as doubles too
                git.writeNumber(v);
                if (inProperties) {
                    arm.writeNumber(v);
                }
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                boolean v = t == JsonToken.VALUE_TRUE;
                git.writeBoolean(v);
                if (inProperties) {
                    arm.writeBoolean(v);
                }
            }
            case VALUE_NULL -> {
                git.writeNull();
                if (inProperties) {
                    arm.writeNull();
                }
            }
            default -> throw new IllegalStateException("Unexpected JSON token " + t + " in " + path);
        }
    }

    private void copyObject(Role role, Activity activity) throws IOException {
        boolean enters = role == Role.PROPERTIES;
        if (enters) {
            inProperties = true;
        }
        git.writeStartObject();
        if (inProperties) {
            arm.writeStartObject();
        }
        // A reference is recorded where its object starts, as a pre-order walk of the tree would meet it.
        int at = references.size();
        String referenceName = null;
        String referenceType = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            git.writeFieldName(field);
            if (inProperties) {
                arm.writeFieldName(field);
            }
            t = p.nextToken();
            if (inProperties && t == JsonToken.VALUE_STRING) {
                if (field.equals("referenceName")) {
                    referenceName = p.getText();
                } else if (field.equals("type")) {
                    referenceType = p.getText();
                }
            }
            Role child = Role.OTHER;
            Activity childActivity = null;
            if (pipeline) {
                if (role == Role.PROPERTIES && field.equals("activities")) {
                    child = Role.ACTIVITIES;
                } else if (role == Role.ACTIVITY && field.equals("name")) {
                    activity.name = scalarText(t, false);
                } else if (role == Role.ACTIVITY && field.equals("typeProperties")) {
                    child = Role.TYPE_PROPERTIES;
                    childActivity = activity;
                } else if (role == Role.TYPE_PROPERTIES && (field.equals("ifTrueActivities")
                        || field.equals("ifFalseActivities") || field.equals("activities"))) {
                    child = Role.ACTIVITIES;
                    childActivity = activity;
                }
            }
            if (child == Role.ACTIVITIES) {
                List<Activity> list = copyActivities(t);
                if (role == Role.PROPERTIES) {
                    activities = list;
                } else if (field.equals("ifTrueActivities")) {
                    childActivity.ifTrue = list;
                } else if (field.equals("ifFalseActivities")) {
                    childActivity.ifFalse = list;
                } else {
                    childActivity.inner = list;
                }
            } else {
                copy(t, child == Role.TYPE_PROPERTIES && t != JsonToken.START_OBJECT ? Role.OTHER : child,
                        childActivity);
            }
        }
        git.writeEndObject();
        if (inProperties) {
            arm.writeEndObject();
            Kind kind = referenceName == null || referenceType == null ? null : switch (referenceType) {
                case "LinkedServiceReference" -> Kind.LINKED_SERVICE;
                case "DatasetReference" -> Kind.DATASET;
                case "PipelineReference" -> Kind.PIPELINE;
                default -> null; // integration runtimes are created outside bfx
            };
            if (kind != null) {
                references.add(at, new Ref(kind, referenceName));
            }
        }
        if (enters) {
            inProperties = false;
        }
    }

    private void copyArray(Role role) throws IOException {
        git.writeStartArray();
        if (inProperties) {
            arm.writeStartArray();
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            copy(t, Role.OTHER, null);
        }
        git.writeEndArray();
        if (inProperties) {
            arm.writeEndArray();
        }
    }

    /**
     * An activities list: each element of an array (each value of an object) is an activity, named by its
     * {@code name} ("" when it has none), its inner activities under {@code typeProperties}.
     */
    private List<Activity> copyActivities(JsonToken t) throws IOException {
        List<Activity> list = new ArrayList<>();
        if (t == JsonToken.START_ARRAY) {
            git.writeStartArray();
            if (inProperties) {
                arm.writeStartArray();
            }
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                Activity a = new Activity();
                list.add(a);
                copy(t, t == JsonToken.START_OBJECT ? Role.ACTIVITY : Role.OTHER, a);
            }
            git.writeEndArray();
            if (inProperties) {
                arm.writeEndArray();
            }
        } else if (t == JsonToken.START_OBJECT) {
            git.writeStartObject();
            if (inProperties) {
                arm.writeStartObject();
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                git.writeFieldName(field);
                if (inProperties) {
                    arm.writeFieldName(field);
                }
                t = p.nextToken();
                Activity a = new Activity();
                list.add(a);
                copy(t, t == JsonToken.START_OBJECT ? Role.ACTIVITY : Role.OTHER, a);
            }
            git.writeEndObject();
            if (inProperties) {
                arm.writeEndObject();
            }
        } else {
            copy(t, Role.OTHER, null);
        }
        return list;
    }

    /** Names in the order of a walk that lists an activity, then its true, false and inner activities. */
    private static void flatten(List<Activity> activities, List<String> out) {
        for (Activity a : activities) {
            out.add(a.name);
            flatten(a.ifTrue, out);
            flatten(a.ifFalse, out);
            flatten(a.inner, out);
        }
    }

    /**
     * A value's text as a tree node gives it: {@code asText(null)} with {@code nullAsNull} (null for JSON null),
     * else {@code asText()} ("null"); "" for an object or array.
     */
    private String scalarText(JsonToken t, boolean nullAsNull) throws IOException {
        return switch (t) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getText();
            case VALUE_NULL -> nullAsNull ? null : "null";
            default -> "";
        };
    }
}
