package io.bfx.model;

import java.util.List;

/** What kind of object a metadata object is. Source objects are tables or views. */
public enum ObjectType implements Choice {
    TABLE("Table", "TBL", "A source table."),
    VIEW("View", "VIEW", "A source view (extracted like a table).");

    private final Text text;

    ObjectType(String label, String code, String description) {
        this.text = new Text(label, List.of(code), description);
    }

    @Override
    public Text text() {
        return text;
    }
}
