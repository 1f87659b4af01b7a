package io.bfx.model.types;

/**
 * A parsed BimlFlex data type: its kind and the size arguments it was written with. {@code length} is -1 for MAX.
 * {@link #databricksType()} is the Delta column type it maps to, or null when the kind cannot be stored in Delta
 * (checked by validation with BFX013).
 */
public record DataType(Kind kind, Integer length, Integer precision, Integer scale) {

    /** The BimlFlex data type names bfx knows. */
    public enum Kind {
        ANSI_STRING("AnsiString", Args.LENGTH),
        ANSI_STRING_FIXED_LENGTH("AnsiStringFixedLength", Args.LENGTH),
        STRING("String", Args.LENGTH),
        STRING_FIXED_LENGTH("StringFixedLength", Args.LENGTH),
        BYTE("Byte", Args.NONE),
        SBYTE("SByte", Args.NONE),
        INT16("Int16", Args.NONE),
        INT32("Int32", Args.NONE),
        INT64("Int64", Args.NONE),
        UINT16("UInt16", Args.NONE),
        UINT32("UInt32", Args.NONE),
        UINT64("UInt64", Args.NONE),
        DECIMAL("Decimal", Args.PRECISION_SCALE),
        VAR_NUMERIC("VarNumeric", Args.PRECISION_SCALE),
        CURRENCY("Currency", Args.NONE),
        DOUBLE("Double", Args.NONE),
        SINGLE("Single", Args.NONE),
        BOOLEAN("Boolean", Args.NONE),
        DATE("Date", Args.NONE),
        DATE_TIME("DateTime", Args.NONE),
        DATE_TIME2("DateTime2", Args.FRACTION),
        DATE_TIME_OFFSET("DateTimeOffset", Args.FRACTION),
        TIME("Time", Args.FRACTION),
        GUID("Guid", Args.NONE),
        BINARY("Binary", Args.LENGTH),
        XML("Xml", Args.NONE),
        OBJECT("Object", Args.NONE),
        VARIANT("Variant", Args.NONE);

        private final String label;
        private final Args args;

        Kind(String label, Args args) {
            this.label = label;
            this.args = args;
        }

        public String label() {
            return label;
        }

        Args args() {
            return args;
        }
    }

    /** Which arguments a kind takes in parentheses. */
    enum Args {
        NONE,
        LENGTH,
        PRECISION_SCALE,
        FRACTION
    }

    /** The Delta / Databricks SQL type, or null when there is none. */
    public String databricksType() {
        return switch (kind) {
            case ANSI_STRING, ANSI_STRING_FIXED_LENGTH, STRING, STRING_FIXED_LENGTH, XML, GUID -> "STRING";
            // SQL Server's tinyint is unsigned (0..255) and does not fit Spark's signed TINYINT.
            case BYTE, INT16 -> "SMALLINT";
            case SBYTE -> "TINYINT";
            case INT32, UINT16 -> "INT";
            case INT64, UINT32 -> "BIGINT";
            case UINT64 -> "DECIMAL(20,0)";
            case DECIMAL, VAR_NUMERIC -> "DECIMAL(" + (precision == null ? 18 : precision) + ","
                    + (scale == null ? 0 : scale) + ")";
            case CURRENCY -> "DECIMAL(19,4)";
            case DOUBLE -> "DOUBLE";
            case SINGLE -> "FLOAT";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case DATE_TIME, DATE_TIME2, DATE_TIME_OFFSET -> "TIMESTAMP";
            // Spark has no TIME type on Databricks: keep the ISO text (HH:mm:ss.fffffff).
            case TIME -> "STRING";
            case BINARY -> "BINARY";
            case OBJECT, VARIANT -> null;
        };
    }

    /** The canonical BimlFlex notation, for example {@code Decimal(19,4)}. */
    public String notation() {
        return switch (kind.args()) {
            case NONE -> kind.label();
            case LENGTH -> length == null ? kind.label() : kind.label() + "(" + (length == -1 ? "MAX" : length) + ")";
            case PRECISION_SCALE -> precision == null ? kind.label()
                    : kind.label() + "(" + precision + (scale == null ? "" : "," + scale) + ")";
            case FRACTION -> scale == null ? kind.label() : kind.label() + "(" + scale + ")";
        };
    }

    public boolean isText() {
        return switch (kind) {
            case ANSI_STRING, ANSI_STRING_FIXED_LENGTH, STRING, STRING_FIXED_LENGTH, XML, GUID, TIME -> true;
            default -> false;
        };
    }
}
