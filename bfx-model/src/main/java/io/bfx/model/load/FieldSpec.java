package io.bfx.model.load;

import io.bfx.model.Choice;
import java.util.List;

/**
 * One field of a metadata entity: its key, the shape of its value, whether it is required, its default as the
 * documentation states it, and a sentence of description. The same specification drives binding (known keys,
 * required keys), the published JSON Schema and the reference documentation, so the three cannot drift apart.
 */
public record FieldSpec(
        String name,
        FieldType type,
        boolean required,
        String defaultText,
        String description,
        Class<? extends Choice> choices,
        EntitySpec entity) {

    public static FieldSpec string(String name, String description) {
        return new FieldSpec(name, FieldType.STRING, false, "", description, null, null);
    }

    public static FieldSpec required(String name, String description) {
        return new FieldSpec(name, FieldType.STRING, true, "", description, null, null);
    }

    public static FieldSpec bool(String name, boolean defaultValue, String description) {
        return new FieldSpec(name, FieldType.BOOLEAN, false, String.valueOf(defaultValue), description, null, null);
    }

    public static FieldSpec integer(String name, String defaultText, String description) {
        return new FieldSpec(name, FieldType.INTEGER, false, defaultText, description, null, null);
    }

    public static FieldSpec choice(String name, Class<? extends Choice> type, boolean required, String defaultText,
            String description) {
        return new FieldSpec(name, FieldType.CHOICE, required, defaultText, description, type, null);
    }

    public static FieldSpec stringList(String name, String description) {
        return new FieldSpec(name, FieldType.STRING_LIST, false, "", description, null, null);
    }

    public static FieldSpec stringMap(String name, String description) {
        return new FieldSpec(name, FieldType.STRING_MAP, false, "", description, null, null);
    }

    public static FieldSpec settings() {
        return new FieldSpec("settings", FieldType.SETTINGS, false, "",
                "Setting overrides for this element (key: value); see the settings reference.", null, null);
    }

    public static FieldSpec entity(String name, EntitySpec entity, String description) {
        return new FieldSpec(name, FieldType.ENTITY, false, "", description, null, entity);
    }

    public static FieldSpec entityList(String name, EntitySpec entity, boolean required, String description) {
        return new FieldSpec(name, FieldType.ENTITY_LIST, required, "", description, null, entity);
    }

    public FieldSpec withRequired() {
        return new FieldSpec(name, type, true, defaultText, description, choices, entity);
    }

    public FieldSpec withDefault(String text) {
        return new FieldSpec(name, type, required, text, description, choices, entity);
    }

    /** The allowed labels of a choice field. */
    public List<String> choiceLabels() {
        if (choices == null) {
            return List.of();
        }
        return java.util.Arrays.stream(choices.getEnumConstants()).map(Choice::label).toList();
    }
}
