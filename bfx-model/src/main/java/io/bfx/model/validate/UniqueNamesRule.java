package io.bfx.model.validate;

import io.bfx.model.Column;
import io.bfx.model.DataObject;
import io.bfx.model.Origin;
import io.bfx.model.diag.Code;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** BFX008: names that collide when compared case-insensitively, as Spark and Unity Catalog compare them. */
final class UniqueNamesRule implements Rule {

    @Override
    public void check(RuleContext ctx) {
        unique(ctx, ctx.metadata().connections(), c -> c.name(), c -> c.origin(), "connection");
        unique(ctx, ctx.metadata().batches(), b -> b.name(), b -> b.origin(), "batch");
        unique(ctx, ctx.metadata().projects(), p -> p.name(), p -> p.origin(), "project");
        unique(ctx, ctx.metadata().objects(),
                o -> o.connection() == null || o.name() == null ? null : o.connection() + "." + o.qualifiedName(),
                DataObject::origin, "object");
        for (DataObject o : ctx.metadata().objects()) {
            unique(ctx, o.columns(), Column::name, Column::origin, "column of " + o.qualifiedName());
        }
    }

    private static <T> void unique(RuleContext ctx, List<T> items, Function<T, String> name,
            Function<T, Origin> origin, String what) {
        Map<String, T> seen = new TreeMap<>();
        for (T item : items) {
            String n = name.apply(item);
            if (n == null) {
                continue;
            }
            T first = seen.putIfAbsent(n.toLowerCase(Locale.ROOT), item);
            if (first != null) {
                String firstName = name.apply(first);
                ctx.findings().report(Code.BFX008, origin.apply(item).of("name"),
                        "Duplicate " + what + " '" + n + "': '" + firstName + "' is already declared at "
                                + origin.apply(first).of("name") + (firstName.equals(n) ? "" : " (names differ only in case)") + ".",
                        "Rename one of them; Spark treats names that differ only in case as the same.");
            }
        }
    }
}
