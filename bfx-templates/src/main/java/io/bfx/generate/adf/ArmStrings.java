package io.bfx.generate.adf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;

/**
 * Escaping for ARM templates. ARM evaluates every string that starts with {@code [} as a template expression;
 * a literal such a string must be written with {@code [[} (ARM removes one bracket). ADF's own export does the
 * same, for example {@code "[[bfx].[LogExecutionStart]"}.
 */
public final class ArmStrings {

    private ArmStrings() {}

    /** A literal string for an ARM template. */
    public static String literal(String value) {
        return value.startsWith("[") ? "[" + value : value;
    }

    /** A copy of {@code node} with every string value escaped with {@link #literal}; keys are left alone. */
    public static JsonNode escapeTree(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(literal(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                copy.set(e.getKey(), escapeTree(e.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            for (JsonNode item : node) {
                copy.add(escapeTree(item));
            }
            return copy;
        }
        return node.deepCopy();
    }
}
