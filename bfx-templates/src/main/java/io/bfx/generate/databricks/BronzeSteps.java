package io.bfx.generate.databricks;

import io.bfx.generate.SolutionContext;
import io.bfx.model.naming.Names;
import io.bfx.templates.Sql;
import java.util.ArrayList;
import java.util.List;

/** Renders an object's Bronze SQL once and cuts it into the steps every emission uses. */
final class BronzeSteps {

    static final String STAGING = "stg";
    static final String PERSISTENT_STAGING = "psa";

    private BronzeSteps() {}

    static List<LoadStep> of(SolutionContext context, BronzeObject unit, BronzeSqlView sql) {
        List<LoadStep> steps = new ArrayList<>();
        String stgTask = Names.task(STAGING, unit.source(), unit.object());
        steps.add(new LoadStep(STAGING, "landing to staging",
                SqlStatements.split(context.templates().render("databricks/sql/bronze-staging-ddl.sql.mustache", sql)),
                SqlStatements.split(context.templates().render("databricks/sql/bronze-staging-load.sql.mustache", sql)),
                List.of(SessionVariables.ROW_AUDIT_ID, SessionVariables.STAGING_CATALOG, SessionVariables.LANDING_ROOT),
                "STAGED", Sql.fragment("SELECT count(*) FROM " + sql.stagingTable().sql()), stgTask, List.of(),
                Sql.identifier(unit.staging().catalog(), unit.staging().schema(), procedure(STAGING, unit.table()))));
        if (unit.hasPersistentStaging()) {
            steps.add(new LoadStep(PERSISTENT_STAGING, "staging to persistent staging",
                    SqlStatements.split(context.templates().render("databricks/sql/bronze-psa-ddl.sql.mustache", sql)),
                    SqlStatements.split(context.templates().render("databricks/sql/bronze-psa-load.sql.mustache", sql)),
                    List.of(SessionVariables.STAGING_CATALOG, SessionVariables.PSA_CATALOG),
                    "PERSISTED", Sql.fragment("SELECT count(*) FROM " + sql.psaTable().sql()
                            + " WHERE row_audit_id IN (SELECT row_audit_id FROM " + sql.stagingTable().sql() + ")"),
                    Names.task(PERSISTENT_STAGING, unit.source(), unit.object()), List.of(stgTask),
                    Sql.identifier(unit.psa().catalog(), unit.psa().schema(), procedure(PERSISTENT_STAGING, unit.table()))));
        }
        return steps;
    }

    /** The procedure of a step: {@code bfx_<step>_<entity>}. */
    static String procedure(String step, String entity) {
        return Names.key("bfx_" + step + "_" + entity);
    }
}
