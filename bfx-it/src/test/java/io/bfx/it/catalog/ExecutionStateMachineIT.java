package io.bfx.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.bfx.it.catalog.Catalog.Row;
import io.bfx.it.catalog.Catalog.Start;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The run catalog's state machine (docs/run-catalog.md, "State machine") on a real PostgreSQL:
 * what LogExecutionStart answers after each kind of ending.
 */
class ExecutionStateMachineIT {

    private DataSource dataSource;
    private Connection connection;
    private Catalog catalog;
    private String prefix;

    @BeforeEach
    void open(TestInfo test) throws SQLException {
        dataSource = EmbeddedCatalog.dataSource();
        connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        catalog = new Catalog(connection);
        // The database is shared: every test uses package names of its own.
        prefix = test.getTestMethod().orElseThrow().getName() + "_";
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private String name(String suffix) {
        return prefix + suffix;
    }

    @Test
    void successPathStartsWithEAndEndsWithSAndP() throws SQLException {
        String batch = name("Batch");
        Start first = catalog.startBatch(batch);
        assertEquals("E", first.executionStatus());
        assertNull(first.lastExecutionId(), "no successful execution yet");
        assertFalse(catalog.row(first.executionId()).ended());

        catalog.end(first.executionId());
        Row ended = catalog.row(first.executionId());
        assertEquals("S", ended.executionStatus());
        assertEquals("P", ended.nextLoadStatus());
        assertTrue(ended.ended());

        Start second = catalog.startBatch(batch);
        assertEquals("E", second.executionStatus());
        assertEquals(first.executionId(), second.lastExecutionId(), "LastExecutionID = latest success");
        assertNotEquals(first.executionId(), second.executionId());
    }

    @Test
    void copyFailureMakesTheBatchRestartAndExtractAgain() throws SQLException {
        String batch = name("Batch");
        String child = name("Copy_Customer");
        Start run1 = catalog.startBatch(batch);
        Start copy1 = catalog.startChild(child, run1.executionId());
        assertEquals("E", copy1.executionStatus());
        assertEquals("R", catalog.error(copy1.executionId(), "Copy Customer", "source unreachable", "COPY"));
        assertEquals("R", catalog.error(run1.executionId(), "Execute Copy_Customer", "child failed", "COPY"));
        assertEquals("F", catalog.row(run1.executionId()).executionStatus());
        assertEquals("F", catalog.row(copy1.executionId()).executionStatus());

        Start run2 = catalog.startBatch(batch);
        assertEquals("R", run2.executionStatus());
        assertNull(run2.lastExecutionId(), "the batch never succeeded");
        Start copy2 = catalog.startChild(child, run2.executionId());
        assertEquals("R", copy2.executionStatus(), "the failed copy extracts again");
        catalog.end(copy2.executionId());
        catalog.end(run2.executionId());

        Start run3 = catalog.startBatch(batch);
        assertEquals("E", run3.executionStatus());
        assertEquals(run2.executionId(), run3.lastExecutionId());
    }

    @Test
    void databricksFailureAfterAllCopiesSucceededRestartsDatabricksOnTheLandedData() throws SQLException {
        String batch = name("Batch");
        Start run1 = catalog.startBatch(batch);
        for (String table : List.of("Copy_Customer", "Copy_Order")) {
            Start copy = catalog.startChild(name(table), run1.executionId());
            catalog.end(copy.executionId());
        }
        assertEquals("D", catalog.error(run1.executionId(), "Run notebooks", "notebook failed", "DATABRICKS"));

        Start run2 = catalog.startBatch(batch);
        assertEquals("D", run2.executionStatus());
        assertEquals(run1.executionId(), run2.lastExecutionId(), "reuses the data the failed run landed");
        assertEquals("D", catalog.row(run2.executionId()).executionStatus());
    }

    @Test
    void repeatedDatabricksRestartKeepsPointingAtTheOriginalData() throws SQLException {
        String batch = name("Batch");
        Start run1 = catalog.startBatch(batch);
        catalog.end(catalog.startChild(name("Copy_Customer"), run1.executionId()).executionId());
        assertEquals("D", catalog.error(run1.executionId(), "Run notebooks", "boom", "DATABRICKS"));

        Start run2 = catalog.startBatch(batch);
        assertEquals("D", run2.executionStatus());
        assertEquals(run1.executionId(), run2.lastExecutionId());
        // The D run starts no copies, fails in Databricks again: D again, on the same data.
        assertEquals("D", catalog.error(run2.executionId(), "Run notebooks", "boom again", "DATABRICKS"));

        Start run3 = catalog.startBatch(batch);
        assertEquals("D", run3.executionStatus());
        assertEquals(run1.executionId(), run3.lastExecutionId(), "not the failed D run's own id");
        catalog.end(run3.executionId());

        Start run4 = catalog.startBatch(batch);
        assertEquals("E", run4.executionStatus(), "after the restart succeeded, a normal run");
        assertEquals(run3.executionId(), run4.lastExecutionId());
    }

    @Test
    void databricksRestartThatFailsInAnotherStageExtractsAgain() throws SQLException {
        String batch = name("Batch");
        Start run1 = catalog.startBatch(batch);
        assertEquals("D", catalog.error(run1.executionId(), "Run notebooks", "boom", "DATABRICKS"));
        Start run2 = catalog.startBatch(batch);
        assertEquals("D", run2.executionStatus());
        assertEquals("R", catalog.error(run2.executionId(), "Log", "catalog write failed", "OTHER"));
        assertEquals("R", catalog.startBatch(batch).executionStatus());
    }

    @Test
    void databricksFailureWithAFailedCopyIsAnExtractRestart() throws SQLException {
        String batch = name("Batch");
        Start run1 = catalog.startBatch(batch);
        catalog.end(catalog.startChild(name("Copy_Customer"), run1.executionId()).executionId());
        Start failedCopy = catalog.startChild(name("Copy_Order"), run1.executionId());
        catalog.error(failedCopy.executionId(), "Copy Order", "timeout", "COPY");
        assertEquals("R", catalog.error(run1.executionId(), "Run notebooks", "boom", "DATABRICKS"),
                "data not landed completely, so no Databricks restart");
        assertEquals("R", catalog.startBatch(batch).executionStatus());
    }

    @Test
    void laterCopyErrorTurnsDIntoRButADatabricksErrorNeverTurnsRIntoD() throws SQLException {
        String batch = name("Batch");
        Start run1 = catalog.startBatch(batch);
        assertEquals("D", catalog.error(run1.executionId(), "Run notebooks", "boom", "DATABRICKS"));
        assertEquals("R", catalog.error(run1.executionId(), "Copy", "copy failed as well", "COPY"));
        assertEquals("R", catalog.error(run1.executionId(), "Run notebooks", "boom again", "DATABRICKS"));
        assertEquals("R", catalog.startBatch(batch).executionStatus());
    }

    @Test
    void databricksFailureOfANotebookChildStillCountsAsLandedData() throws SQLException {
        String batch = name("Batch");
        Start run1 = catalog.startBatch(batch);
        catalog.end(catalog.startChild(name("Copy_Customer"), run1.executionId()).executionId());
        Start notebook = catalog.startChild(name("LOAD_Customer"), run1.executionId());
        assertEquals("R", catalog.error(notebook.executionId(), "LOAD_Customer", "merge failed", "DATABRICKS"));
        assertEquals("D", catalog.error(run1.executionId(), "Run notebooks", "notebook failed", "DATABRICKS"));
        Start run2 = catalog.startBatch(batch);
        assertEquals("D", run2.executionStatus());
        assertEquals(run1.executionId(), run2.lastExecutionId());
    }

    @Test
    void aChildThatNeverReportedBackIsClosedAsStaleWhenItStartsInTheNextRun() throws SQLException {
        String batch = name("Batch");
        String child = name("Copy_Order");
        Start run1 = catalog.startBatch(batch);
        Start copy1 = catalog.startChild(child, run1.executionId());
        // The copy landed, then its own LogRowCount / watermark / LogExecutionEnd call failed: the object
        // pipeline failed without closing its execution, and the batch failed.
        assertEquals("R", catalog.error(run1.executionId(), "If_Copy", "a copy sub-batch failed", "COPY"));
        assertFalse(catalog.row(copy1.executionId()).ended(), "a child may still end after its batch failed");

        Start run2 = catalog.startBatch(batch);
        assertEquals("R", run2.executionStatus());
        Start copy2 = catalog.startChild(child, run2.executionId());
        assertEquals("R", copy2.executionStatus(), "extracts again instead of being refused as concurrent (A)");
        assertEquals("F", catalog.row(copy1.executionId()).executionStatus(), "the stale execution is closed");
        assertTrue(catalog.row(copy1.executionId()).ended());
        assertEquals("R", catalog.row(copy1.executionId()).nextLoadStatus(), "the status it was opened with");
    }

    @Test
    void aChildOfARunningBatchIsStillRefusedWhileOpen() throws SQLException {
        String batch = name("Batch");
        String child = name("Copy_Order");
        Start run1 = catalog.startBatch(batch);
        Start copy1 = catalog.startChild(child, run1.executionId());
        Start again = catalog.startChild(child, run1.executionId());
        assertEquals("A", again.executionStatus(), "its batch is running: the child is running, not stale");
        assertEquals(copy1.executionId(), again.lastExecutionId());
    }

    @Test
    void partlySucceededBatchSkipsTheSucceededChildAndRestartsTheFailedOne() throws SQLException {
        String batch = name("Batch");
        String address = name("Copy_Address");
        String customer = name("Copy_Customer");

        Start run1 = catalog.startBatch(batch);
        Start address1 = catalog.startChild(address, run1.executionId());
        catalog.end(address1.executionId());
        Start customer1 = catalog.startChild(customer, run1.executionId());
        catalog.error(customer1.executionId(), "Copy Customer", "source unreachable", "COPY");
        assertEquals("R", catalog.error(run1.executionId(), "Execute children", "a child failed", "COPY"));
        assertEquals("C", catalog.row(address1.executionId()).nextLoadStatus(), "succeeded child: skip next time");
        assertEquals("R", catalog.row(customer1.executionId()).nextLoadStatus(), "failed child keeps R");

        Start run2 = catalog.startBatch(batch);
        assertEquals("R", run2.executionStatus());
        Start address2 = catalog.startChild(address, run2.executionId());
        assertEquals("C", address2.executionStatus(), "already landed: skip");
        assertEquals(address1.executionId(), address2.lastExecutionId(), "the successful execution");
        assertTrue(catalog.row(address2.executionId()).ended(), "a skip is closed at once");
        Start customer2 = catalog.startChild(customer, run2.executionId());
        assertEquals("R", customer2.executionStatus());
        catalog.end(customer2.executionId());
        catalog.end(run2.executionId());
        assertEquals("P", catalog.row(address2.executionId()).nextLoadStatus(), "batch end resets C to P");

        Start run3 = catalog.startBatch(batch);
        assertEquals("E", run3.executionStatus());
        assertEquals("E", catalog.startChild(address, run3.executionId()).executionStatus());
        assertEquals("E", catalog.startChild(customer, run3.executionId()).executionStatus());
    }

    @Test
    void skippedChildStaysSkippedWhileTheBatchKeepsFailing() throws SQLException {
        String batch = name("Batch");
        String address = name("Copy_Address");
        String customer = name("Copy_Customer");
        Start run1 = catalog.startBatch(batch);
        catalog.end(catalog.startChild(address, run1.executionId()).executionId());
        catalog.error(catalog.startChild(customer, run1.executionId()).executionId(), "Copy", "x", "COPY");
        catalog.error(run1.executionId(), "Execute children", "a child failed", "COPY");

        Start run2 = catalog.startBatch(batch);
        assertEquals("C", catalog.startChild(address, run2.executionId()).executionStatus());
        catalog.error(catalog.startChild(customer, run2.executionId()).executionId(), "Copy", "x", "COPY");
        catalog.error(run2.executionId(), "Execute children", "a child failed again", "COPY");

        Start run3 = catalog.startBatch(batch);
        assertEquals("R", run3.executionStatus());
        assertEquals("C", catalog.startChild(address, run3.executionId()).executionStatus());
        assertEquals("R", catalog.startChild(customer, run3.executionId()).executionStatus());
    }

    @Test
    void skipMarksAreClearedByABatchSuccessThatStartedNoChildren() throws SQLException {
        String batch = name("Batch");
        String address = name("Copy_Address");
        String customer = name("Copy_Customer");
        // Run 1 fails on a copy: Address is marked C.
        Start run1 = catalog.startBatch(batch);
        catalog.end(catalog.startChild(address, run1.executionId()).executionId());
        catalog.error(catalog.startChild(customer, run1.executionId()).executionId(), "Copy", "x", "COPY");
        catalog.error(run1.executionId(), "Execute children", "a child failed", "COPY");
        // Run 2 (R) skips Address, lands Customer, fails in Databricks: D.
        Start run2 = catalog.startBatch(batch);
        assertEquals("C", catalog.startChild(address, run2.executionId()).executionStatus());
        catalog.end(catalog.startChild(customer, run2.executionId()).executionId());
        assertEquals("D", catalog.error(run2.executionId(), "Run notebooks", "boom", "DATABRICKS"));
        // Run 3 (D) starts no children and succeeds.
        Start run3 = catalog.startBatch(batch);
        assertEquals("D", run3.executionStatus());
        catalog.end(run3.executionId());
        // Run 4 extracts everything again: Address is no longer skipped.
        Start run4 = catalog.startBatch(batch);
        assertEquals("E", run4.executionStatus());
        assertEquals("E", catalog.startChild(address, run4.executionId()).executionStatus());
    }

    @Test
    void childThatSucceedsAfterItsBatchFailedIsSkippedOnTheReRun() throws SQLException {
        String batch = name("Batch");
        String slow = name("Copy_Slow");
        Start run1 = catalog.startBatch(batch);
        Start slow1 = catalog.startChild(slow, run1.executionId());
        // The batch fails while this child is still running: not landed yet, so R, not D.
        assertEquals("R", catalog.error(run1.executionId(), "Copy Fast", "failed", "DATABRICKS"));
        catalog.end(slow1.executionId());
        Row slowRow = catalog.row(slow1.executionId());
        assertEquals("S", slowRow.executionStatus());
        assertEquals("C", slowRow.nextLoadStatus());
        Start run2 = catalog.startBatch(batch);
        assertEquals("C", catalog.startChild(slow, run2.executionId()).executionStatus());
    }

    @Test
    void concurrentStartOfTheSameBatchIsRefusedWithA() throws Exception {
        String batch = name("Batch");
        // Register the package with a finished run, so the second start waits on the package row lock.
        catalog.end(catalog.startBatch(batch).executionId());

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(true);
            int secondPid = backendPid(second);

            // Thread 1 starts and keeps its transaction (and the row lock) open.
            Start running = threads.submit(() -> new Catalog(first).startBatch(batch)).get(30, TimeUnit.SECONDS);
            assertEquals("E", running.executionStatus());

            CountDownLatch submitted = new CountDownLatch(1);
            Future<Start> refused = threads.submit(() -> {
                submitted.countDown();
                return new Catalog(second).startBatch(batch);
            });
            submitted.await();
            awaitLockWait(secondPid);
            assertFalse(refused.isDone(), "the second start must wait for the first one's lock");

            first.commit();
            Start answer = refused.get(30, TimeUnit.SECONDS);
            assertEquals("A", answer.executionStatus());
            assertEquals(running.executionId(), answer.lastExecutionId(), "points at the running execution");
            assertTrue(catalog.row(answer.executionId()).ended(), "the refused execution is closed at once");
        } finally {
            threads.shutdownNow();
        }
        assertEquals(1, openExecutions(batch), "only the first run executes");
    }

