package io.bfx.model;

import java.util.List;

/** BimlFlex's connection type: how a client connects. Informational for ADF; the system type decides the output. */
public enum ConnectionType implements Choice {
    OLEDB("OLEDB", "OLE DB provider."),
    ADONET("ADONET", "ADO.NET provider."),
    ODBC("ODBC", "ODBC driver."),
    AZB("AZB", "Azure Blob Storage."),
    AZDLS("AZDLS", "Azure Data Lake Storage Gen2."),
    FILE("FILE", "File system."),
    REST("REST", "REST API."),
    CUSTOM("CUSTOM", "Custom component.");

    private final String label;
    private final String description;

    ConnectionType(String label, String description) {
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
