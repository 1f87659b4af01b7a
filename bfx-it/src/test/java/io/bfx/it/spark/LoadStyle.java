package io.bfx.it.spark;

import java.util.Map;

/**
 * The three emissions of an object's load logic, each run on Spark for both steps (stg, then psa) with the values
 * a job would pass: the Python notebook and the procedures of the example as built (awlt-pushdown), the
 * SQL-scripting notebook of the example built with sqlScripting: true (awlt-sqlscripting).
 */
enum LoadStyle {

    PYTHON_NOTEBOOK {
        @Override
        Map<String, Long> load(LandedTable table, long rowAuditId, Landing landing) {
            return Notebooks.runPython(GeneratedSolution.pushdown().notebook(table.object(), "py"),
                    Notebooks.widgets(rowAuditId, "all", landing.rootUrl()));
        }
    },

    SQL_SCRIPTING_NOTEBOOK {
        @Override
        Map<String, Long> load(LandedTable table, long rowAuditId, Landing landing) {
            Notebooks.runSql(GeneratedSolution.sqlScripting().notebook(table.object(), "sql"),
                    Notebooks.widgets(rowAuditId, "all", landing.rootUrl()));
            return Map.of();
        }
    },

    PROCEDURES {
        @Override
        Map<String, Long> load(LandedTable table, long rowAuditId, Landing landing) {
            GeneratedSolution solution = GeneratedSolution.pushdown();
            Procedures.call(solution.procedure("stg", table.object()), Map.of(
                    "bfx_row_audit_id", rowAuditId,
                    "bfx_stg_catalog", SharedSpark.CATALOG,
                    "bfx_landing_root", landing.rootUrl()));
            Procedures.call(solution.procedure("psa", table.object()), Map.of(
                    "bfx_stg_catalog", SharedSpark.CATALOG,
                    "bfx_psa_catalog", SharedSpark.CATALOG));
            return Map.of();
        }
    };

    /** Runs stg and psa for one landing execution; returns the row counts the emission logs, by step. */
    abstract Map<String, Long> load(LandedTable table, long rowAuditId, Landing landing);
}
