package io.bfx.model.validate;

import io.bfx.model.ChangeType;
import io.bfx.model.Column;
import io.bfx.model.DataObject;
import io.bfx.model.Dimension;
import io.bfx.model.DimensionColumn;
import io.bfx.model.Fact;
import io.bfx.model.FactDimension;
import io.bfx.model.Origin;
import io.bfx.model.Project;
import io.bfx.model.diag.Code;
import io.bfx.model.load.Suggestions;
import io.bfx.model.naming.SafeNames;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/** Dimensions and facts: their project, source object, columns and dimension lookups must exist and fit. */
final class GoldRule implements Rule {

    @Override
    public void check(RuleContext ctx) {
        TreeMap<String, Origin> names = new TreeMap<>();
        for (Dimension d : ctx.metadata().dimensions()) {
            name(ctx, names, d.name(), d.origin());
            Optional<DataObject> source = source(ctx, d.project(), d.source(), d.origin(), "Dimension " + d.name());
            if (source.isEmpty()) {
                continue;
            }
            for (DimensionColumn c : d.columns()) {
                column(ctx, source.get(), c.column(), c.origin(), "column", "Dimension " + d.name());
                if (c.changeType() != ChangeType.CHG && c.changeType() != ChangeType.HST) {
                    ctx.findings().report(Code.BFX007, c.origin().of("changeType"),
                            "Dimension " + d.name() + " column " + c.column() + " has change type " + c.changeType()
                                    + "; a dimension column is CHG (type 1) or HST (type 2).",
                            "Use CHG to overwrite, HST to keep history.");
                }
                if (c.name() != null) {
                    SafeNames.columnProblem(c.name()).ifPresent(p -> ctx.findings().report(Code.BFX011,
                            c.origin().of("name"), "Dimension column name '" + c.name() + "' cannot be used: " + p + ".",
                            "Use letters, digits and '_'."));
                }
            }
            d.clusterBy().forEach(c -> column(ctx, source.get(), c, d.origin(), "clusterBy", "Dimension " + d.name()));
        }
        for (Fact f : ctx.metadata().facts()) {
            name(ctx, names, f.name(), f.origin());
            Optional<DataObject> source = source(ctx, f.project(), f.source(), f.origin(), "Fact " + f.name());
            if (source.isEmpty()) {
                continue;
            }
            column(ctx, source.get(), f.dateColumn(), f.origin(), "dateColumn", "Fact " + f.name());
            f.measures().forEach(m -> column(ctx, source.get(), m, f.origin(), "measures", "Fact " + f.name()));
            f.partitionedBy().forEach(m -> column(ctx, source.get(), m, f.origin(), "partitionedBy", "Fact " + f.name()));
            for (FactDimension fd : f.dimensions()) {
                fd.columns().forEach(c -> column(ctx, source.get(), c, fd.origin(), "columns", "Fact " + f.name()));
                Optional<Dimension> dim = ctx.metadata().dimension(fd.dimension());
                if (dim.isEmpty()) {
                    ctx.findings().report(Code.BFX009, fd.origin().of("dimension"),
                            "Fact " + f.name() + " refers to dimension '" + fd.dimension() + "', which is not declared.",
                            Suggestions.hint(fd.dimension(), ctx.metadata().dimensions().stream().map(Dimension::name).toList(),
                                    "Declare it under 'dimensions:'."));
                    continue;
                }
                Optional<DataObject> dimSource = ctx.metadata().project(dim.get().project())
                        .flatMap(p -> ctx.metadata().object(p.sourceConnection(), dim.get().source()));
                if (dimSource.isPresent() && dimSource.get().businessKey().size() != fd.columns().size()) {
                    ctx.findings().report(Code.BFX030, fd.origin().of("columns"),
                            "Fact " + f.name() + " looks up " + fd.dimension() + " with " + fd.columns().size()
                                    + " column(s), but its business key has " + dimSource.get().businessKey().size() + " ("
                                    + String.join(", ", dimSource.get().businessKey().stream().map(Column::name).toList()) + ").",
                            "List one fact column per business key column of " + dimSource.get().qualifiedName() + ", in key order.");
                }
            }
        }
    }

    private static void name(RuleContext ctx, TreeMap<String, Origin> names, String name, Origin origin) {
        if (name == null) {
            return;
        }
        SafeNames.pathProblem(name).ifPresent(p -> ctx.findings().report(Code.BFX011, origin.of("name"),
                "Name '" + name + "' cannot be used: " + p + ".", "Use letters, digits and '_'."));
        Origin first = names.putIfAbsent(name.toLowerCase(Locale.ROOT), origin);
        if (first != null) {
            ctx.findings().report(Code.BFX008, origin.of("name"), "Duplicate dimension or fact '" + name
                    + "': already declared at " + first.of("name") + ".", "Rename one of them.");
        }
    }

    private static Optional<DataObject> source(RuleContext ctx, String projectName, String source, Origin origin,
            String what) {
        if (projectName == null || source == null) {
            return Optional.empty();
        }
        Optional<Project> project = ctx.metadata().project(projectName);
        if (project.isEmpty()) {
            ctx.findings().report(Code.BFX009, origin.of("project"), what + " names project '" + projectName
                    + "', which is not declared.", Suggestions.hint(projectName,
                            ctx.metadata().projects().stream().map(Project::name).toList(), "Declare it under 'projects:'."));
            return Optional.empty();
        }
        if (project.get().dataMartConnection() == null) {
            ctx.findings().report(Code.BFX006, project.get().origin().location(), "Project '" + project.get().name()
                    + "' has dimensions or facts but no dataMartConnection.",
                    "Add 'dataMartConnection:' naming a DataMart connection on Databricks.");
        }
        Optional<DataObject> object = ctx.metadata().object(project.get().sourceConnection(), source);
        if (object.isEmpty()) {
            ctx.findings().report(Code.BFX009, origin.of("source"), what + " loads '" + source + "', which connection '"
                    + project.get().sourceConnection() + "' does not have.",
                    Suggestions.hint(source, ctx.metadata().objectsOf(project.get()).stream()
                            .map(DataObject::qualifiedName).toList(), "Write the source as schema.object."));
        }
        return object;
    }

    private static void column(RuleContext ctx, DataObject o, String column, Origin origin, String field, String what) {
        if (column != null && o.column(column).isEmpty()) {
            ctx.findings().report(Code.BFX010, origin.of(field), what + " uses column '" + column + "', which "
                    + o.qualifiedName() + " does not have.",
                    Suggestions.hint(column, o.columns().stream().map(Column::name).toList(), "Check the column name."));
        }
    }

}
