package io.bfx.model.load;

/** The shape of a metadata field's value, used by the binder, the JSON Schema and the reference documentation. */
public enum FieldType {
    STRING,
    BOOLEAN,
    INTEGER,
    CHOICE,
    STRING_LIST,
    STRING_MAP,
    SETTINGS,
    ENTITY,
    ENTITY_LIST
}
