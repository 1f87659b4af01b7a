package io.bfx.model.validate;

import io.bfx.model.Connection;
import io.bfx.model.Project;
import io.bfx.model.SilverModel;
import io.bfx.model.diag.Code;
import io.bfx.model.vault.SkippedReference;
import io.bfx.model.vault.Vault;
import io.bfx.model.vault.VaultDeriver;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Silver layer: it loads from persistent staging (BFX031); references that cannot become links are worth a
 * warning (BFX029); two derived tables must not share a name in one schema (BFX027).
 */
final class SilverRule implements Rule {

    @Override
    public void check(RuleContext ctx) {
        Map<String, String> tables = new HashMap<>();
        for (Project p : ctx.metadata().projects()) {
            if (p.persistentStagingConnection() == null && (p.targetConnection() != null || p.dataMartConnection() != null)) {
                ctx.findings().report(Code.BFX031, p.origin().of(p.targetConnection() != null ? "targetConnection"
                        : "dataMartConnection"), "Project '" + p.name() + "' loads "
                        + (p.targetConnection() != null ? "a Silver layer" : "a data mart")
                        + " but has no persistentStagingConnection.",
                        "Silver and Gold read the history kept in persistent staging: add 'persistentStagingConnection:'.");
            }
            if (p.targetConnection() == null || p.silverModel() != SilverModel.DATA_VAULT
                    || ctx.connection(p.sourceConnection()).isEmpty()) {
                continue;
            }
            Vault vault = new VaultDeriver(ctx.metadata()).derive(p);
            for (SkippedReference s : vault.skipped()) {
                ctx.findings().report(Code.BFX029, s.column().origin().of("referenceColumn"),
                        "Reference " + s.object().qualifiedName() + "." + s.column().name() + " -> "
                                + s.column().referenceColumn() + " does not become a link: " + s.reason() + ".",
                        "The column is kept in the satellite; refer to the whole business key of an object with a hub "
                                + "to get a link.");
            }
            Connection target = ctx.connection(p.targetConnection()).orElse(null);
            if (target == null) {
                continue;
            }
            for (String table : vault.tableNames()) {
                String key = (target.catalog() + "." + target.schema() + "." + table).toLowerCase(Locale.ROOT);
                String previous = tables.putIfAbsent(key, p.name());
                if (previous != null) {
                    ctx.findings().report(Code.BFX027, p.origin().of("targetConnection"),
                            "Data Vault table " + table + " would be generated twice in " + target.catalog() + "."
                                    + target.schema() + (previous.equals(p.name()) ? "" : " (also by project " + previous + ")") + ".",
                            "Objects of the same name in different schemas get the same hub and satellite names; "
                                    + "exclude one or give the projects different target connections.");
                }
            }
        }
    }
}
