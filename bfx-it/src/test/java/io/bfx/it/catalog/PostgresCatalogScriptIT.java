package io.bfx.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.it.catalog.Catalog.Start;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/** The PostgreSQL catalog script itself: idempotent, versioned, and shaped as the contract says. */
class PostgresCatalogScriptIT {

    @Test
    void scriptRunsTwiceOnTheSameDatabaseAndRecordsItsVersionOnce() throws SQLException {
        DataSource fresh = EmbeddedCatalog.newDatabase("bfx_idempotent");
        try (Connection c = fresh.getConnection()) {
            EmbeddedCatalog.applyScript(c);
            Catalog catalog = new Catalog(c);
            Start before = catalog.startBatch("Batch");
            catalog.end(before.executionId());
            catalog.setVariable("Src", "dbo.T", "ModifiedDate", "2024-01-01", before.executionId());

            EmbeddedCatalog.applyScript(c); // upgrade run on an existing catalog
            EmbeddedCatalog.applyScript(c);

            assertEquals(List.of("1"), column(c, "SELECT version FROM bfx.catalogversion ORDER BY version"));
            assertEquals(List.of("S"), column(c, "SELECT executionstatus FROM bfx.execution"), "data kept");
            assertEquals(List.of("2024-01-01"), column(c, "SELECT variablevalue FROM bfx.configvariable"));
            Start after = catalog.startBatch("Batch");
            assertEquals("E", after.executionStatus());
            assertEquals(before.executionId(), after.lastExecutionId(), "the catalog still works after re-runs");
        }
    }

    @Test
    void scriptCreatesTheContractsTables() throws SQLException {
        try (Connection c = EmbeddedCatalog.dataSource().getConnection()) {
            List<String> tables = column(c,
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'bfx'");
            assertEquals(new TreeSet<>(lower(CatalogContract.TABLES)), new TreeSet<>(tables));
            List<String> executionColumns = column(c, "SELECT column_name FROM information_schema.columns"
                    + " WHERE table_schema = 'bfx' AND table_name = 'execution'");
            assertTrue(executionColumns.containsAll(lower(CatalogContract.EXECUTION_COLUMNS)),
                    "Execution lacks contract columns: " + executionColumns);
        }
    }

    @Test
    void functionsTakeTheContractsParametersInOrderAndReturnItsColumns() throws SQLException {
        try (Connection c = EmbeddedCatalog.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT p.proargnames, p.proargmodes FROM pg_proc p"
                             + " JOIN pg_namespace n ON n.oid = p.pronamespace"
                             + " WHERE n.nspname = 'bfx' AND p.proname = ?")) {
            for (CatalogContract.Procedure procedure : CatalogContract.PROCEDURES.values()) {
                // unquoted in the script, so folded to lower case: callable case-insensitively
                ps.setString(1, procedure.name().toLowerCase(Locale.ROOT));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "no function bfx." + procedure.name());
                    String[] names = strings(rs.getArray(1));
                    String[] modes = rs.getArray(2) == null ? null : strings(rs.getArray(2));
                    List<String> inputs = new ArrayList<>();
                    List<String> outputs = new ArrayList<>();
                    for (int i = 0; i < names.length; i++) {
                        if (modes == null || "i".equals(modes[i])) {
                            // p_package_name -> packagename, compared with PackageName -> packagename
                            inputs.add(names[i].replaceFirst("^p_", "").replace("_", ""));
                        } else {
                            outputs.add(names[i]);
                        }
                    }
                    assertEquals(lower(procedure.parameters()), inputs, procedure.name() + " parameters");
                    assertEquals(procedure.results(), outputs, procedure.name() + " result columns (quoted)");
                    assertTrue(!rs.next(), "bfx." + procedure.name() + " is overloaded");
                }
            }
        }
    }

    private static String[] strings(Array array) throws SQLException {
        assertNotNull(array);
        Object[] values = (Object[]) array.getArray();
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = String.valueOf(values[i]);
        }
        return out;
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
