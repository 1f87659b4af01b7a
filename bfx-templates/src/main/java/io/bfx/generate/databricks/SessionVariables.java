package io.bfx.generate.databricks;

import io.bfx.templates.Sql;

/**
 * The session variables the generated SQL reads. The load logic is written once and refers to these names; each
 * emission sets them its own way: a Python notebook from its widgets, a SQL notebook in its first cell from
 * named parameter markers, a procedure through parameters of the same names.
 */
public enum SessionVariables {
    ROW_AUDIT_ID("bfx_row_audit_id", "BIGINT", "row_audit_id", "The run catalog execution whose landed data is loaded."),
    STEP("bfx_step", "STRING", "step", "Which step to run: all, or one step of this notebook."),
    STAGING_CATALOG("bfx_stg_catalog", "STRING", "stg_catalog", "Catalog of the staging tables."),
    PSA_CATALOG("bfx_psa_catalog", "STRING", "psa_catalog", "Catalog of the persistent staging tables."),
    LANDING_ROOT("bfx_landing_root", "STRING", "landing_root",
            "Root URL of the landing container, for example abfss://landing@account.dfs.core.windows.net."),
    VAULT_CATALOG("bfx_dv_catalog", "STRING", "dv_catalog", "Catalog of the Silver tables (Data Vault or normal form)."),
    MART_CATALOG("bfx_dm_catalog", "STRING", "dm_catalog", "Catalog of the Gold tables (dimensions and facts).");

    private final String variable;
    private final String type;
    private final String widget;
    private final String description;

    SessionVariables(String variable, String type, String widget, String description) {
        this.variable = variable;
        this.type = type;
        this.widget = widget;
        this.description = description;
    }

    public String variable() {
        return variable;
    }

    public String type() {
        return type;
    }

    /** The widget, job parameter and procedure parameter name. */
    public String widget() {
        return widget;
    }

    public String description() {
        return description;
    }

    /** {@code DECLARE OR REPLACE VARIABLE bfx_x TYPE} */
    public Sql.Fragment declare() {
        return Sql.fragment("DECLARE OR REPLACE VARIABLE " + variable + " " + type);
    }

    /** {@code SET VAR bfx_x = CAST(:widget AS TYPE)}: binds the widget value as a named parameter, never as text. */
    public Sql.Fragment assignFromParameter() {
        return Sql.fragment("SET VAR " + variable + " = CAST(:" + widget + " AS " + type + ")");
    }
}
