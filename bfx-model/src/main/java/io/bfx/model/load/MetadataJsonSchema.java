package io.bfx.model.load;

import io.bfx.model.Choice;
import io.bfx.model.settings.SettingDefinition;
import io.bfx.model.settings.Settings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the JSON Schema (draft 2020-12) of the metadata format from {@link MetadataSpec} and the settings
 * registry, so editors can complete and check metadata files. The published copy in the plugin jar is compared
 * with this output by a test, so it cannot drift from what bfx accepts.
 */
public final class MetadataJsonSchema {

    public static final String ID = "https://bfx.io/schemas/bfx-metadata.schema.json";

    private MetadataJsonSchema() {}

    public static String generate() {
        Json j = new Json();
        j.open();
        j.field("$schema", "https://json-schema.org/draft/2020-12/schema");
        j.field("$id", ID);
        j.field("title", "bfx metadata");
        j.field("description", MetadataSpec.FILE.description());
        entityBody(j, MetadataSpec.FILE);
        j.key("$defs");
        j.open();
        for (EntitySpec e : MetadataSpec.all()) {
            if (e == MetadataSpec.FILE) {
                continue;
            }
            j.key(e.name());
            j.open();
            j.field("description", e.description());
            entityBody(j, e);
            j.close();
        }
        j.key("Settings");
        settings(j);
        j.close();
        j.close();
        return j.toString();
    }

    private static void entityBody(Json j, EntitySpec e) {
        j.field("type", "object");
        List<String> required = e.fields().stream().filter(FieldSpec::required).map(FieldSpec::name).toList();
        if (!required.isEmpty()) {
            j.key("required");
            j.array(required);
        }
        j.key("properties");
        j.open();
        for (FieldSpec f : e.fields()) {
            j.key(f.name());
            j.open();
            String description = f.description() + (f.defaultText().isEmpty() ? "" : " Default: " + f.defaultText() + ".");
            j.field("description", description);
            switch (f.type()) {
                case STRING -> j.key("type").raw("[\"string\", \"number\", \"boolean\"]");
                case BOOLEAN -> j.key("type").raw("[\"boolean\", \"string\"]");
                case INTEGER -> j.field("type", "integer");
                case CHOICE -> {
                    j.field("type", "string");
                    j.key("enum");
                    j.array(choiceValues(f.choices()));
                }
                case STRING_LIST -> j.key("oneOf").raw("[{\"type\": \"string\"}, {\"type\": \"array\", \"items\": {\"type\": \"string\"}}]");
                case STRING_MAP -> j.key("type").raw("\"object\", \"additionalProperties\": {\"type\": [\"string\", \"number\", \"boolean\"]}");
                case SETTINGS -> j.field("$ref", "#/$defs/Settings");
                case ENTITY -> j.field("$ref", "#/$defs/" + f.entity().name());
                case ENTITY_LIST -> {
                    j.field("type", "array");
                    j.key("items").raw("{\"$ref\": \"#/$defs/" + f.entity().name() + "\"}");
                }
            }
            j.close();
        }
        j.close();
        j.key("additionalProperties").raw("false");
    }

    private static void settings(Json j) {
        j.open();
        j.field("description", "Setting overrides: the most specific scope wins (object, project, batch, connection, top level).");
        j.field("type", "object");
        j.key("properties");
        j.open();
        for (SettingDefinition d : Settings.all()) {
            j.key(d.key());
            j.open();
            j.field("description", d.description() + " Default: '" + d.defaultValue() + "'. Allowed: "
                    + d.type().describe() + ".");
            j.key("type").raw("[\"string\", \"number\", \"boolean\"]");
            j.close();
        }
        j.close();
        j.key("additionalProperties").raw("false");
        j.close();
    }

    private static List<String> choiceValues(Class<? extends Choice> type) {
        Set<String> values = new LinkedHashSet<>();
        for (Choice c : type.getEnumConstants()) {
            values.add(c.label());
            values.addAll(c.aliases());
        }
        return new ArrayList<>(values);
    }

    /** A tiny pretty-printing JSON writer: this module has no JSON object mapper, and the output must be stable. */
    private static final class Json {
        private final StringBuilder b = new StringBuilder();
        private int depth;
        private boolean first = true;
        private boolean afterKey;

        private void separator() {
            if (afterKey) {
                afterKey = false;
                return;
            }
            if (!first) {
                b.append(',');
            }
            if (depth > 0) {
                b.append('\n').append("  ".repeat(depth));
            }
            first = false;
        }

        void open() {
            separator();
            b.append('{');
            depth++;
            first = true;
        }

        void close() {
            depth--;
            b.append('\n').append("  ".repeat(depth)).append('}');
            first = false;
        }

        Json key(String k) {
            separator();
            b.append(quote(k)).append(": ");
            afterKey = true;
            return this;
        }

        void field(String k, String v) {
            key(k);
            raw(quote(v));
        }

        Json raw(String json) {
            separator();
            b.append(json);
            return this;
        }

        void array(List<String> values) {
            raw("[" + String.join(", ", values.stream().map(Json::quote).toList()) + "]");
        }

        static String quote(String s) {
            StringBuilder q = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> q.append("\\\"");
                    case '\\' -> q.append("\\\\");
                    case '\n' -> q.append("\\n");
                    default -> q.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            return q.append('"').toString();
        }

        @Override
        public String toString() {
            return b.append('\n').toString();
        }
    }

    /** Prints the schema; used to refresh the published copy: {@code java ... MetadataJsonSchema > file}. */
    public static void main(String[] args) {
        System.out.print(generate());
    }
}
