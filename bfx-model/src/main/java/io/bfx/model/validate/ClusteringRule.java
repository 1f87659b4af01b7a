package io.bfx.model.validate;

import io.bfx.model.DataObject;
import io.bfx.model.Project;
import io.bfx.model.diag.Code;
import io.bfx.model.settings.EffectiveSetting;
import io.bfx.model.settings.Settings;

/**
 * BFX025: liquid clustering replaces partitioning and Z-ordering; Databricks refuses a table with both, so bfx
 * never emits both for one table.
 */
final class ClusteringRule implements Rule {

    @Override
    public void check(RuleContext ctx) {
        for (DataObject o : ctx.metadata().objects()) {
            boolean other = !o.partitionedBy().isEmpty() || !o.zOrderBy().isEmpty();
            if (!other) {
                continue;
            }
            String what = !o.partitionedBy().isEmpty() ? "partitionedBy" : "zOrderBy";
            if (!o.clusterBy().isEmpty()) {
                ctx.findings().report(Code.BFX025, o.origin().of("clusterBy"),
                        "Object '" + o.qualifiedName() + "' has both clusterBy and " + what + ".",
                        "Liquid clustering replaces partitioning and Z-ordering: keep clusterBy or " + what
                                + ", not both.");
                continue;
            }
            for (Project p : ctx.metadata().projectsOf(o)) {
                EffectiveSetting liquid = ctx.settings().forObject(Settings.DATABRICKS_USE_LIQUID_CLUSTERING, p, o);
                if (liquid.asBooleanOr(false)) {
                    ctx.findings().report(Code.BFX025, o.origin().of(what),
                            "Object '" + o.qualifiedName() + "' has " + what + ", but " + liquid.explain()
                                    + " clusters its tables.",
                            "Remove " + what + ", or set DatabricksUseLiquidClustering to N for this object.");
                    break;
                }
            }
        }
    }
}
