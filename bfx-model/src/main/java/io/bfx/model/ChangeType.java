package io.bfx.model;

/** How a column behaves downstream (BimlFlex change types). {@code CHG} is the default. */
public enum ChangeType implements Choice {
    KEY("Key: part of the business key."),
    CHG("Change (type 1): the latest value is kept."),
    HST("History (type 2): every change is kept as a new version."),
    IGN("Ignore: not loaded downstream."),
    CDC("Change data capture column."),
    HDK("Hashed driving key."),
    TRS("Transient: used in processing, not persisted."),
    EXC("Excluded from the Data Vault."),
    REF("Link reference."),
    DGA("Link degenerate attribute."),
    LSR("Link-satellite reference."),
    STH("Stub hub."),
    LDK("Link driving key."),
    MAK("Multi-active key."),
    MAS("Multi-active set."),
    HRF("Hub reference."),
    LNK("Link."),
    HNK("Hub natural key.");

    private final Text text;

    ChangeType(String description) {
        this.text = new Text(name(), java.util.List.of(), description); // BimlFlex writes these codes as they are
    }

    @Override
    public Text text() {
        return text;
    }
}
