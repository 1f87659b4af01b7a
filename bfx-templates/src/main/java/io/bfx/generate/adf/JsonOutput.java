package io.bfx.generate.adf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Parses rendered JSON and writes it back in one canonical layout: two-space indentation, {@code "key": value},
 * keys in template order, LF line endings and a final newline. Parsing is strict (no trailing commas, no
 * duplicate keys, no comments), so a template mistake fails generation with the file and position.
 * {@link RenderedJson} does both in one streaming pass with the same parser and printer.
 */
public final class JsonOutput {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

    private static final ObjectWriter WRITER = MAPPER.writer(printer(INDENTER));

    /** The canonical layout, with {@code indenter} for objects and arrays. */
    private static DefaultPrettyPrinter printer(DefaultPrettyPrinter.Indenter indenter) {
        return new DefaultPrettyPrinter()
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter)
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
    }

    /**
     * Indents as if {@code offset} levels deeper: a value written on its own this way can be put as it is where
     * it sits that deep in a larger document (a resource's properties inside an ARM template).
     */
    private record OffsetIndenter(int offset) implements DefaultPrettyPrinter.Indenter {
        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            INDENTER.writeIndentation(g, level + offset);
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }

    private JsonOutput() {}

    /** Parses the rendered text of {@code path}; it must be one JSON object. */
    public static ObjectNode parse(String path, String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalid(path, text, e);
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

    /** The factory of the strict parser (duplicate keys refused) and of generators. */
    static JsonFactory factory() {
        return MAPPER.getFactory();
    }

    /**
     * A generator writing the canonical layout into {@code out}, as if its first value were {@code nesting}
     * levels deep (0 for a document of its own).
     */
    static JsonGenerator generator(Writer out, int nesting) {
        try {
            JsonGenerator g = MAPPER.getFactory().createGenerator(out);
            g.setPrettyPrinter(printer(nesting == 0 ? INDENTER : new OffsetIndenter(nesting)));
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code node} with {@code g} (and its printer). */
    static void writeTree(JsonGenerator g, JsonNode node) throws IOException {
        MAPPER.writeTree(g, node);
    }

    /** The failure of a file whose text is not valid JSON, with the position and the lines around it. */
    static GenerationException invalid(String path, String text, JsonProcessingException e) {
        return invalid(path, text, e.getOriginalMessage(), e.getLocation().getLineNr(),
                e.getLocation().getColumnNr(), e);
    }

    static GenerationException invalid(String path, String text, String problem, int line, int column,
            Throwable cause) {
        return new GenerationException("Generated file " + path + " is not valid JSON (a template error): "
                + problem + " at line " + line + ", column " + column + "\n" + excerpt(text, line), cause);
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
