package io.bfx.generate.databricks;

import io.bfx.model.Batch;
import io.bfx.model.Connection;
import io.bfx.model.DataObject;
import io.bfx.model.Project;
import io.bfx.model.naming.Names;

/** One source object as a project loads it into Bronze, with every connection it passes through resolved. */
public record BronzeObject(Project project, Batch batch, DataObject object, Connection source, Connection landing,
        Connection staging, Connection psa) {

    public String table() {
        return Names.bronzeTable(source, object);
    }

    public boolean hasPersistentStaging() {
        return psa != null;
    }

    public CatalogTable stagingTable() {
        return new CatalogTable(SessionVariables.STAGING_CATALOG.variable(), staging.schema(), table());
    }

    public CatalogTable stagingSchema() {
        return new CatalogTable(SessionVariables.STAGING_CATALOG.variable(), staging.schema(), null);
    }

    public CatalogTable psaTable() {
        return new CatalogTable(SessionVariables.PSA_CATALOG.variable(), psa.schema(), table());
    }

    public CatalogTable psaSchema() {
        return new CatalogTable(SessionVariables.PSA_CATALOG.variable(), psa.schema(), null);
    }

    /** The landing folder, relative to the landing container. */
    public String landingFolder() {
        return Names.landingFolder(landing, source, object);
    }
}
