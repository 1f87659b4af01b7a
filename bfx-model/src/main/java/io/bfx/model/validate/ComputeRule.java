package io.bfx.model.validate;

import io.bfx.model.DataObject;
import io.bfx.model.Project;
import io.bfx.model.diag.Code;
import io.bfx.model.settings.EffectiveSetting;
import io.bfx.model.settings.SettingScope;
import io.bfx.model.settings.Settings;

/**
 * BFX015: serverless compute cannot run cluster init scripts, so the ODBC driver the catalog logging needs cannot
 * be installed there; serverless requires the pure-Python JDBC route (DatabricksUtilsDriver=JDBC).
 */
final class ComputeRule implements Rule {

    @Override
    public void check(RuleContext ctx) {
        for (Project p : ctx.metadata().projects()) {
            EffectiveSetting cluster = ctx.settings().forProject(Settings.DATABRICKS_JOB_CLUSTER, p);
            EffectiveSetting driver = ctx.settings().forProject(Settings.DATABRICKS_UTILS_DRIVER, p);
            boolean projectConflict = conflict(cluster, driver);
            if (projectConflict) {
                report(ctx, p.name(), cluster, driver);
            }
            for (DataObject o : ctx.metadata().objectsOf(p)) {
                EffectiveSetting oc = ctx.settings().forObject(Settings.DATABRICKS_JOB_CLUSTER, p, o);
                EffectiveSetting od = ctx.settings().forObject(Settings.DATABRICKS_UTILS_DRIVER, p, o);
                boolean ownValue = oc.scope() == SettingScope.OBJECT || od.scope() == SettingScope.OBJECT
                        || oc.scope() == SettingScope.CONNECTION || od.scope() == SettingScope.CONNECTION;
                if (ownValue && !projectConflict && conflict(oc, od)) {
                    report(ctx, p.name() + " / " + o.qualifiedName(), oc, od);
                }
            }
        }
    }

    private static boolean conflict(EffectiveSetting cluster, EffectiveSetting driver) {
        return "Serverless".equalsIgnoreCase(cluster.value().trim()) && "ODBC".equalsIgnoreCase(driver.value().trim());
    }

    private static void report(RuleContext ctx, String where, EffectiveSetting cluster, EffectiveSetting driver) {
        var at = cluster.location() != null ? cluster.location()
                : driver.location() != null ? driver.location() : io.bfx.model.SourceLocation.ofFile("<settings>");
        ctx.findings().report(Code.BFX015, at,
                "Serverless compute with the ODBC utils driver (" + where + "): " + cluster.explain() + ", "
                        + driver.explain() + ".",
                "Serverless cannot run the bfx_init_odbc.sh init script; set DatabricksUtilsDriver to JDBC "
                        + "(pure-Python pytds) where DatabricksJobCluster is Serverless.");
    }
}
