package io.bfx.model.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.model.SourceLocation;
import io.bfx.model.diag.Code;
import io.bfx.model.diag.Finding;
import io.bfx.model.diag.Findings;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {

    private final Findings findings = new Findings();

    private List<Node> read(String yaml) {
        return read(yaml, TreeLimits.DEFAULT);
    }

    private List<Node> read(String yaml, TreeLimits limits) {
        return new YamlTreeReader(limits).read("m.yml", yaml, findings);
    }

    private List<String> reported() {
        return findings.sorted().stream().map(Finding::format).toList();
    }

    private static SourceLocation at(int line, int column) {
        return new SourceLocation("m.yml", line, column);
    }

    private static MapNode map(Node n) {
        return assertInstanceOf(MapNode.class, n);
    }

    private static ScalarNode scalar(Node n) {
        return assertInstanceOf(ScalarNode.class, n);
    }

    private static Node item(Node list, int i) {
        return assertInstanceOf(ListNode.class, list).items().get(i);
    }

    @Test
    void nestedValuesAndKeysKeepTheirLineAndColumn() {
        List<Node> docs = read("""
                connections:
                  - name: AWLT_SRC
                    systemType: SqlServer
                objects:
                  - connection: AWLT_SRC
                    columns:
                      - { name: CustomerID, dataType: Int32 }
                      - name: LastName
                        dataType: "String(50)"
                """);
        assertEquals(List.of(), reported());
        MapNode root = map(docs.get(0));
        assertEquals(at(1, 1), root.location());
        assertEquals(at(1, 1), root.entries().get("connections").keyLocation());
        MapNode connection = map(item(root.get("connections"), 0));
        assertEquals(at(2, 5), connection.location());
        assertEquals(at(3, 5), connection.entries().get("systemType").keyLocation());
        assertEquals(at(3, 17), connection.get("systemType").location());

        Node columns = map(item(root.get("objects"), 0)).get("columns");
        assertEquals(at(7, 7), columns.location());
        MapNode flow = map(item(columns, 0));
        assertEquals(at(7, 9), flow.location());
        assertEquals(at(7, 39), flow.get("dataType").location());
        assertEquals("Int32", scalar(flow.get("dataType")).text());
        MapNode block = map(item(columns, 1));
        assertEquals(at(9, 9), block.entries().get("dataType").keyLocation());
        assertEquals(at(9, 19), block.get("dataType").location(), "a quoted value starts at its quote");
        assertEquals("String(50)", scalar(block.get("dataType")).text());
    }

    @Test
    void scalarsKeepTheTypeTheFileGaveThem() {
        MapNode m = map(read("""
                a: 4
                b: "4"
                c: true
                d: ~
                e:
                f: 1.5
                g: text
                """).get(0));
        assertEquals(ScalarNode.Type.INTEGER, scalar(m.get("a")).type());
        assertEquals(ScalarNode.Type.STRING, scalar(m.get("b")).type());
        assertEquals("4", scalar(m.get("b")).text());
        assertEquals(ScalarNode.Type.BOOLEAN, scalar(m.get("c")).type());
        assertEquals(ScalarNode.Type.NULL, scalar(m.get("d")).type());
        assertEquals(ScalarNode.Type.NULL, scalar(m.get("e")).type());
        assertEquals(ScalarNode.Type.DECIMAL, scalar(m.get("f")).type());
        assertEquals(ScalarNode.Type.STRING, scalar(m.get("g")).type());
    }

    @Test
    void aDuplicateKeyIsReportedAtTheSecondWithTheLineOfTheFirst() {
        MapNode m = map(read("""
                batches:
                  - name: EXT_AWLT
                    threads: 4
                    description: nightly
                    threads: 8
                """).get(0));
        assertEquals(List.of("m.yml:5:5 BFX002 Key 'threads' appears twice in this mapping (first at line 3); "
                + "the second value is ignored."), reported());
        MapNode batch = map(item(m.get("batches"), 0));
        assertEquals("4", scalar(batch.get("threads")).text(), "the first value is kept");
        assertEquals(at(3, 5), batch.entries().get("threads").keyLocation());
    }

    @Test
    void aDuplicateKeyInAFlowMappingIsReported() {
        read("batches: [ {name: A, name: B} ]\n");
        assertEquals(List.of("m.yml:1:22 BFX002 Key 'name' appears twice in this mapping (first at line 1); "
                + "the second value is ignored."), reported());
    }

    @Test
    void anAliasRepeatsTheAnchoredValue() {
        MapNode m = map(read("""
                a: &cols [CustomerID, ModifiedDate]
                b: *cols
                """).get(0));
        assertEquals(List.of(), reported());
        List<String> b = assertInstanceOf(ListNode.class, m.get("b")).items().stream()
                .map(n -> scalar(n).text()).toList();
        assertEquals(List.of("CustomerID", "ModifiedDate"), b);
    }

    @Test
    void aMergeKeyAddsTheBaseKeysAndExplicitKeysWin() {
        MapNode root = map(read("""
                connections:
                  - &stg
                    name: BFX_STG
                    systemType: Databricks
                    integrationStage: StagingArea
                    catalog: bfx_dev
                    schema: awlt_stg
                  - name: BFX_PSA
                    <<: *stg
                    integrationStage: PersistentStagingArea
                    schema: awlt_psa
                """).get(0));
        assertEquals(List.of(), reported(), "an explicit key overriding a merged one is not a duplicate");
        MapNode psa = map(item(root.get("connections"), 1));
        assertEquals("BFX_PSA", scalar(psa.get("name")).text(), "written before the merge key, still wins");
        assertEquals("PersistentStagingArea", scalar(psa.get("integrationStage")).text());
        assertEquals("awlt_psa", scalar(psa.get("schema")).text());
        assertEquals(at(11, 13), psa.get("schema").location());
        assertEquals("Databricks", scalar(psa.get("systemType")).text(), "merged from the base");
        assertEquals("bfx_dev", scalar(psa.get("catalog")).text());
        assertEquals(at(4, 17), psa.get("systemType").location(), "a merged value points where it was written");
        assertEquals(5, psa.entries().size());
    }

    @Test
    void inAMergeListTheEarlierMappingWins() {
        MapNode c = map(map(read("""
                a: &a {catalog: first, schema: s}
                b: &b {catalog: second, container: c}
                c:
                  <<: [*a, *b]
                """).get(0)).get("c"));
        assertEquals("first", scalar(c.get("catalog")).text());
        assertEquals("s", scalar(c.get("schema")).text());
        assertEquals("c", scalar(c.get("container")).text());
    }

    @Test
    void mergingSomethingThatIsNotAMappingIsAWrongType() {
        read("""
                x: &x 5
                y:
                  <<: *x
                """);
        assertEquals(List.of("m.yml:1:4 BFX005 A merge key '<<' takes a mapping, not a whole number."), reported());
    }

    /** "Billion laughs": 9 levels of 9 aliases, 72 aliases in all, would expand to 9^9 (387 million) values. */
    static String billionLaughs() {
        StringBuilder b = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 8; i++) {
            String alias = "*l" + (i - 1);
            b.append("l").append(i).append(": &l").append(i).append(" [")
                    .append(IntStream.range(0, 9).mapToObj(k -> alias).collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        return b.toString();
    }

    @Test
    void anAliasBombIsRefusedQuicklyWithoutBuildingIt() {
        String bomb = billionLaughs();
        // Preemptive: a reader that expands the bomb does not get to hang the build.
        long allocated = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(id);
            List<Node> docs = read(bomb);
            long used = threads.getThreadAllocatedBytes(id) - before;
            assertEquals(List.of(), docs, "a refused document yields no tree");
            return used;
        });
        // Expanding first and counting along the way allocated hundreds of megabytes (and ran out of memory in a
        // 128 MB heap) before refusing; measuring the composed graph needs a few megabytes at most.
        assertTrue(allocated < 64L * 1024 * 1024, "refusing the bomb allocated " + allocated / (1024 * 1024) + " MB");
        List<Finding> all = findings.sorted();
        assertEquals(1, all.size(), reported().toString());
        assertEquals(Code.BFX003, all.get(0).code());
        assertEquals(at(7, 5), all.get(0).location(), "the first anchored list that would expand past the limit");
    }

    @Test
    void theNodeLimitCountsExpandedValues() {
        TreeLimits small = new TreeLimits(100, 64, 30, 1_000_000);
        // 1 + 10 + 3 * 10 = 41 values once the aliases are expanded, from 11 + 4 written ones.
        read("""
                a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]
                b: [*a, *a, *a]
                """, small);
        assertEquals(List.of("m.yml:2:4 BFX003 YAML document refused: this value would expand through its aliases "
                + "to more than 30 values."), reported(), "b, the first value that exceeds the limit");
        Findings fresh = new Findings();
        assertEquals(1, new YamlTreeReader(small).read("m.yml", "a: &a [1, 2, 3]\nb: [*a, *a]\n", fresh).size(),
                "13 values are within the limit");
        assertEquals(List.of(), fresh.sorted());
    }

    @Test
    void moreAliasesThanAllowedAreRefused() {
        String text = "a: &a [1]\nb: [" + IntStream.range(0, 101).mapToObj(i -> "*a").collect(Collectors.joining(", "))
                + "]\n";
        assertEquals(List.of(), read(text));
        List<Finding> all = findings.sorted();
        assertEquals(1, all.size());
        assertEquals(Code.BFX003, all.get(0).code());
        assertTrue(all.get(0).message().contains("aliases"), all.get(0).message());
    }

    @Test
    void aRecursiveAliasIsRefused() {
        assertEquals(List.of(), read("""
                connections:
                  - &self
                    name: LOOP
                    settings: *self
                """));
        assertEquals(List.of("m.yml:2:5 BFX003 YAML document refused: an alias refers to a node that contains it "
                + "(recursive structure)."), reported());
    }

    @Test
    void aRecursiveListIsRefused() {
        assertEquals(List.of(), read("a: &a [1, *a]\n"));
        assertEquals(List.of(Code.BFX003), findings.sorted().stream().map(Finding::code).toList());
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        StringBuilder b = new StringBuilder("x:\n");
        for (int i = 1; i <= 70; i++) {
            b.append("  ".repeat(i)).append("k:\n");
        }
        assertEquals(List.of(), read(b.toString()));
        List<Finding> all = findings.sorted();
        assertEquals(List.of(Code.BFX003), all.stream().map(Finding::code).toList());
        assertTrue(all.get(0).message().contains("Nesting Depth"), all.get(0).message());
    }

    @Test
    void everyDocumentOfAMultiDocumentFileIsRead() {
        List<Node> docs = read("""
                connections:
                  - name: A
                ---
                batches:
                  - name: B
                """);
        assertEquals(List.of(), reported());
        assertEquals(2, docs.size());
        assertEquals(at(1, 1), docs.get(0).location());
        assertEquals(at(4, 1), docs.get(1).location());
        assertEquals("B", scalar(map(item(map(docs.get(1)).get("batches"), 0)).get("name")).text());
    }

    @Test
    void emptyDocumentsAreSkippedLikeAnEmptyFile() {
        assertEquals(1, read("---\nbatches:\n  - name: B\n---\n# the end\n").size());
        assertEquals(List.of(), read("---\n"));
        assertEquals(List.of(), read("# nothing but a comment\n"));
        assertEquals(List.of(), read(""));
        assertEquals(List.of(), reported(), "an empty document is not 'a metadata file that is not a mapping'");
    }

    @Test
    void aSyntaxErrorInALaterDocumentDropsTheWholeFile() {
        assertEquals(List.of(), read("batches:\n  - name: B\n---\nobjects: [\n"));
        List<Finding> all = findings.sorted();
        assertEquals(List.of(Code.BFX001), all.stream().map(Finding::code).toList());
        assertEquals(5, all.get(0).location().line());
    }

    @Test
    void aSyntaxErrorPointsAtTheProblem() {
        read("""
                connections:
                  - name: AWLT_SRC
                    description: Source: AdventureWorksLT
                """);
        assertEquals(List.of("m.yml:3:24 BFX001 YAML syntax error: mapping values are not allowed here"), reported());
    }

    @Test
    void anUndefinedAliasIsASyntaxError() {
        read("a: *nope\n");
        assertEquals(List.of("m.yml:1:4 BFX001 YAML syntax error: found undefined alias nope"), reported());
    }

    @Test
    void aKeyThatIsAMappingIsAWrongType() {
        MapNode m = map(read("? {a: 1}\n: x\nb: y\n").get(0));
        assertEquals(List.of("m.yml:1:3 BFX005 A mapping key must be a plain value, not a mapping."), reported());
        assertEquals(List.of("b"), List.copyOf(m.entries().keySet()));
        assertNull(m.get("a"));
    }
}
