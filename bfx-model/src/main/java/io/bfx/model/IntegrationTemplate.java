package io.bfx.model;

import java.util.List;

/** How a project is orchestrated. bfx generates Azure Data Factory; the other BimlFlex templates are refused. */
public enum IntegrationTemplate implements Choice {
    ADF("ADF", "Azure Data Factory pipelines with Databricks processing."),
    SSIS("SSIS", "SQL Server Integration Services (not supported by bfx)."),
    DFL("DFL", "ADF mapping data flows (not supported by bfx)."),
    S2FIL("S2FIL", "Source to file (not supported by bfx)."),
    S2ZIP("S2ZIP", "Source to zip file (not supported by bfx).");

    private final String label;
    private final String description;

    IntegrationTemplate(String label, String description) {
        this.label = label;
        this.description = description;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> aliases() {
        return List.of();
    }

    @Override
    public String description() {
        return description;
    }
}
