package io.bfx.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.model.SourceLocation;
import io.bfx.model.diag.Code;
import io.bfx.model.diag.Finding;
import io.bfx.model.diag.Findings;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTreeReaderTest {

    private final Findings findings = new Findings();

    private List<Node> read(String json) {
        return read(json, TreeLimits.DEFAULT);
    }

    private List<Node> read(String json, TreeLimits limits) {
        return new JsonTreeReader(limits).read("m.json", json, findings);
    }

    private List<String> reported() {
        return findings.sorted().stream().map(Finding::format).toList();
    }

    private List<Code> codes() {
        return findings.sorted().stream().map(Finding::code).toList();
    }

    private static SourceLocation at(int line, int column) {
        return new SourceLocation("m.json", line, column);
    }

    @Test
    void nestedValuesAndKeysKeepTheirLineAndColumn() {
        List<Node> docs = read("""
                {
                  "objects": [
                    {
                      "name": "Customer",
                      "columns": [ { "name": "CustomerID", "nullable": false, "ordinal": 1 } ]
                    }
                  ]
                }
                """);
        assertEquals(List.of(), reported());
        MapNode root = assertInstanceOf(MapNode.class, docs.get(0));
        assertEquals(at(1, 1), root.location());
        assertEquals(at(2, 3), root.entries().get("objects").keyLocation());
        ListNode objects = assertInstanceOf(ListNode.class, root.get("objects"));
        assertEquals(at(2, 14), objects.location());
        MapNode object = assertInstanceOf(MapNode.class, objects.items().get(0));
        assertEquals(at(3, 5), object.location());
        assertEquals(at(4, 7), object.entries().get("name").keyLocation());
        assertEquals(at(4, 15), object.get("name").location());
        MapNode column = assertInstanceOf(MapNode.class,
                assertInstanceOf(ListNode.class, object.get("columns")).items().get(0));
        assertEquals(at(5, 20), column.location());
        ScalarNode nullable = assertInstanceOf(ScalarNode.class, column.get("nullable"));
        assertEquals(at(5, 56), nullable.location());
        assertEquals(ScalarNode.Type.BOOLEAN, nullable.type());
        assertEquals("false", nullable.text());
        assertEquals(ScalarNode.Type.INTEGER, ((ScalarNode) column.get("ordinal")).type());
        assertEquals(ScalarNode.Type.STRING, ((ScalarNode) column.get("name")).type());
    }

    @Test
    void scalarTypes() {
        MapNode m = (MapNode) read("{\"a\": 1.5, \"b\": null, \"c\": \"x\", \"d\": -3}").get(0);
        assertEquals(ScalarNode.Type.DECIMAL, ((ScalarNode) m.get("a")).type());
        assertEquals(ScalarNode.Type.NULL, ((ScalarNode) m.get("b")).type());
        assertEquals(ScalarNode.Type.STRING, ((ScalarNode) m.get("c")).type());
        assertEquals("-3", ((ScalarNode) m.get("d")).text());
    }

    @Test
    void aDuplicateKeyIsReportedAtTheSecondWithTheLineOfTheFirst() {
        MapNode m = (MapNode) read("""
                {
                  "name": "EXT_AWLT",
                  "threads": 4,
                  "threads": 8
                }
                """).get(0);
        assertEquals(List.of("m.json:4:3 BFX002 Key 'threads' appears twice in this object (first at line 3); the "
                + "second value is ignored."), reported());
        assertEquals("4", ((ScalarNode) m.get("threads")).text());
    }

    @Test
    void contentAfterTheDocumentIsASyntaxError() {
        assertEquals(List.of(), read("{\"batches\": []}\n{\"objects\": []}\n"));
        assertEquals(List.of("m.json:2:1 BFX001 JSON syntax error: content after the end of the document."),
                reported());
    }

    @Test
    void aStrayWordAfterTheDocumentIsASyntaxError() {
        assertEquals(List.of(), read("{\"batches\": []} x"));
        assertEquals(List.of(Code.BFX001), codes());
        assertEquals(at(1, 17), findings.sorted().get(0).location());
    }

    @Test
    void aMissingCommaIsReportedWhereItIsNoticed() {
        assertEquals(List.of(), read("{\n  \"a\": 1\n  \"b\": 2\n}\n"));
        assertEquals(List.of(Code.BFX001), codes());
        assertEquals(at(3, 3), findings.sorted().get(0).location());
    }

    @Test
    void deepNestingIsRefusedWithoutOverflowingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertEquals(List.of(), read(deep));
        assertEquals(List.of(Code.BFX003), codes());
        assertTrue(findings.sorted().get(0).message().contains("nesting depth"), reported().toString());
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        assertEquals(1, read("[".repeat(64) + "]".repeat(64)).size());
        assertEquals(List.of(), reported());
    }

    @Test
    void anOverlongNumberIsASafetyLimitNotASyntaxError() {
        assertEquals(List.of(), read("{\"batches\": [{\"name\": \"B\", \"threads\": " + "9".repeat(1200) + "}]}"));
        assertEquals(List.of(Code.BFX003), codes(), reported().toString());
    }

    @Test
    void aDocumentLargerThanTheLimitIsRefused() {
        assertEquals(List.of(), read("{\"description\": \"" + "x".repeat(200) + "\"}", new TreeLimits(100, 64, 1000, 100)));
        assertEquals(List.of("m.json BFX003 JSON document refused: larger than 100 characters."), reported());
    }

    @Test
    void anEmptyFileHasNoDocumentAndNoFinding() {
        assertEquals(List.of(), read(""));
        assertEquals(List.of(), read("  \n"));
        assertEquals(List.of(), reported());
    }
}
