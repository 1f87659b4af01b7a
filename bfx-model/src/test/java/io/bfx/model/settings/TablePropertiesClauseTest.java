package io.bfx.model.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TablePropertiesClauseTest {

    private static String refused(String text) {
        return assertThrows(IllegalArgumentException.class, () -> TablePropertiesClause.parse(text)).getMessage();
    }

    @Test
    void theDefaultSettingParses() {
        assertEquals(Map.of("delta.autoOptimize.optimizeWrite", "true", "delta.autoOptimize.autoCompact", "true"),
                TablePropertiesClause.parse(Settings.DATABRICKS_TABLE_PROPERTIES.defaultValue()));
    }

    @Test
    void keysKeepTheirOrder() {
        assertEquals(List.of("b", "a", "c"),
                List.copyOf(TablePropertiesClause.parse("TBLPROPERTIES (b = 1, a = 2, c = 3)").keySet()));
    }

    @Test
    void emptyMeansNoProperties() {
        assertEquals(Map.of(), TablePropertiesClause.parse(null));
        assertEquals(Map.of(), TablePropertiesClause.parse(""));
        assertEquals(Map.of(), TablePropertiesClause.parse("   "));
        assertEquals(Map.of(), TablePropertiesClause.parse("TBLPROPERTIES ()"));
        assertEquals(Map.of(), TablePropertiesClause.parse("( )"));
    }

    @Test
    void theKeywordIsOptionalAndIgnoresCaseAndLineBreaks() {
        assertEquals(Map.of("a", "1"), TablePropertiesClause.parse("(a = 1)"));
        assertEquals(Map.of("a", "1", "b", "2"), TablePropertiesClause.parse("tblproperties(\n  a=1,\n  b = 2\n)"));
    }

    @Test
    void quotesAreRemovedFromKeysAndValues() {
        assertEquals(Map.of("delta.appendOnly", "true", "comment", "orders", "owner", "data team"),
                TablePropertiesClause.parse("TBLPROPERTIES ('delta.appendOnly' = 'true', `comment` = \"orders\", "
                        + "owner = 'data team')"));
    }

    @Test
    void commasAndEqualsSignsInsideQuotesBelongToTheValue() {
        assertEquals(Map.of("comment", "orders, lines", "delta.appendOnly", "true"),
                TablePropertiesClause.parse("TBLPROPERTIES ('comment' = 'orders, lines', delta.appendOnly = true)"));
        assertEquals(Map.of("comment", "a=b"), TablePropertiesClause.parse("TBLPROPERTIES (comment = 'a=b')"));
        assertEquals(Map.of("comment", "(x)"), TablePropertiesClause.parse("TBLPROPERTIES (comment = '(x)')"));
    }

    @Test
    void aTrailingCommaIsTolerated() {
        assertEquals(Map.of("a", "1"), TablePropertiesClause.parse("TBLPROPERTIES (a = 1,)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "delta.appendOnly = true|expected TBLPROPERTIES (key = value, ...)",
        "TBLPROPERTIES delta.appendOnly = true|expected TBLPROPERTIES (key = value, ...)",
        "TBLPROPERTIES (delta.appendOnly)|expected key = value in 'delta.appendOnly'",
        "TBLPROPERTIES (a = 1,, b = 2)|expected key = value in ''",
        "TBLPROPERTIES (1abc = 1)|'1abc' is not a valid property key",
        "TBLPROPERTIES (a-b = 1)|'a-b' is not a valid property key",
        "TBLPROPERTIES (a = )|property 'a' has no valid value",
        "TBLPROPERTIES (a = 1, a = 2)|property 'a' is given twice",
        "TBLPROPERTIES ('comment' = 'open)|a quote (') is not closed in ''comment' = 'open'"})
    void refusedClauses(String text, String problem) {
        assertEquals(problem, refused(text));
    }

    @Test
    void aControlCharacterInAValueIsRefused() {
        assertEquals("property 'a' has no valid value", refused("TBLPROPERTIES (a = 'x\u0001y')"));
    }

    @Test
    void theSettingTypeReportsTheParserProblem() {
        SettingType type = Settings.DATABRICKS_TABLE_PROPERTIES.type();
        assertEquals(Optional.empty(), type.check("TBLPROPERTIES ('comment' = 'orders, lines')"));
        assertEquals(Optional.of("property 'a' is given twice"), type.check("TBLPROPERTIES (a = 1, a = 2)"));
    }
}
