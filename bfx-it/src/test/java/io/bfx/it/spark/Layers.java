package io.bfx.it.spark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The units of the example's job run on Spark for one landing execution, layer by layer, as the job's tasks run
 * them: Bronze (stg, psa) through the Python notebooks (what the Bronze ITs prove), then Silver and Gold through one
 * emission of the generated SQL:
 * <ul>
 * <li>{@link Emission#PYTHON_NOTEBOOK}: each unit's Python notebook, all steps (its SQL extracted with Python's
 * ast, see {@link Notebooks});</li>
 * <li>{@link Emission#SQL_SCRIPTING_NOTEBOOK}: each unit's SQL-scripting notebook (a build with sqlScripting:
 * true);</li>
 * <li>{@link Emission#PROCEDURES}: each step's procedure, called with the catalogs (see {@link Procedures}), in
 * the order of the unit's steps.</li>
 * </ul>
 */
final class Layers {

    enum Emission {
        PYTHON_NOTEBOOK, SQL_SCRIPTING_NOTEBOOK, PROCEDURES
    }

    private final GeneratedSolution solution;
    private final Emission emission;
    private final Landing landing;

    Layers(GeneratedSolution solution, Emission emission, Landing landing) {
        this.solution = solution;
        this.emission = emission;
        this.landing = landing;
    }

    /** The example as built (awlt-pushdown, awlt-sqlscripting) with Silver and Gold run by the given emission. */
    static Layers example(Landing landing, Emission emission) {
        return new Layers(emission == Emission.SQL_SCRIPTING_NOTEBOOK ? GeneratedSolution.sqlScripting()
                : GeneratedSolution.pushdown(), emission, landing);
    }

    /** The same landing, Silver and Gold of the example run by another emission. */
    Layers via(Emission other) {
        return example(landing, other);
    }

    Landing landing() {
        return landing;
    }

    /** Bronze of one object: the newest landing up to the execution, into staging and persistent staging. */
    void bronze(LandedTable table, long rowAuditId) {
        LoadStyle.PYTHON_NOTEBOOK.load(table, rowAuditId, landing);
    }

    /** The Data Vault unit of an object (hub, links, satellite); returns the counts it logs, by step. */
    Map<String, Long> dataVault(String object) {
        return run("dv_awlt_" + object, "dv_catalog", ExpectedVault.tablesOf(object));
    }

    /** The normal-form unit of an object; returns the counts it logs, by step. */
    Map<String, Long> normalForm(String object) {
        return run("nf_awlt_" + object, "dv_catalog", List.of("awlt_" + object));
    }

    /** A dimension's unit; returns the count it logs. */
    Map<String, Long> dimension(String name) {
        return run("dim_" + name, "dm_catalog", List.of(name));
    }

    /** A fact's unit; returns the count it logs. */
    Map<String, Long> fact(String name) {
        return run("fact_" + name, "dm_catalog", List.of(name));
    }

    /** Gold: the dimensions, then the facts. */
    void gold() {
        ExpectedMart.DIMENSIONS.forEach(d -> dimension(d.name()));
        ExpectedMart.FACTS.forEach(f -> fact(f.name()));
    }

    private Map<String, Long> run(String unit, String catalogWidget, List<String> procedureTables) {
        Map<String, String> widgets = Notebooks.targetWidgets(catalogWidget);
        switch (emission) {
            case PYTHON_NOTEBOOK:
                return Notebooks.runPython(solution.unitNotebook(unit, "py"), widgets);
            case SQL_SCRIPTING_NOTEBOOK:
                Notebooks.runSql(solution.unitNotebook(unit, "sql"), widgets);
                return Map.of();
            default:
                String variable = "bfx_" + catalogWidget;
                for (String table : procedureTables) {
                    Path procedure = solution.loadProcedure(table);
                    Map<String, Object> arguments = new LinkedHashMap<>();
                    arguments.put("bfx_psa_catalog", SharedSpark.CATALOG);
                    arguments.put(variable, SharedSpark.CATALOG);
                    Procedures.call(procedure, arguments);
                }
                return Map.of();
        }
    }
}
