package io.bfx.model.validate;

import io.bfx.model.Column;
import io.bfx.model.DataObject;
import io.bfx.model.Origin;
import io.bfx.model.Project;
import io.bfx.model.Relationship;
import io.bfx.model.diag.Code;
import io.bfx.model.load.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** BFX009 and BFX010: references to connections, batches, objects and columns that do not exist. */
final class ReferencesRule implements Rule {

    @Override
    public void check(RuleContext ctx) {
        List<String> connectionNames = ctx.metadata().connections().stream().map(c -> c.name()).toList();
        List<String> batchNames = ctx.metadata().batches().stream().map(b -> b.name()).toList();
        for (Project p : ctx.metadata().projects()) {
            connection(ctx, p.sourceConnection(), p.origin(), "sourceConnection", connectionNames, p);
            connection(ctx, p.landingConnection(), p.origin(), "landingConnection", connectionNames, p);
            connection(ctx, p.stagingConnection(), p.origin(), "stagingConnection", connectionNames, p);
            connection(ctx, p.persistentStagingConnection(), p.origin(), "persistentStagingConnection",
                    connectionNames, p);
            connection(ctx, p.targetConnection(), p.origin(), "targetConnection", connectionNames, p);
            connection(ctx, p.dataMartConnection(), p.origin(), "dataMartConnection", connectionNames, p);
            connection(ctx, p.catalogConnection(), p.origin(), "catalogConnection", connectionNames, p);
            if (p.batch() != null && ctx.metadata().batch(p.batch()).isEmpty()) {
                ctx.findings().report(Code.BFX009, p.origin().of("batch"),
                        "Project '" + p.name() + "' names batch '" + p.batch() + "', which is not declared.",
                        Suggestions.hint(p.batch(), batchNames, "Declare it under 'batches:'."));
            }
        }
        for (DataObject o : ctx.metadata().objects()) {
            if (o.connection() != null && ctx.metadata().connection(o.connection()).isEmpty()) {
                ctx.findings().report(Code.BFX009, o.origin().of("connection"),
                        "Object '" + o.qualifiedName() + "' belongs to connection '" + o.connection()
                                + "', which is not declared.",
                        Suggestions.hint(o.connection(), connectionNames, "Declare it under 'connections:'."));
            }
            for (Column c : o.columns()) {
                if (c.referenceColumn() != null) {
                    referenceColumn(ctx, o, c);
                }
            }
            for (Relationship r : o.relationships()) {
                relationship(ctx, o, r);
            }
            columns(ctx, o, o.partitionedBy(), "partitionedBy");
            columns(ctx, o, o.clusterBy(), "clusterBy");
            columns(ctx, o, o.zOrderBy(), "zOrderBy");
        }
    }

    private static void connection(RuleContext ctx, String name, Origin origin, String field, List<String> names,
            Project p) {
        if (name != null && ctx.metadata().connection(name).isEmpty()) {
            ctx.findings().report(Code.BFX009, origin.of(field),
                    "Project '" + p.name() + "' names " + field + " '" + name + "', which is not declared.",
                    Suggestions.hint(name, names, "Declare it under 'connections:'."));
        }
    }

    /** {@code schema.object.column}, {@code object.column} or {@code connection.schema.object.column}. */
    private static void referenceColumn(RuleContext ctx, DataObject o, Column c) {
        String[] parts = c.referenceColumn().split("\\.", -1);
        if (parts.length < 2 || parts.length > 4 || Arrays.stream(parts).anyMatch(String::isBlank)) {
            ctx.findings().report(Code.BFX010, c.origin().of("referenceColumn"),
                    "Reference column '" + c.referenceColumn() + "' of " + o.qualifiedName() + "." + c.name()
                            + " is not of the form schema.object.column.",
                    "Write the referenced column as schema.object.column, for example SalesLT.Customer.CustomerID.");
            return;
        }
        String connection = parts.length == 4 ? parts[0] : o.connection();
        String object = parts.length == 2 ? parts[0] : parts[parts.length - 3] + "." + parts[parts.length - 2];
        String column = parts[parts.length - 1];
        Optional<DataObject> target = ctx.metadata().object(connection, object);
        if (target.isEmpty()) {
            ctx.findings().report(Code.BFX009, c.origin().of("referenceColumn"),
                    "Column " + o.qualifiedName() + "." + c.name() + " refers to object '" + object
                            + "', which connection '" + connection + "' does not have.",
                    Suggestions.hint(object, objectNames(ctx, connection), "Check the schema and object name."));
            return;
        }
        if (target.get().column(column).isEmpty()) {
            ctx.findings().report(Code.BFX010, c.origin().of("referenceColumn"),
                    "Column " + o.qualifiedName() + "." + c.name() + " refers to column '" + column + "', which "
                            + target.get().qualifiedName() + " does not have.",
                    Suggestions.hint(column, target.get().columns().stream().map(Column::name).toList(),
                            "Check the column name."));
        }
    }

    private static void relationship(RuleContext ctx, DataObject o, Relationship r) {
        columns(ctx, o, r.columns(), r.origin(), "columns");
        if (r.references() == null) {
            return;
        }
        Optional<DataObject> target = ctx.metadata().object(o.connection(), r.references());
        if (target.isEmpty()) {
            ctx.findings().report(Code.BFX009, r.origin().of("references"),
                    "Relationship of " + o.qualifiedName() + " refers to object '" + r.references()
                            + "', which connection '" + o.connection() + "' does not have.",
                    Suggestions.hint(r.references(), objectNames(ctx, o.connection()), "Check the schema and name."));
            return;
        }
        columns(ctx, target.get(), r.referencedColumns(), r.origin(), "referencedColumns");
        if (r.columns().size() != r.referencedColumns().size()) {
            ctx.findings().report(Code.BFX010, r.origin().of("referencedColumns"),
                    "Relationship of " + o.qualifiedName() + " has " + r.columns().size() + " columns but "
                            + r.referencedColumns().size() + " referenced columns.",
                    "List the same number of columns on both sides, in matching order.");
        }
    }

    private static List<String> objectNames(RuleContext ctx, String connection) {
        return ctx.metadata().objects().stream()
                .filter(x -> x.connection() != null && x.connection().equalsIgnoreCase(connection))
                .map(DataObject::qualifiedName).toList();
    }

    private static void columns(RuleContext ctx, DataObject o, List<String> names, String field) {
        columns(ctx, o, names, o.origin(), field);
    }

    private static void columns(RuleContext ctx, DataObject o, List<String> names, Origin origin, String field) {
        for (String name : names) {
            if (o.column(name).isEmpty()) {
                ctx.findings().report(Code.BFX010, origin.of(field),
                        "'" + field + "' names column '" + name + "', which " + o.qualifiedName() + " does not have.",
                        Suggestions.hint(name, o.columns().stream().map(Column::name).toList(),
                                "Check the column name."));
            }
        }
    }
}
