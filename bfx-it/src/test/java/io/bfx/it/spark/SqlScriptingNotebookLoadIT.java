package io.bfx.it.spark;

import java.util.Map;

/**
 * The Bronze load scenario through the generated SQL-scripting notebooks (awlt-sqlscripting build: the example
 * with sqlScripting: true): the variables cell with the widget values as named parameters, then the one
 * BEGIN ... END script.
 */
class SqlScriptingNotebookLoadIT extends BronzeLoadScenario {

    @Override
    Map<String, Long> load(LandedTable table, long rowAuditId) {
        return LoadStyle.SQL_SCRIPTING_NOTEBOOK.load(table, rowAuditId, landing);
    }
}
