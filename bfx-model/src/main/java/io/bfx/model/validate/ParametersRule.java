package io.bfx.model.validate;

import io.bfx.model.Column;
import io.bfx.model.DataObject;
import io.bfx.model.LoadParameter;
import io.bfx.model.diag.Code;
import io.bfx.model.load.Suggestions;
import io.bfx.model.naming.SafeNames;
import java.util.List;

/** High-watermark parameters: a known column, a lower-bound and an upper-bound operator, safe variable names. */
final class ParametersRule implements Rule {

    private static final List<String> FROM_OPERATORS = List.of(">", ">=");
    private static final List<String> TO_OPERATORS = List.of("<", "<=");

    @Override
    public void check(RuleContext ctx) {
        for (DataObject o : ctx.metadata().objects()) {
            for (LoadParameter p : o.parameters()) {
                if (p.column() != null && o.column(p.column()).isEmpty()) {
                    ctx.findings().report(Code.BFX010, p.origin().of("column"),
                            "Parameter '" + p.name() + "' of " + o.qualifiedName() + " compares column '" + p.column()
                                    + "', which the object does not have.",
                            Suggestions.hint(p.column(), o.columns().stream().map(Column::name).toList(),
                                    "Check the column name."));
                }
                if (!FROM_OPERATORS.contains(p.operator())) {
                    ctx.findings().report(Code.BFX007, p.origin().of("operator"),
                            "Parameter '" + p.name() + "' has operator '" + p.operator() + "'.",
                            "A high-watermark reads rows after the last value: use > or >=.");
                }
                if (p.toOperator() != null && !TO_OPERATORS.contains(p.toOperator())) {
                    ctx.findings().report(Code.BFX007, p.origin().of("toOperator"),
                            "Parameter '" + p.name() + "' has toOperator '" + p.toOperator() + "'.",
                            "The upper bound of a window is compared with < or <=.");
                }
                for (String name : new String[] {p.name(), p.toName()}) {
                    SafeNames.codeProblem(name).ifPresent(problem -> ctx.findings().report(Code.BFX011,
                            p.origin().of(name.equals(p.name()) ? "name" : "toName"),
                            "Parameter name '" + name + "' cannot be used: " + problem + ".",
                            "Parameter names become ADF variable and catalog variable names, for example LastLoadDate."));
                }
            }
        }
    }
}
