package io.bfx.generate.adf;

import io.bfx.generate.adf.AdfResources.Kind;
import io.bfx.model.Connection;
import io.bfx.model.SystemType;
import io.bfx.model.naming.Names;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shared, parameterised datasets: one table dataset per source, a Parquet and a Binary dataset per landing
 * connection, one dataset per run catalog for the Lookups that call its procedures.
 */
final class Datasets {

    public record SqlTableDataset(String name, String type, String linkedService) {}

    public record FileDataset(String name, String linkedService, String locationType, String containerProperty,
            String storage) {}

    public record CatalogDataset(String name, String type, String linkedService) {}

    private final AdfResources out;

    Datasets(AdfResources out) {
        this.out = out;
    }

    void produce(List<ProjectConnections> projects) {
        Map<String, Connection> sources = new TreeMap<>();
        Map<String, Connection> landings = new TreeMap<>();
        Map<String, Connection> catalogs = new TreeMap<>();
        for (ProjectConnections pc : projects) {
            sources.put(pc.source().name(), pc.source());
            landings.put(pc.landing().name(), pc.landing());
            catalogs.put(pc.catalog().name(), pc.catalog());
        }
        for (Connection c : sources.values()) {
            out.emit(Kind.DATASET, Names.sourceDataset(c), "adf/dataset-sql-table.json.mustache",
                    new SqlTableDataset(Names.sourceDataset(c), tableType(c), Names.linkedService(c)));
        }
        for (Connection c : landings.values()) {
            boolean blob = c.systemType() == SystemType.AZURE_BLOB_STORAGE;
            String location = blob ? "AzureBlobStorageLocation" : "AzureBlobFSLocation";
            String container = blob ? "container" : "fileSystem";
            out.emit(Kind.DATASET, Names.parquetDataset(c), "adf/dataset-parquet.json.mustache",
                    new FileDataset(Names.parquetDataset(c), Names.linkedService(c), location, container, c.name()));
            out.emit(Kind.DATASET, Names.binaryDataset(c), "adf/dataset-binary.json.mustache",
                    new FileDataset(Names.binaryDataset(c), Names.linkedService(c), location, container, c.name()));
        }
        for (Connection c : catalogs.values()) {
            out.emit(Kind.DATASET, Names.catalogDataset(c), "adf/dataset-catalog.json.mustache",
                    new CatalogDataset(Names.catalogDataset(c), tableType(c), Names.linkedService(c)));
        }
    }

    static String tableType(Connection c) {
        return c.systemType() == SystemType.AZURE_SQL_DATABASE ? "AzureSqlTable" : "SqlServerTable";
    }

    static String sourceType(Connection c) {
        return c.systemType() == SystemType.AZURE_SQL_DATABASE ? "AzureSqlSource" : "SqlServerSource";
    }

    static String readSettings(Connection landing) {
        return landing.systemType() == SystemType.AZURE_BLOB_STORAGE ? "AzureBlobStorageReadSettings"
                : "AzureBlobFSReadSettings";
    }

    static String writeSettings(Connection landing) {
        return landing.systemType() == SystemType.AZURE_BLOB_STORAGE ? "AzureBlobStorageWriteSettings"
                : "AzureBlobFSWriteSettings";
    }
}
