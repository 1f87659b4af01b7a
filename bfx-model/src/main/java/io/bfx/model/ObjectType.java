package io.bfx.model;

import java.util.List;

/** What kind of object a metadata object is. Source objects are tables or views. */
public enum ObjectType implements Choice {
    TABLE("Table", "TBL", "A source table."),
    VIEW("View", "VIEW", "A source view (extracted like a table).");

    private final String label;
    private final String code;
    private final String description;

    ObjectType(String label, String code, String description) {
        this.label = label;
        this.code = code;
        this.description = description;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> aliases() {
        return List.of(code);
    }

    @Override
    public String description() {
        return description;
    }
}
