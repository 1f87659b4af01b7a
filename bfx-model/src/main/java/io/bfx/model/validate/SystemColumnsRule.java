package io.bfx.model.validate;

import io.bfx.model.Column;
import io.bfx.model.DataObject;
import io.bfx.model.diag.Code;
import io.bfx.model.naming.SystemColumns;

/** BFX028: a source column named like a column bfx adds (row_audit_id, row_hash, ...) would collide with it. */
final class SystemColumnsRule implements Rule {

    @Override
    public void check(RuleContext ctx) {
        for (DataObject o : ctx.metadata().objects()) {
            for (Column c : o.columns()) {
                String downstream = c.targetColumn() != null ? c.targetColumn() : c.name();
                if (downstream == null) {
                    continue;
                }
                for (String system : SystemColumns.all()) {
                    if (system.equalsIgnoreCase(downstream)) {
                        ctx.findings().report(Code.BFX028, c.origin().of(c.targetColumn() != null ? "targetColumn" : "name"),
                                "Column " + o.qualifiedName() + "." + c.name() + " would be loaded as '" + downstream
                                        + "', a name bfx uses for its own system column.",
                                "Map it to another name with 'targetColumn:'.");
                    }
                }
            }
        }
    }
}
