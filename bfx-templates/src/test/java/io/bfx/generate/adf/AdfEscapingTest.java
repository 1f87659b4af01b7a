package io.bfx.generate.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bfx.generate.GenerationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The escaping helpers every user-derived value goes through: ADF expressions, T-SQL, ARM, JSON layout. */
class AdfEscapingTest {

    // ------------------------------------------------------------------ ADF expression language

    @Test
    void literalLeavesOrdinaryTextAlone() {
        assertEquals("SalesLT", AdfStrings.literal("SalesLT"));
        assertEquals("a@b.com", AdfStrings.literal("a@b.com"));
        assertEquals(" @x", AdfStrings.literal(" @x"));
        assertEquals("", AdfStrings.literal(""));
    }

    @Test
    void literalDoublesALeadingAt() {
        assertEquals("@@pipeline().RunId", AdfStrings.literal("@pipeline().RunId"));
        assertEquals("@@", AdfStrings.literal("@"));
        assertEquals("@@@x", AdfStrings.literal("@@x"));
    }

    @Test
    void literalEscapesInterpolationAnywhere() {
        assertEquals("a@@{b}", AdfStrings.literal("a@{b}"));
        assertEquals("@@{pipeline().RunId}", AdfStrings.literal("@{pipeline().RunId}"));
        assertEquals("x @@{a} y @@{b}", AdfStrings.literal("x @{a} y @{b}"));
    }

    @Test
    void quoteDoublesSingleQuotes() {
        assertEquals("'O''Brien'", AdfStrings.quote("O'Brien"));
        assertEquals("''''", AdfStrings.quote("'"));
        assertEquals("'plain'", AdfStrings.quote("plain"));
    }

    @Test
    void expressionRefusesASecondAt() {
        assertEquals("@pipeline().RunId", AdfStrings.expression("pipeline().RunId"));
        assertThrows(IllegalArgumentException.class, () -> AdfStrings.expression("@x"));
    }

    @Test
    void interpolationEscapesTextButNotExpressions() {
        assertEquals("SELECT [x] FROM [t] WHERE [c] > '@{activity('A').output.firstRow.V}'",
                AdfStrings.interpolate().text("SELECT [x] FROM [t] WHERE [c] > '").expr("activity('A').output.firstRow.V")
                        .text("'").build());
        assertEquals("a @@{b} @{c}", AdfStrings.interpolate().text("a @{b} ").expr("c").build());
        // text at the very start that would read as an expression
        assertEquals("@@abc@{x}", AdfStrings.interpolate().text("@abc").expr("x").build());
        // an expression at the start is interpolation, not escaped
        assertEquals("@{x} done", AdfStrings.interpolate().expr("x").text(" done").build());
    }

    // ------------------------------------------------------------------ T-SQL

    @Test
    void tsqlIdentifiersAreBracketQuoted() {
        assertEquals("[ModifiedDate]", TSql.identifier("ModifiedDate"));
        assertEquals("[Order]]Lines]", TSql.identifier("Order]Lines"));
        assertEquals("[a[b]", TSql.identifier("a[b"));
        assertEquals("[SalesLT].[Customer]", TSql.qualified("SalesLT", "Customer"));
        assertEquals("[Customer]", TSql.qualified("", "Customer"));
        assertEquals("[Customer]", TSql.qualified(null, "Customer"));
        assertThrows(GenerationException.class, () -> TSql.identifier(""));
        assertThrows(GenerationException.class, () -> TSql.identifier("a\nb"));
    }

    @Test
    void tsqlLiteralsDoubleQuotes() {
        assertEquals("N'O''Brien'", TSql.literal("O'Brien"));
    }

    // ------------------------------------------------------------------ ARM

    @Test
    void armLiteralDoublesALeadingBracket() {
        assertEquals("[[bfx].[LogExecutionStart]", ArmStrings.literal("[bfx].[LogExecutionStart]"));
        assertEquals("SELECT [a] FROM [b]", ArmStrings.literal("SELECT [a] FROM [b]"));
        assertEquals("[[", ArmStrings.literal("["));
        assertEquals("", ArmStrings.literal(""));
    }

