package io.bfx.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** High-watermarks: GetConfigVariable / SetConfigVariable on a real PostgreSQL. */
class ConfigVariableIT {

    private static final String SYSTEM = "ItSource";

    private Connection connection;
    private Catalog catalog;
    private String object;

    @BeforeEach
    void open(TestInfo test) throws SQLException {
        connection = EmbeddedCatalog.dataSource().getConnection();
        connection.setAutoCommit(true);
        catalog = new Catalog(connection);
        object = "dbo." + test.getTestMethod().orElseThrow().getName(); // variables of this test only
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    /** VariableValue, PreviousValue, ExecutionID as stored. */
    private record Stored(String value, String previous, Long executionId) {
    }

    private Stored stored(String variable) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT variablevalue, previousvalue, executionid FROM bfx.configvariable"
                        + " WHERE systemname = ? AND objectname = ? AND variablename = ?")) {
            ps.setString(1, SYSTEM);
            ps.setString(2, object);
            ps.setString(3, variable);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long id = rs.getLong(3);
                Long executionId = rs.wasNull() ? null : id;
                return new Stored(rs.getString(1), rs.getString(2), executionId);
            }
        }
    }

    private void set(String variable, String value, long executionId) throws SQLException {
        catalog.setVariable(SYSTEM, object, variable, value, executionId);
    }

    @Test
    void getConfigVariableStoresAndReturnsTheDefault() throws SQLException {
        assertNull(stored("ModifiedDate"));
        assertEquals("1900-01-01", catalog.getVariable(SYSTEM, object, "ModifiedDate", "1900-01-01", 7L));
        assertEquals(new Stored("1900-01-01", null, 7L), stored("ModifiedDate"), "the default is stored");
        assertEquals("1900-01-01", catalog.getVariable(SYSTEM, object, "ModifiedDate", "2000-01-01", 8L),
                "a stored value wins over another default");
        set("ModifiedDate", "2024-05-01T00:00:00", 9L);
        assertEquals("2024-05-01T00:00:00", catalog.getVariable(SYSTEM, object, "ModifiedDate", "1900-01-01", 10L));
    }

    @Test
    void dateWatermarksNeverMoveBackwards() throws SQLException {
        set("ModifiedDate", "2024-01-02T09:00:00Z", 1L);
        assertEquals(new Stored("2024-01-02T09:00:00Z", null, 1L), stored("ModifiedDate"));

        set("ModifiedDate", "2024-01-01", 2L); // earlier date
        assertEquals(new Stored("2024-01-02T09:00:00Z", null, 1L), stored("ModifiedDate"));

        // 10:00+02:00 is 08:00 UTC, earlier than 09:00Z, although it sorts later as text.
        set("ModifiedDate", "2024-01-02T10:00:00+02:00", 3L);
        assertEquals("2024-01-02T09:00:00Z", stored("ModifiedDate").value());

        // A different format of a later instant moves it, keeping the old value.
        set("ModifiedDate", "2024-01-02 09:30:00.1234567", 4L);
        assertEquals(new Stored("2024-01-02 09:30:00.1234567", "2024-01-02T09:00:00Z", 4L), stored("ModifiedDate"));
    }

    @Test
    void numericWatermarksAreComparedAsNumbers() throws SQLException {
        set("Id", "9", 1L);
        set("Id", "10", 2L); // "10" < "9" as text
        assertEquals(new Stored("10", "9", 2L), stored("Id"));
        set("Id", "9.5", 3L);
        set("Id", "-100", 4L);
        assertEquals(new Stored("10", "9", 2L), stored("Id"));
        set("Id", "10.25", 5L);
        assertEquals(new Stored("10.25", "10", 5L), stored("Id"));
        // Eight digits are a number, not the date 2023-12-31 / 2024-01-01, and 99999999 is no date at all.
        set("Key", "20231231", 6L);
        set("Key", "99999999", 7L);
        set("Key", "20240101", 8L);
        assertEquals(new Stored("99999999", "20231231", 7L), stored("Key"));
    }

    @Test
    void otherValuesAreComparedAsText() throws SQLException {
        set("Version", "0x00000000000007D1", 1L);
        set("Version", "0x00000000000007D0", 2L);
        assertEquals("0x00000000000007D1", stored("Version").value());
        set("Version", "0x00000000000007D2", 3L);
        assertEquals(new Stored("0x00000000000007D2", "0x00000000000007D1", 3L), stored("Version"));
        // A date and a number do not compare as either: text. "2024-01-01" > "1000" as text.
        set("Mixed", "2024-01-01", 4L);
        set("Mixed", "1000", 5L);
        assertEquals("2024-01-01", stored("Mixed").value());
    }

    @Test
    void nullAndEmptyValuesAreIgnored() throws SQLException {
        set("ModifiedDate", null, 1L);
        set("ModifiedDate", "", 1L);
        assertNull(stored("ModifiedDate"), "nothing stored for an empty first value");
        set("ModifiedDate", "2024-03-01", 2L);
        set("ModifiedDate", null, 3L);
        set("ModifiedDate", "", 4L);
        set("ModifiedDate", "   ", 5L);
        assertEquals(new Stored("2024-03-01", null, 2L), stored("ModifiedDate"));
    }

    @Test
    void equalValueChangesNothing() throws SQLException {
        set("ModifiedDate", "2024-01-01", 1L);
        set("ModifiedDate", "2024-02-01", 2L);
        set("ModifiedDate", "2024-02-01T00:00:00", 3L); // the same instant
        assertEquals(new Stored("2024-02-01", "2024-01-01", 2L), stored("ModifiedDate"),
                "PreviousValue and ExecutionID still tell the last real change");
    }
}
