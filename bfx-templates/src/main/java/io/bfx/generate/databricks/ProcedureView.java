package io.bfx.generate.databricks;

import io.bfx.templates.Seq;
import io.bfx.templates.Sql;
import java.util.List;

/** The view of a step's SQL procedure. */
public record ProcedureView(Sql.Identifier name, List<Seq.Item<Parameter>> parameters, Sql.Literal comment,
        List<Sql.Fragment> statements) {

    /** A procedure parameter: named like the session variable the statements read. */
    public record Parameter(Sql.Fragment variable, Sql.Fragment type, Sql.Literal defaultLiteral) {}
}
