package io.bfx.model;

import java.util.List;

/** How a project is orchestrated. bfx generates Azure Data Factory; the other BimlFlex templates are refused. */
public enum IntegrationTemplate implements Choice {
    ADF("ADF", "Azure Data Factory pipelines with Databricks processing."),
    SSIS("SSIS", "SQL Server Integration Services (not supported by bfx)."),
    DFL("DFL", "ADF mapping data flows (not supported by bfx)."),
    S2FIL("S2FIL", "Source to file (not supported by bfx)."),
    S2ZIP("S2ZIP", "Source to zip file (not supported by bfx).");

    private final Text text;

    IntegrationTemplate(String label, String description) {
        this.text = new Text(label, List.of(), description);
    }

    @Override
    public Text text() {
        return text;
    }
}
