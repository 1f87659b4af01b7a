package io.bfx.it.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The SQL Server script cannot run here (no SQL Server on this machine), so its shape is checked
 * from the text: every contract procedure is defined, with exactly the contract's @-parameters in
 * order and its result columns; batches are separated so each CREATE OR ALTER starts its own; and
 * it creates the same tables and columns as the PostgreSQL script, which does run in the ITs.
 * Also checks that docs/run-catalog.md still describes the procedures these tests hold to.
 */
class SqlServerCatalogScriptTest {

    private static final Pattern PROCEDURE = Pattern.compile(
            "CREATE\\s+OR\\s+ALTER\\s+PROCEDURE\\s+bfx\\.(\\w+)\\s+(.*?)^\\s*AS\\s*$(.*?)^\\s*END\\s*;?\\s*$\\s*^GO\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern PARAMETER = Pattern.compile("@(\\w+)\\s+(\\w+)");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?bfx\\.\\[?(\\w+)\\]?\\s*\\((.*?)\\n\\s*\\);",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final String script = withoutComments(CatalogContract.script(CatalogContract.SQLSERVER_SCRIPT));

    /** The script without "--" comments (the script has no "--" inside string literals). */
    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }

    private record Definition(List<String> parameters, String body) {
    }

    private Map<String, Definition> procedures() {
        Map<String, Definition> found = new LinkedHashMap<>();
        Matcher m = PROCEDURE.matcher(script);
        while (m.find()) {
            List<String> parameters = new ArrayList<>();
            Matcher p = PARAMETER.matcher(m.group(2));
            while (p.find()) {
                parameters.add(p.group(1));
            }
            Definition previous = found.put(m.group(1), new Definition(parameters, m.group(3)));
            assertEquals(null, previous, "bfx." + m.group(1) + " is defined twice");
        }
        return found;
    }

    @Test
    void everyContractProcedureIsDefinedWithExactlyItsParameters() {
        Map<String, Definition> defined = procedures();
        for (CatalogContract.Procedure procedure : CatalogContract.PROCEDURES.values()) {
            Definition definition = defined.get(procedure.name());
            assertNotNull(definition, "no CREATE OR ALTER PROCEDURE bfx." + procedure.name());
            assertEquals(procedure.parameters(), definition.parameters(),
                    "bfx." + procedure.name() + " must declare exactly the contract's parameters, in order");
        }
        assertEquals(new TreeSet<>(CatalogContract.PROCEDURES.keySet()), new TreeSet<>(defined.keySet()),
                "procedures beyond the contract");
    }

