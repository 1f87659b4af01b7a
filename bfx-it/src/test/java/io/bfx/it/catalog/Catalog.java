package io.bfx.it.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Calls the catalog's PostgreSQL functions the way a pipeline or bfxutils.py would (positional). */
final class Catalog {

    /** The row LogExecutionStart returns. */
    record Start(long executionId, String executionStatus, String nextLoadStatus, Long lastExecutionId) {
    }

    private final Connection connection;

    Catalog(Connection connection) {
        this.connection = connection;
    }

    Start start(String packageName, boolean isBatch, Long parentExecutionId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT \"ExecutionID\", \"ExecutionStatus\", \"NextLoadStatus\", \"LastExecutionID\""
                        + " FROM bfx.LogExecutionStart(?, ?, ?, ?, ?)")) {
            ps.setString(1, packageName);
            ps.setString(2, "ItProject");
            ps.setBoolean(3, isBatch);
            setLong(ps, 4, parentExecutionId);
            ps.setString(5, "run-" + packageName);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("LogExecutionStart returned no row");
                }
                Start start = new Start(rs.getLong(1), rs.getString(2), rs.getString(3), longOrNull(rs, 4));
                if (rs.next()) {
                    throw new AssertionError("LogExecutionStart returned more than one row");
                }
                return start;
            }
        }
    }

    Start startBatch(String packageName) throws SQLException {
        return start(packageName, true, null);
    }

    Start startChild(String packageName, long parentExecutionId) throws SQLException {
        return start(packageName, false, parentExecutionId);
    }

    void end(long executionId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT bfx.LogExecutionEnd(?)")) {
            ps.setLong(1, executionId);
            ps.execute();
        }
    }

    /** LogExecutionError; returns the NextLoadStatus the catalog answered. */
    String error(long executionId, String activity, String message, String failedStage) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT \"ExecutionID\", \"NextLoadStatus\" FROM bfx.LogExecutionError(?, ?, ?, ?)")) {
            ps.setLong(1, executionId);
            ps.setString(2, activity);
            ps.setString(3, message);
            ps.setString(4, failedStage);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("LogExecutionError returned no row");
                }
                if (rs.getLong(1) != executionId) {
                    throw new AssertionError("LogExecutionError returned ExecutionID " + rs.getLong(1));
                }
                return rs.getString(2);
            }
        }
    }

    void rowCount(long executionId, String objectName, String countType, long rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT bfx.LogRowCount(?, ?, ?, ?)")) {
            ps.setLong(1, executionId);
            ps.setString(2, objectName);
            ps.setString(3, countType);
            ps.setLong(4, rows);
            ps.execute();
        }
    }

    String getVariable(String system, String object, String variable, String defaultValue, Long executionId)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT \"VariableValue\" FROM bfx.GetConfigVariable(?, ?, ?, ?, ?)")) {
            ps.setString(1, system);
            ps.setString(2, object);
            ps.setString(3, variable);
            ps.setString(4, defaultValue);
            setLong(ps, 5, executionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("GetConfigVariable returned no row");
                }
                return rs.getString(1);
            }
        }
    }

    void setVariable(String system, String object, String variable, String value, Long executionId)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT bfx.SetConfigVariable(?, ?, ?, ?, ?)")) {
            ps.setString(1, system);
            ps.setString(2, object);
            ps.setString(3, variable);
            ps.setString(4, value);
            setLong(ps, 5, executionId);
            ps.execute();
        }
    }

    /** The stored row of an execution (to check what the catalog wrote, not only what it answered). */
    record Row(String executionStatus, String nextLoadStatus, Long lastExecutionId, boolean ended) {
    }

    Row row(long executionId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT executionstatus, nextloadstatus, lastexecutionid, endtime IS NOT NULL"
                        + " FROM bfx.execution WHERE executionid = ?")) {
            ps.setLong(1, executionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no execution " + executionId);
                }
                return new Row(rs.getString(1), rs.getString(2), longOrNull(rs, 3), rs.getBoolean(4));
            }
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static Long longOrNull(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? null : value;
    }
}
