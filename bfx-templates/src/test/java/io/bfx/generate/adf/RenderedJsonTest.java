package io.bfx.generate.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bfx.generate.GenerationException;
import io.bfx.generate.adf.AdfResources.Kind;
import io.bfx.generate.adf.RenderedJson.Ref;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one streaming pass over rendered ADF JSON gives what parsing into a tree and printing it gave. */
class RenderedJsonTest {

    private static final String PIPELINE = """
            {"name": "P", "properties": {
              "description": "[draft] x", "folder": {"name": "F"},
              "activities": [
                {"name": "A", "type": "Lookup", "typeProperties": {
                  "dataset": {"referenceName": "DS", "type": "DatasetReference"}}},
                {"type": "IfCondition", "name": "If", "typeProperties": {
                  "activities": [{"name": "Inner"}],
                  "ifFalseActivities": [{"name": "False1"}],
                  "ifTrueActivities": [{"name": "True1", "typeProperties": {"ifTrueActivities": [{"name": "Deep"}]}},
                                       {"name": "True2"}]}},
                {"name": "Job", "linkedServiceName": {"type": "LinkedServiceReference", "referenceName": "LS"},
                 "typeProperties": {"jobId": {"value": "@pipeline().globalParameters.JOB", "type": "Expression"},
                   "pipeline": {"referenceName": "Child", "type": "PipelineReference",
                     "connectVia": {"referenceName": "IR", "type": "IntegrationRuntimeReference"}}}}
              ]}}
            """;

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"a\": []}",
        "{\"b\":1,\"a\":{\"x\":[1,\"s\"],\"e\":{},\"f\":[]}}",
        "{\"n\": [0, -1, 2147483647, 2147483648, -9223372036854775808, 99999999999999999999999, 1.5, -0.25, 1e3]}",
        "{\"t\": true, \"f\": false, \"z\": null, \"nested\": [[[]], [{}], [[1, [2]]]]}",
        "{\"s\": \"quote \\\" backslash \\\\ tab \\t nl \\n ctl \\u0001 uni \\u00e9\\u4e2d \\ud83d\\ude00 \\u2028\"}",
        "{\"[k]\": \"[v]\", \"name\": \"N\", \"properties\": {\"x\": \"[[y\", \"list\": [\"[a]\", {\"b\": \"[c\"}]}}",
        PIPELINE
    })
    void writesTheCanonicalLayoutOfParseAndWrite(String json) {
        String expected = JsonOutput.write(JsonOutput.parse("t.json", json));
        assertEquals(expected, RenderedJson.file("t.json", json).text());
        assertEquals(expected, RenderedJson.resource("t.json", json, true).text());
    }

    @Test
    void armPropertiesAreTheEscapedPropertiesIndentedForTheirPlaceInATemplate() {
        ObjectNode tree = JsonOutput.parse("p.json", PIPELINE);
        String arm = RenderedJson.resource("p.json", PIPELINE, true).armProperties();
        assertEquals(ArmStrings.escapeTree(tree.path("properties")), JsonOutput.parse("arm", arm));
        // what a template of the escaped tree has at resources[0].properties, without the surrounding lines
        ObjectNode template = JsonOutput.object();
        template.putArray("resources").addObject().set("properties", ArmStrings.escapeTree(tree.path("properties")));
        String whole = JsonOutput.write(template);
        String start = "\"properties\": ";
        String inTemplate = whole.substring(whole.indexOf(start) + start.length(), whole.lastIndexOf("\n    }"));
        assertEquals(inTemplate, arm);
        assertTrue(arm.contains("\"description\": \"[[draft] x\""), arm);
    }

    @Test
    void collectsWhatTheChecksAndTheTemplateNeed() {
        RenderedJson.Result r = RenderedJson.resource("p.json", PIPELINE, true);
        assertEquals("P", r.name());
        // the order of a walk listing an activity, then its true, false and inner activities
        assertEquals(List.of("A", "If", "True1", "Deep", "True2", "False1", "Inner", "Job"), r.activityNames());
        assertEquals(List.of(new Ref(Kind.DATASET, "DS"), new Ref(Kind.LINKED_SERVICE, "LS"),
                new Ref(Kind.PIPELINE, "Child")), r.references());
        assertTrue(r.usesGlobalParameters());

        RenderedJson.Result plain = RenderedJson.resource("d.json",
                "{\"name\": null, \"properties\": {\"type\": \"Parquet\"}}", false);
        assertNull(plain.name());
        assertEquals(List.of(), plain.activityNames());
        assertFalse(plain.usesGlobalParameters());
        assertNull(RenderedJson.resource("x.json", "{\"name\": \"X\"}", false).armProperties());
        assertNull(RenderedJson.file("f.json", PIPELINE).armProperties());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": [1, 2,]}", "{\"a\": 1, \"a\": 2}", "[1]", "{} {}", "", "{\"a\": 1} [", "// c\n{}",
        "{\"a\": 1", "\"s\""})
    void failsLikeParsingIntoATree(String json) {
        GenerationException parse = assertThrows(GenerationException.class, () -> JsonOutput.parse("adf/x.json", json));
        GenerationException pass = assertThrows(GenerationException.class, () -> RenderedJson.file("adf/x.json", json));
        assertTrue(pass.getMessage().startsWith("Generated file adf/x.json is not "), pass.getMessage());
        assertEquals(parse.getMessage().contains("not valid JSON"), pass.getMessage().contains("not valid JSON"),
                parse.getMessage() + " / " + pass.getMessage());
        if (json.contains("\"a\": 2")) {
            assertTrue(pass.getMessage().contains("Duplicate field 'a'"), pass.getMessage());
        }
    }

    @Test
    void activitiesUnderAnObjectAreItsValues() {
        RenderedJson.Result r = RenderedJson.resource("p.json",
                "{\"name\": \"P\", \"properties\": {\"activities\": {\"x\": {\"name\": \"A\"}, \"y\": 5}}}", true);
        assertEquals(List.of("A", ""), r.activityNames(), "as iterating a tree's object node gives its values");
    }
}
