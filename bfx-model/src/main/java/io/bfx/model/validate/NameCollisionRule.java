package io.bfx.model.validate;

import io.bfx.model.Connection;
import io.bfx.model.DataObject;
import io.bfx.model.Project;
import io.bfx.model.diag.Code;
import io.bfx.model.naming.Names;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * BFX027: two objects that would be written to the same Delta table (names are compared case-insensitively), and
 * staging and persistent staging pointing at the same schema.
 */
final class NameCollisionRule implements Rule {

    @Override
    public void check(RuleContext ctx) {
        Map<String, DataObject> tables = new HashMap<>();
        for (Project p : ctx.metadata().projects()) {
            Optional<Connection> source = ctx.connection(p.sourceConnection());
            Optional<Connection> staging = ctx.connection(p.stagingConnection());
            Optional<Connection> psa = ctx.connection(p.persistentStagingConnection());
            if (staging.isPresent() && psa.isPresent() && sameSchema(staging.get(), psa.get())) {
                ctx.findings().report(Code.BFX027, p.origin().of("persistentStagingConnection"),
                        "Project '" + p.name() + "' stages and persists into the same schema "
                                + staging.get().catalog() + "." + staging.get().schema()
                                + "; both tables would get the same name.",
                        "Give the persistent staging connection its own schema, for example '"
                                + staging.get().schema() + "_psa'.");
            }
            if (source.isEmpty() || staging.isEmpty()) {
                continue;
            }
            for (DataObject o : ctx.metadata().objectsOf(p)) {
                if (o.name() == null) {
                    continue;
                }
                String key = (staging.get().catalog() + "." + staging.get().schema() + "."
                        + Names.bronzeTable(source.get(), o)).toLowerCase(Locale.ROOT);
                DataObject first = tables.putIfAbsent(key, o);
                if (first != null && first != o) {
                    ctx.findings().report(Code.BFX027, o.origin().of("name"),
                            "Objects '" + first.qualifiedName() + "' and '" + o.qualifiedName()
                                    + "' would both be staged as table " + Names.bronzeTable(source.get(), o)
                                    + " in " + staging.get().catalog() + "." + staging.get().schema() + ".",
                            "Tables are named <recordSource>_<object>; exclude one object or load it through a "
                                    + "source connection with another record source.");
                }
            }
        }
    }

    private static boolean sameSchema(Connection a, Connection b) {
        return a.catalog() != null && a.schema() != null && a.catalog().equalsIgnoreCase(b.catalog())
                && a.schema().equalsIgnoreCase(b.schema());
    }
}
