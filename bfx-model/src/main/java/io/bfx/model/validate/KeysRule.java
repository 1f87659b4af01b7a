package io.bfx.model.validate;

import io.bfx.model.DataObject;
import io.bfx.model.Project;
import io.bfx.model.diag.Code;

/**
 * BFX014: persistent staging detects changes per key, and the Data Vault and mart layers build business keys, so an
 * object loaded into those layers needs a primary key or an integration key.
 */
final class KeysRule implements Rule {

    @Override
    public void check(RuleContext ctx) {
        for (Project p : ctx.metadata().projects()) {
            String layer = p.persistentStagingConnection() != null ? "persistent staging"
                    : p.targetConnection() != null ? "the target layer"
                    : p.dataMartConnection() != null ? "the data mart" : null;
            if (layer == null) {
                continue;
            }
            for (DataObject o : ctx.metadata().objectsOf(p)) {
                if (!o.columns().isEmpty() && o.businessKey().isEmpty()) {
                    ctx.findings().report(Code.BFX014, o.origin().of("name"),
                            "Object '" + o.qualifiedName() + "' has no primary key or integration key, but project '"
                                    + p.name() + "' loads it into " + layer + ".",
                            "Mark the key columns with 'isPrimaryKey: true' (or 'isIntegrationKey: true').");
                }
            }
        }
    }
}
