package io.bfx.model.load;

import io.bfx.model.SourceLocation;

/**
 * A single value with the type the file gave it. {@code text} is the value as written (without quotes), so a
 * string field accepts {@code schema: 2024} as "2024" while a boolean field can still refuse {@code "yes"}.
 */
public record ScalarNode(SourceLocation location, String text, Type type) implements Node {

    public enum Type {
        STRING("a string"),
        INTEGER("a whole number"),
        DECIMAL("a decimal number"),
        BOOLEAN("a boolean"),
        NULL("null");

        private final String noun;

        Type(String noun) {
            this.noun = noun;
        }
    }

    public boolean isNull() {
        return type == Type.NULL;
    }

    @Override
    public String kind() {
        return type.noun;
    }
}