    @Test
    void concurrentFirstStartsOfANewPackageRegisterItOnce() throws Exception {
        String batch = name("Batch");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            int secondPid = backendPid(second);
            Start running = threads.submit(() -> new Catalog(first).startBatch(batch)).get(30, TimeUnit.SECONDS);
            Future<Start> refused = threads.submit(() -> new Catalog(second).startBatch(batch));
            awaitLockWait(secondPid);
            first.commit();
            assertEquals("E", running.executionStatus());
            assertEquals("A", refused.get(30, TimeUnit.SECONDS).executionStatus());
        } finally {
            threads.shutdownNow();
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM bfx.package WHERE packagename = ?")) {
            ps.setString(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void refusedRunDoesNotHideTheRunningExecutionsOutcome() throws SQLException {
        String batch = name("Batch");
        Start running = catalog.startBatch(batch);
        Start refused = catalog.startBatch(batch);
        assertEquals("A", refused.executionStatus());
        catalog.error(running.executionId(), "Copy", "failed", "COPY");
        assertEquals("R", catalog.startBatch(batch).executionStatus(), "follows the failed run, not the A row");
    }

    @Test
    void disabledPackageIsSkippedWithC() throws SQLException {
        String batch = name("Batch");
        Start run1 = catalog.startBatch(batch);
        catalog.error(run1.executionId(), "Copy", "failed", "COPY");
        setEnabled(batch, false);

        Start skipped = catalog.startBatch(batch);
        assertEquals("C", skipped.executionStatus());
        assertTrue(catalog.row(skipped.executionId()).ended(), "a skip is closed at once");
        assertEquals("C", catalog.startBatch(batch).executionStatus(), "skipped for as long as it is disabled");

        setEnabled(batch, true);
        assertEquals("R", catalog.startBatch(batch).executionStatus(),
                "the restart pending before the package was disabled still applies");
    }

    @Test
    void logExecutionErrorRecordsTheError() throws SQLException {
        String pipeline = name("Copy_Customer");
        Start run = catalog.start(pipeline, false, null);
        assertEquals("R", catalog.error(run.executionId(), "Copy Customer", "ErrorCode=2200 timeout", "copy"));
        catalog.error(run.executionId(), "Log", "second error", "NO_SUCH_STAGE");

        List<String> errors = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT activityname, errormessage, failedstage, errortime IS NOT NULL"
                        + " FROM bfx.executionerror WHERE executionid = ? ORDER BY executionerrorid")) {
            ps.setLong(1, run.executionId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertTrue(rs.getBoolean(4));
                    errors.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                }
            }
        }
        assertEquals(List.of("Copy Customer|ErrorCode=2200 timeout|COPY", "Log|second error|OTHER"), errors);
        Row row = catalog.row(run.executionId());
        assertEquals("F", row.executionStatus());
        assertEquals("R", row.nextLoadStatus());
        assertTrue(row.ended());
    }

    @Test
    void endAfterErrorKeepsTheFailure() throws SQLException {
        String batch = name("Batch");
        Start run = catalog.startBatch(batch);
        catalog.error(run.executionId(), "Copy", "failed", "COPY");
        catalog.end(run.executionId());
        assertEquals("F", catalog.row(run.executionId()).executionStatus());
        assertEquals("R", catalog.startBatch(batch).executionStatus());
    }

    @Test
    void unknownExecutionIsAnError() {
        try {
            catalog.end(Long.MAX_VALUE);
            fail("LogExecutionEnd accepted an unknown ExecutionID");
        } catch (SQLException expected) {
            assertTrue(expected.getMessage().contains("no execution"), expected.getMessage());
        }
    }

    @Test
    void logRowCountAppendsACount() throws SQLException {
        Start run = catalog.start(name("Copy_Customer"), false, null);
        catalog.rowCount(run.executionId(), "stg.Customer", "Copied", 1234L);
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT objectname, counttype, rowcount FROM bfx.rowcount WHERE executionid = ?")) {
            ps.setLong(1, run.executionId());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("stg.Customer", rs.getString(1));
                assertEquals("Copied", rs.getString(2));
                assertEquals(1234L, rs.getLong(3));
                assertFalse(rs.next());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    private void setEnabled(String packageName, boolean enabled) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE bfx.package SET isenabled = ? WHERE packagename = ?")) {
            ps.setBoolean(1, enabled);
            ps.setString(2, packageName);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private int openExecutions(String packageName) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM bfx.execution e JOIN bfx.package p ON p.packageid = e.packageid"
                        + " WHERE p.packagename = ? AND e.endtime IS NULL")) {
            ps.setString(1, packageName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Waits until the backend is blocked waiting for a lock (seen from another session). */
    private void awaitLockWait(int pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE pid = ? AND NOT granted")) {
            ps.setInt(1, pid);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        fail("backend " + pid + " never waited for a lock");
    }
}
