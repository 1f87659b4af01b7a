package io.bfx.generate.adf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bfx.generate.GenerationException;

/**
 * Parses rendered JSON and writes it back in one canonical layout: two-space indentation, {@code "key": value},
 * keys in template order, LF line endings and a final newline. Parsing is strict (no trailing commas, no
 * duplicate keys, no comments), so a template mistake fails generation with the file and position.
 */
public final class JsonOutput {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("")));

    private JsonOutput() {}

    /** Parses the rendered text of {@code path}; it must be one JSON object. */
    public static ObjectNode parse(String path, String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new GenerationException("Generated file " + path + " is not valid JSON (a template error): "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "\n" + excerpt(text, e.getLocation().getLineNr()), e);
        }
        if (node == null || !node.isObject()) {
            throw new GenerationException("Generated file " + path + " is not a JSON object (a template error)");
        }
        return (ObjectNode) node;
    }

    /** The canonical text of {@code node}. */
    public static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new GenerationException("Cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** A fresh, empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    private static String excerpt(String text, int line) {
        String[] lines = text.split("\n", -1);
        StringBuilder b = new StringBuilder();
        for (int i = Math.max(1, line - 2); i <= Math.min(lines.length, line + 2); i++) {
            b.append(String.format("%5d| %s%n", i, lines[i - 1]));
        }
        return b.toString();
    }
}
