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

    /** Satellite hash of the descriptive columns (the hash diff). */
    public static final String HASH_DIFF = "row_hash_diff";
    /** End of a satellite version, when DvEndDateSatellite is on. */
    public static final String EFFECTIVE_TO = "row_effective_to";
    /** Dimension version validity and currency. */
    public static final String VALID_FROM = "row_valid_from";
    public static final String VALID_TO = "row_valid_to";
    public static final String IS_CURRENT = "row_is_current";
    /** Dimension hashes of the type 1 and type 2 columns. */
    public static final String HASH_TYPE1 = "row_hash_type1";
    public static final String HASH_TYPE2 = "row_hash_type2";

    /** Every system column name of every layer, for collision checks. */
    public static List<String> all() {
        return List.of(AUDIT_ID, RECORD_SOURCE, EFFECTIVE_FROM, ROW_HASH, HASH_DIFF, EFFECTIVE_TO, VALID_FROM,
                VALID_TO, IS_CURRENT, HASH_TYPE1, HASH_TYPE2);
    }
}
