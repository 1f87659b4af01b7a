package io.bfx.it.spark;

import java.util.Map;

/**
 * The Bronze load scenario through the generated procedures (awlt-pushdown build, sql/procedures): the stg
 * procedure, then the psa procedure, each called with the values a job would pass (see {@link Procedures}).
 */
class ProcedureLoadIT extends BronzeLoadScenario {

    @Override
    Map<String, Long> load(LandedTable table, long rowAuditId) {
        return LoadStyle.PROCEDURES.load(table, rowAuditId, landing);
    }
}
