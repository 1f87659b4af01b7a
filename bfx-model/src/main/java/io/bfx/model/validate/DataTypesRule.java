package io.bfx.model.validate;

import io.bfx.model.Column;
import io.bfx.model.DataObject;
import io.bfx.model.diag.Code;
import io.bfx.model.load.Suggestions;
import io.bfx.model.types.DataTypes;

/** BFX012 (cannot parse) and BFX013 (cannot store in Delta) for every column's data type. */
final class DataTypesRule implements Rule {

    @Override
    public void check(RuleContext ctx) {
        for (DataObject o : ctx.metadata().objects()) {
            for (Column c : o.columns()) {
                if (c.dataType() == null) {
                    continue; // BFX006 already
                }
                DataTypes.Parsed parsed = DataTypes.parse(c.dataType());
                if (!parsed.ok()) {
                    String name = c.dataType().replaceAll("\\(.*", "").trim();
                    ctx.findings().report(Code.BFX012, c.origin().of("dataType"),
                            "Data type '" + c.dataType() + "' of " + o.qualifiedName() + "." + c.name()
                                    + " cannot be parsed: " + parsed.problem() + ".",
                            Suggestions.hint(name, DataTypes.kindLabels(),
                                    "Use BimlFlex notation, for example AnsiString(50), Int32 or Decimal(19,4).")
                                    .replace("?", " (BimlFlex notation)?"));
                } else if (parsed.type().databricksType() == null) {
                    ctx.findings().report(Code.BFX013, c.origin().of("dataType"),
                            "Data type '" + c.dataType() + "' of " + o.qualifiedName() + "." + c.name()
                                    + " has no Databricks equivalent.",
                            "Convert it in the source (for example to String(4000)) or exclude the column with "
                                    + "'changeType: IGN'.");
                }
            }
        }
    }
}
