package io.bfx.model.diag;

/**
 * Every problem bfx can report has one stable code. Codes are never renumbered or reused: users search for them,
 * and build logs and documentation refer to them. The title is the one-line description used in the reference.
 */
public enum Code {
    BFX001(Severity.ERROR, "The metadata file is not valid YAML or JSON."),
    BFX002(Severity.ERROR, "A key appears twice in one mapping."),
    BFX003(Severity.ERROR, "The document exceeds a safety limit (YAML aliases, nesting, recursion or size)."),
    BFX004(Severity.ERROR, "Unknown key."),
    BFX005(Severity.ERROR, "A value has the wrong type."),
    BFX006(Severity.ERROR, "A required field is missing."),
    BFX007(Severity.ERROR, "A value is not one of the allowed values."),
    BFX008(Severity.ERROR, "Two elements have the same name (names are compared case-insensitively, as Spark does)."),
    BFX009(Severity.ERROR, "A reference names a connection, batch, project or object that does not exist."),
    BFX010(Severity.ERROR, "A reference names a column that does not exist."),
    BFX011(Severity.ERROR, "A name is unsafe as a file, path or table name."),
    BFX012(Severity.ERROR, "A data type cannot be parsed."),
    BFX013(Severity.ERROR, "A data type cannot be mapped to a Databricks type."),
    BFX014(Severity.ERROR, "An object has neither a primary key nor an integration key, but a later layer needs one."),
    BFX015(Severity.ERROR, "Serverless compute cannot run the ODBC init script; it needs DatabricksUtilsDriver=JDBC."),
    BFX016(Severity.ERROR, "Pushdown processing needs Databricks target connections."),
    BFX017(Severity.ERROR, "Unknown setting key."),
    BFX018(Severity.ERROR, "Invalid setting value."),
    BFX019(Severity.ERROR, "A secret value is written in the metadata; reference a secret instead."),
    BFX020(Severity.ERROR, "A source system connection has no record source."),
    BFX021(Severity.ERROR, "A connection is used in a role that does not match its integration stage or system type."),
    BFX022(Severity.ERROR, "No metadata files were found."),
    BFX023(Severity.ERROR, "A metadata file cannot be read."),
    BFX024(Severity.WARNING, "A project has no objects to load."),
    BFX025(Severity.ERROR, "A table would get both liquid clustering and partitioning or Z-ordering."),
    BFX026(Severity.ERROR, "The metadata asks for something bfx does not support."),
    BFX027(Severity.ERROR, "Two objects would generate the same table or file name."),
    BFX028(Severity.ERROR, "A column name collides with a system column that bfx adds."),
    BFX029(Severity.WARNING, "A reference column cannot become a Data Vault link."),
    BFX030(Severity.ERROR, "A fact's dimension lookup does not match the dimension's business key."),
    BFX031(Severity.ERROR, "Silver and Gold load from persistent staging, which the project does not have."),
    BFX032(Severity.ERROR, "Projects run together (one batch, one factory) disagree on how they run."),
    BFX033(Severity.WARNING, "The factory or a batch's Databricks job would exceed a platform limit (5,000 ADF entities per factory, 1,000 tasks per job).");

    private final Severity defaultSeverity;
    private final String title;

    Code(Severity defaultSeverity, String title) {
        this.defaultSeverity = defaultSeverity;
        this.title = title;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public String title() {
        return title;
    }
}
