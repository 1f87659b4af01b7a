package io.bfx.generate.adf;

import io.bfx.generate.GenerationException;
import io.bfx.model.Column;
import io.bfx.model.DataObject;
import io.bfx.model.types.DataType;
import io.bfx.model.types.DataTypes;
import java.util.List;

/**
 * The T-SQL of a high-watermark column, by its data type: how the upper bound is read as text (it is stored in
 * the run catalog as text) and how a stored value is turned back into the column's type for the filter. Dates
 * and timestamps use ODBC canonical style 121 ({@code yyyy-mm-dd hh:mi:ss.fffffff}), which the catalog compares
 * as instants; numbers are written and read as plain decimals.
 */
public record WatermarkSql(String maxExpression, String valuePrefix, String valueSuffix) {

    private static final List<String> LOWER = List.of(">", ">=");
    private static final List<String> UPPER = List.of("<", "<=");

    /** The SQL for column {@code columnName} of {@code object}. */
    public static WatermarkSql of(DataObject object, String columnName) {
        Column column = object.column(columnName).orElseThrow(() -> new GenerationException(
                "High-watermark column " + columnName + " does not exist in " + object.qualifiedName()));
        DataTypes.Parsed parsed = DataTypes.parse(column.dataType());
        if (!parsed.ok()) {
            throw new GenerationException("High-watermark column " + object.qualifiedName() + "." + column.name()
                    + " has an unknown data type: " + parsed.problem());
        }
        String col = TSql.identifier(column.name());
        DataType type = parsed.type();
        return switch (type.kind()) {
            case DATE, DATE_TIME, DATE_TIME2 -> new WatermarkSql("CONVERT(VARCHAR(27), MAX(" + col + "), 121)",
                    "CONVERT(DATETIME2, '", "', 121)");
            case DATE_TIME_OFFSET -> new WatermarkSql("CONVERT(VARCHAR(34), MAX(" + col + "), 121)",
                    "CONVERT(DATETIMEOFFSET, '", "', 121)");
            case BYTE, SBYTE, INT16, INT32, INT64, UINT16, UINT32 -> new WatermarkSql(
                    "CONVERT(VARCHAR(20), MAX(" + col + "))", "CONVERT(BIGINT, '", "')");
            case UINT64, DECIMAL, VAR_NUMERIC, CURRENCY -> new WatermarkSql(
                    "CONVERT(VARCHAR(40), MAX(" + col + "))", "CONVERT(DECIMAL(38, " + scale(type) + "), '", "')");
            case ANSI_STRING, ANSI_STRING_FIXED_LENGTH, STRING, STRING_FIXED_LENGTH -> new WatermarkSql(
                    "CONVERT(NVARCHAR(4000), MAX(" + col + "))", "N'", "'");
            default -> throw new GenerationException("High-watermark column " + object.qualifiedName() + "."
                    + column.name() + " is " + type.notation() + "; use a date, timestamp, number or text column.");
        };
    }

    private static int scale(DataType type) {
        return switch (type.kind()) {
            case CURRENCY -> 4;
            case UINT64 -> 0;
            default -> type.scale() == null ? 0 : Math.min(38, type.scale());
        };
    }

    /** A lower-bound operator of a high-watermark ({@code >} or {@code >=}). */
    public static String lowerOperator(String operator) {
        return check(operator == null ? ">" : operator.trim(), LOWER);
    }

    /** An upper-bound operator ({@code <} or {@code <=}); a window without one still stops at the upper bound. */
    public static String upperOperator(String operator) {
        return check(operator == null ? "<=" : operator.trim(), UPPER);
    }

    private static String check(String operator, List<String> allowed) {
        if (!allowed.contains(operator)) {
            throw new GenerationException("Unsupported high-watermark operator '" + operator + "'; expected one of "
                    + allowed);
        }
        return operator;
    }
}
