package io.bfx.model.validate;

import io.bfx.model.Batch;
import io.bfx.model.Column;
import io.bfx.model.Connection;
import io.bfx.model.DataObject;
import io.bfx.model.Origin;
import io.bfx.model.Project;
import io.bfx.model.diag.Code;
import io.bfx.model.naming.SafeNames;
import java.util.Optional;

/** BFX011: names that would be unsafe in generated file paths, resource names or Delta tables. */
final class SafeNamesRule implements Rule {

    @Override
    public void check(RuleContext ctx) {
        for (Connection c : ctx.metadata().connections()) {
            path(ctx, c.name(), c.origin(), "name", "Connection name");
            check(ctx, SafeNames.codeProblem(c.recordSource()), c.recordSource(), c.origin(), "recordSource",
                    "Record source");
            path(ctx, c.catalog(), c.origin(), "catalog", "Catalog name");
            path(ctx, c.schema(), c.origin(), "schema", "Schema name");
            path(ctx, c.container(), c.origin(), "container", "Container name");
            if (c.path() != null) {
                boolean reported = false;
                for (String segment : c.path().split("/", -1)) {
                    if (!segment.isEmpty() && SafeNames.pathProblem(segment).isPresent()) {
                        check(ctx, SafeNames.pathProblem(segment), c.path(), c.origin(), "path", "Landing path");
                        reported = true;
                        break;
                    }
                }
                // One mistake, one finding: a ".." or "\" segment was already reported by the loop above, and
                // reporting it again here gave two BFX011 findings at the same place for "awlt/../other".
                if (!reported && (c.path().contains("\\") || c.path().contains(".."))) {
                    check(ctx, Optional.of("use '/' between folders and no '..'"), c.path(), c.origin(), "path",
                            "Landing path");
                }
            }
        }
        for (Batch b : ctx.metadata().batches()) {
            path(ctx, b.name(), b.origin(), "name", "Batch name");
        }
        for (Project p : ctx.metadata().projects()) {
            path(ctx, p.name(), p.origin(), "name", "Project name");
        }
        for (DataObject o : ctx.metadata().objects()) {
            path(ctx, o.schema(), o.origin(), "schema", "Schema name");
            path(ctx, o.name(), o.origin(), "name", "Object name");
            for (Column col : o.columns()) {
                check(ctx, SafeNames.columnProblem(col.name()), col.name(), col.origin(), "name", "Column name");
                check(ctx, SafeNames.columnProblem(col.targetColumn()), col.targetColumn(), col.origin(),
                        "targetColumn", "Target column name");
            }
        }
    }

    private static void path(RuleContext ctx, String name, Origin origin, String field, String what) {
        check(ctx, SafeNames.pathProblem(name), name, origin, field, what);
    }

    private static void check(RuleContext ctx, Optional<String> problem, String name, Origin origin, String field,
            String what) {
        problem.ifPresent(p -> ctx.findings().report(Code.BFX011, origin.of(field),
                what + " '" + printable(name) + "' cannot be used: " + p + ".",
                "Names become file names, ADF resource names and table names; use letters, digits, '_' and '-'."));
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
