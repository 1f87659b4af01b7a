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

    private final Text text;

    ConnectionType(String label, String description) {
        this.text = new Text(label, List.of(), description);
    }

    @Override
    public Text text() {
        return text;
    }
}