    @Test
    void proceduresReturnTheContractsColumnsAsAResultSet() {
        Map<String, Definition> defined = procedures();
        Pattern alias = Pattern.compile("\\bAS\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
        for (CatalogContract.Procedure procedure : CatalogContract.PROCEDURES.values()) {
            String body = defined.get(procedure.name()).body();
            assertFalse(body.matches("(?is).*\\bOUTPUT\\b.*"), procedure.name() + " must not use OUTPUT parameters");
            if (procedure.results().isEmpty()) {
                continue;
            }
            // The result set is the procedure's last statement: a SELECT of aliased values.
            int last = body.toUpperCase(Locale.ROOT).lastIndexOf("SELECT");
            String select = body.substring(last);
            assertTrue(select.matches("(?is)SELECT\\s+@.*"), procedure.name() + " ends with: " + select);
            List<String> columns = new ArrayList<>();
            Matcher m = alias.matcher(select);
            while (m.find()) {
                columns.add(m.group(1));
            }
            assertEquals(procedure.results(), columns, procedure.name() + " result columns");
        }
    }

    @Test
    void eachCreateOrAlterStartsItsOwnBatchWithTheSafetySettings() {
        String[] batches = script.split("(?im)^\\s*GO\\s*$");
        int creates = 0;
        for (String batch : batches) {
            String text = batch.strip();
            if (text.matches("(?is).*CREATE\\s+OR\\s+ALTER\\s+(PROCEDURE|FUNCTION).*")) {
                creates++;
                assertEquals(1, text.split("(?i)CREATE\\s+OR\\s+ALTER\\s+(PROCEDURE|FUNCTION)", -1).length - 1,
                        "one CREATE OR ALTER per batch (a GO is missing):\n" + text);
                assertTrue(text.matches("(?is)^CREATE\\s+OR\\s+ALTER\\s+(PROCEDURE|FUNCTION)\\b.*"),
                        "CREATE OR ALTER must be the first statement of its batch:\n" + text);
                if (text.matches("(?is)^CREATE\\s+OR\\s+ALTER\\s+PROCEDURE.*")) {
                    assertTrue(text.matches("(?is).*SET\\s+NOCOUNT\\s+ON\\s*;.*"), "SET NOCOUNT ON in\n" + text);
                    assertTrue(text.matches("(?is).*SET\\s+XACT_ABORT\\s+ON\\s*;.*"), "SET XACT_ABORT ON in\n" + text);
                }
            }
        }
        assertTrue(creates >= CatalogContract.PROCEDURES.size());
        assertTrue(script.matches("(?is).*FROM\\s+bfx\\.Package\\s+WITH\\s*\\(\\s*UPDLOCK\\s*,\\s*HOLDLOCK\\s*\\).*"),
                "LogExecutionStart must lock the package row");
        assertTrue(script.strip().matches("(?ism).*^GO$"), "the last batch must be terminated by GO");
    }

    @Test
    void objectsAreCreatedOnlyWhenMissingAndTheVersionOnce() {
        Matcher m = CREATE_TABLE.matcher(script);
        while (m.find()) {
            String before = script.substring(Math.max(0, m.start() - 200), m.start());
            assertTrue(before.matches("(?is).*IF\\s+OBJECT_ID\\(N'bfx\\." + m.group(1) + "',\\s*N'U'\\)\\s+IS\\s+NULL\\s+BEGIN\\s*$"),
                    "CREATE TABLE bfx." + m.group(1) + " must be guarded by IF OBJECT_ID(...) IS NULL");
        }
        assertTrue(script.matches("(?is).*IF\\s+NOT\\s+EXISTS\\s*\\(SELECT\\s+1\\s+FROM\\s+bfx\\.CatalogVersion\\s+WHERE\\s+Version\\s*=\\s*1\\)\\s*INSERT\\s+INTO\\s+bfx\\.CatalogVersion.*"));
        assertFalse(script.matches("(?is).*\\bDROP\\s+(TABLE|SCHEMA)\\b.*"), "a re-run must not drop data");
    }

    @Test
    void bothScriptsCreateTheSameTablesAndColumns() {
        Map<String, TreeSet<String>> sqlServer = tables(script);
        Map<String, TreeSet<String>> postgres = tables(withoutComments(CatalogContract.script(CatalogContract.POSTGRESQL_SCRIPT)));
        assertEquals(new TreeSet<>(CatalogContract.TABLES.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList()),
                new TreeSet<>(sqlServer.keySet()));
        assertEquals(postgres, sqlServer);
        assertTrue(sqlServer.get("execution").containsAll(
                CatalogContract.EXECUTION_COLUMNS.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList()));
    }

    private static Map<String, TreeSet<String>> tables(String sql) {
        Map<String, TreeSet<String>> tables = new LinkedHashMap<>();
        Matcher m = CREATE_TABLE.matcher(sql);
        while (m.find()) {
            TreeSet<String> columns = new TreeSet<>();
            for (String line : m.group(2).split("\\n")) {
                Matcher column = Pattern.compile("^\\s*\\[?(\\w+)\\]?\\s+(\\w+)").matcher(line);
                if (column.find() && !column.group(1).equalsIgnoreCase("CONSTRAINT")) {
                    columns.add(column.group(1).toLowerCase(Locale.ROOT));
                }
            }
            tables.put(m.group(1).toLowerCase(Locale.ROOT), columns);
        }
        return tables;
    }

    @Test
    void contractDocumentDescribesTheseProcedures() throws IOException {
        assertEquals(CatalogContract.PROCEDURES, CatalogContract.proceduresInDocument());
    }
}
