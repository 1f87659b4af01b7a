package io.bfx.model.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.model.types.DataType.Kind;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DataTypesTest {

    /** The Delta type of every kind written without arguments. A new kind fails here until its mapping is decided. */
    private static final Map<Kind, String> DATABRICKS = new EnumMap<>(Map.ofEntries(
            Map.entry(Kind.ANSI_STRING, "STRING"),
            Map.entry(Kind.ANSI_STRING_FIXED_LENGTH, "STRING"),
            Map.entry(Kind.STRING, "STRING"),
            Map.entry(Kind.STRING_FIXED_LENGTH, "STRING"),
            Map.entry(Kind.BYTE, "SMALLINT"), // SQL Server tinyint is 0..255, Spark's TINYINT is signed
            Map.entry(Kind.SBYTE, "TINYINT"),
            Map.entry(Kind.INT16, "SMALLINT"),
            Map.entry(Kind.INT32, "INT"),
            Map.entry(Kind.INT64, "BIGINT"),
            Map.entry(Kind.UINT16, "INT"),
            Map.entry(Kind.UINT32, "BIGINT"),
            Map.entry(Kind.UINT64, "DECIMAL(20,0)"),
            Map.entry(Kind.DECIMAL, "DECIMAL(18,0)"),
            Map.entry(Kind.VAR_NUMERIC, "DECIMAL(18,0)"),
            Map.entry(Kind.CURRENCY, "DECIMAL(19,4)"),
            Map.entry(Kind.DOUBLE, "DOUBLE"),
            Map.entry(Kind.SINGLE, "FLOAT"),
            Map.entry(Kind.BOOLEAN, "BOOLEAN"),
            Map.entry(Kind.DATE, "DATE"),
            Map.entry(Kind.DATE_TIME, "TIMESTAMP"),
            Map.entry(Kind.DATE_TIME2, "TIMESTAMP"),
            Map.entry(Kind.DATE_TIME_OFFSET, "TIMESTAMP"),
            Map.entry(Kind.TIME, "STRING"),
            Map.entry(Kind.GUID, "STRING"),
            Map.entry(Kind.BINARY, "BINARY"),
            Map.entry(Kind.XML, "STRING")));

    private static DataType ok(String text) {
        DataTypes.Parsed p = DataTypes.parse(text);
        assertTrue(p.ok(), text + ": " + p.problem());
        assertNull(p.problem());
        return p.type();
    }

    private static String problem(String text) {
        DataTypes.Parsed p = DataTypes.parse(text);
        assertFalse(p.ok(), text + " must not parse, but gave " + p.type());
        assertNull(p.type());
        return p.problem();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyKindParsesFromItsLabelAndMaps(Kind kind) {
        DataType t = ok(kind.label());
        assertEquals(kind, t.kind());
        assertEquals(kind, ok(kind.label().toUpperCase()).kind(), "names ignore case");
        if (kind == Kind.OBJECT || kind == Kind.VARIANT) {
            assertNull(t.databricksType(), kind + " has no Delta type (BFX013)");
        } else {
            assertTrue(DATABRICKS.containsKey(kind), "no expected Databricks type for " + kind);
            assertEquals(DATABRICKS.get(kind), t.databricksType());
        }
        assertEquals(kind, ok(t.notation()).kind(), "the notation parses back");
    }

    @Test
    void kindLabelsListEveryKind() {
        assertEquals(Kind.values().length, DataTypes.kindLabels().size());
        assertTrue(DataTypes.kindLabels().contains("AnsiString"));
        assertTrue(DataTypes.kindLabels().contains("DateTimeOffset"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "AnsiString(50); 50; AnsiString(50); STRING",
        "String(MAX); -1; String(MAX); STRING",
        "string(max); -1; String(MAX); STRING",
        "AnsiStringFixedLength(-1); -1; AnsiStringFixedLength(MAX); STRING",
        "Binary(MAX); -1; Binary(MAX); BINARY",
        "Binary(16); 16; Binary(16); BINARY",
        "StringFixedLength(2147483647); 2147483647; StringFixedLength(2147483647); STRING",
        "  String ( 4000 )  ; 4000; String(4000); STRING"})
    void lengths(String text, int length, String notation, String databricks) {
        DataType t = ok(text);
        assertEquals(length, t.length());
        assertEquals(notation, t.notation());
        assertEquals(databricks, t.databricksType());
    }

    @Test
    void aLengthIsOptional() {
        DataType t = ok("AnsiString");
        assertNull(t.length());
        assertEquals("AnsiString", t.notation());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AnsiString(0)", "String(-2)", "String(abc)", "String(50,2)", "Binary()",
        "String(2147483648)"})
    void badLengths(String text) {
        problem(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Decimal(19,4); 19; 4; DECIMAL(19,4); Decimal(19,4)",
        "Decimal(19, 4); 19; 4; DECIMAL(19,4); Decimal(19,4)",
        "Decimal(10); 10; 0; DECIMAL(10,0); Decimal(10,0)",
        "Decimal; 18; 0; DECIMAL(18,0); Decimal(18,0)",
        "Decimal(1,0); 1; 0; DECIMAL(1,0); Decimal(1,0)",
        "Decimal(38,38); 38; 38; DECIMAL(38,38); Decimal(38,38)",
        "Decimal(38,0); 38; 0; DECIMAL(38,0); Decimal(38,0)",
        "VarNumeric(12,2); 12; 2; DECIMAL(12,2); VarNumeric(12,2)"})
    void precisionAndScale(String text, int precision, int scale, String databricks, String notation) {
        DataType t = ok(text);
        assertEquals(precision, t.precision());
        assertEquals(scale, t.scale());
        assertEquals(databricks, t.databricksType());
        assertEquals(notation, t.notation());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Decimal(39,0); precision 39 is outside 1..38",
        "Decimal(0); precision 0 is outside 1..38",
        "Decimal(10,11); scale 11 must be between 0 and the precision 10",
        "Decimal(10,-1); scale -1 must be between 0 and the precision 10",
        "Decimal(19,4,2); Decimal takes a precision and a scale, like Decimal(19,4)",
        "Decimal(x,2); precision and scale must be whole numbers",
        "Decimal(,2); precision and scale must be whole numbers",
        "Decimal(); precision and scale must be whole numbers"})
    void precisionAndScaleBounds(String text, String problem) {
        assertEquals(problem, problem(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "DateTime2; 7; TIMESTAMP",
        "DateTime2(0); 0; TIMESTAMP",
        "DateTime2(7); 7; TIMESTAMP",
        "DateTimeOffset(3); 3; TIMESTAMP",
        "Time(7); 7; STRING"})
    void fractionalSeconds(String text, int scale, String databricks) {
        DataType t = ok(text);
        assertEquals(scale, t.scale());
        assertEquals(databricks, t.databricksType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DateTime2(8)", "Time(-1)", "DateTimeOffset(3,1)", "Time(x)"})
    void fractionalSecondsBounds(String text) {
        assertTrue(problem(text).contains("must be 0 to 7"), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Int32(4); Int32 takes no size",
        "Guid(); Guid takes no size",
        "nvarchar(50); 'nvarchar' is not a data type",
        "AnsiString(50; expected a name with optional arguments in parentheses, like AnsiString(50)",
        "Decimal(19,4) NOT NULL; expected a name with optional arguments in parentheses, like AnsiString(50)"})
    void unparseable(String text, String problem) {
        assertEquals(problem, problem(text));
    }

    @Test
    void aQuotedTypeIsNotAType() {
        assertEquals("expected a name with optional arguments in parentheses, like AnsiString(50)",
                problem("'String(50)'"));
    }

    @Test
    void emptyIsNotAType() {
        assertEquals("the data type is empty", problem(""));
        assertEquals("the data type is empty", problem("   "));
        assertEquals("the data type is empty", problem(null));
    }

    @Test
    void textKinds() {
        assertTrue(ok("AnsiString(10)").isText());
        assertTrue(ok("Guid").isText());
        assertTrue(ok("Time").isText(), "kept as ISO text in Delta");
        assertFalse(ok("Int32").isText());
        assertFalse(ok("Binary(16)").isText());
    }
}
