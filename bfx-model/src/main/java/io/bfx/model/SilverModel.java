package io.bfx.model;

import java.util.List;

/** How the Silver layer of a project is modelled. */
public enum SilverModel implements Choice {
    DATA_VAULT("DataVault", List.of("DV"), "Data Vault: hubs, links and satellites derived from the source metadata."),
    NORMAL_FORM("NormalForm", List.of("NF", "3NF"), "Normal form: one current-state table per object, loaded by MERGE.");

    private final Text text;

    SilverModel(String label, List<String> aliases, String description) {
        this.text = new Text(label, aliases, description);
    }

    @Override
    public Text text() {
        return text;
    }
}
