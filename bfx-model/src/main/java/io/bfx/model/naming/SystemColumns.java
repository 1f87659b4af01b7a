package io.bfx.model.naming;

import java.util.List;

/**
 * The columns bfx adds to the tables it generates. A source column with one of these names would collide
 * (BFX028), so validation refuses it.
 */
public final class SystemColumns {

    private SystemColumns() {}

    /** The execution id (run catalog ExecutionID) that landed the row; BimlFlex's FlexRowAuditId. */
    public static final String AUDIT_ID = "row_audit_id";
    /** The source system's record source code. */
    public static final String RECORD_SOURCE = "row_record_source";
    /** When the row was loaded into the layer (load date timestamp). */
    public static final String EFFECTIVE_FROM = "row_effective_from";
    /** Hash of the descriptive columns, for delta detection. */
    public static final String ROW_HASH = "row_hash";

    public static final List<String> BRONZE = List.of(AUDIT_ID, RECORD_SOURCE, EFFECTIVE_FROM, ROW_HASH);

    /** Every system column name of every layer, for collision checks. */
    public static List<String> all() {
        return BRONZE;
    }
}