    @Test
    void armEscapeTreeEscapesEveryStringValueButNoKey() throws Exception {
        JsonNode in = new ObjectMapper().readTree(
                "{\"[k]\": \"[v]\", \"list\": [\"[a]\", 1, true, null, {\"n\": \"[b\"}], \"plain\": \"x[y]\"}");
        JsonNode out = ArmStrings.escapeTree(in);
        assertEquals("{\"[k]\":\"[[v]\",\"list\":[\"[[a]\",1,true,null,{\"n\":\"[[b\"}],\"plain\":\"x[y]\"}",
                out.toString());
        assertEquals("[v]", in.get("[k]").textValue(), "the input is not modified");
    }

    // ------------------------------------------------------------------ names and lanes

    @Test
    void shortActivityNamesAreKept() {
        String name = "x".repeat(ActivityNames.MAX_LENGTH);
        assertEquals(name, ActivityNames.fit(name));
    }

    @Test
    void longActivityNamesAreCutWithAStableHash() {
        String a = "EXT_AWLT_DBR_SalesLT_ProductModelProductDescription_And_More_A";
        String b = "EXT_AWLT_DBR_SalesLT_ProductModelProductDescription_And_More_B";
        assertEquals(ActivityNames.MAX_LENGTH, ActivityNames.fit(a).length());
        assertEquals(ActivityNames.fit(a), ActivityNames.fit(a));
        assertNotEquals(ActivityNames.fit(a), ActivityNames.fit(b));
        assertTrue(ActivityNames.fit(a).startsWith("EXT_AWLT_DBR_SalesLT_ProductModel"));
    }

    @Test
    void slicesKeepOrderAndLimit() {
        List<Integer> items = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertEquals(List.of(List.of(1, 2, 3, 4), List.of(5, 6, 7, 8), List.of(9, 10)), Lanes.slices(items, 4));
        assertEquals(List.of(items), Lanes.slices(items, 40));
        assertEquals(List.of(), Lanes.slices(List.of(), 40));
        assertThrows(IllegalArgumentException.class, () -> Lanes.slices(items, 0));
    }

    @Test
    void eachActivityWaitsForThePreviousOfItsLane() {
        assertEquals(List.of(-1, -1, -1, 0, 1, 2, 3), Lanes.predecessors(7, 3));
        assertEquals(List.of(-1, 0, 1), Lanes.predecessors(3, 1));
        assertEquals(List.of(-1, -1), Lanes.predecessors(2, 8));
    }

    // ------------------------------------------------------------------ JSON layout

    @Test
    void jsonIsWrittenInOneCanonicalLayout() {
        String text = JsonOutput.write(JsonOutput.parse("t.json",
                "{\"b\":1,\"a\":{\"x\":[1,\"s\"],\"e\":{},\"f\":[]}}"));
        assertEquals("{\n  \"b\": 1,\n  \"a\": {\n    \"x\": [\n      1,\n      \"s\"\n    ],\n"
                + "    \"e\": {},\n    \"f\": []\n  }\n}\n", text);
    }

    @Test
    void aTemplateMistakeFailsWithThePath() {
        GenerationException comma = assertThrows(GenerationException.class,
                () -> JsonOutput.parse("adf/pipeline/P.json", "{\"a\": [1, 2,]}"));
        assertTrue(comma.getMessage().contains("adf/pipeline/P.json"), comma.getMessage());
        GenerationException duplicate = assertThrows(GenerationException.class,
                () -> JsonOutput.parse("adf/pipeline/P.json", "{\"a\": 1, \"a\": 2}"));
        assertTrue(duplicate.getMessage().contains("Duplicate field 'a'"), duplicate.getMessage());
        assertThrows(GenerationException.class, () -> JsonOutput.parse("x.json", "[1]"));
        assertThrows(GenerationException.class, () -> JsonOutput.parse("x.json", "{} {}"));
    }
}
