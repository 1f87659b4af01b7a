package io.bfx.generate.solution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bfx.generate.GenerationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole solution of the example (ADF, bundle, catalog) is deterministic, and a renamed object's old files
 * disappear while nothing else does.
 */
class DeterminismTest {

    @TempDir
    Path dir;

    private static Map<String, String> tree(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                out.put(root.relativize(p).toString().replace('\\', '/'), HexFormat.of().formatHex(digest));
            }
        }
        return out;
    }

    @Test
    void twoRunsGiveByteIdenticalTreesAndTheSecondWritesNothing() throws Exception {
        Path project = Example.copy(dir.resolve("p"), s -> s);
        GenerationResult first = Example.generate(project, dir.resolve("a"));
        GenerationResult again = Example.generate(project, dir.resolve("a"));
        Example.generate(project, dir.resolve("b"));
        assertEquals(tree(dir.resolve("a")), tree(dir.resolve("b")), "two separate runs");
        assertTrue(first.changed() > 100, "first run wrote the solution: " + first.changed());
        assertEquals(0, again.changed(), "a second run into the same folder changes nothing");
        assertEquals(first.written(), again.written());
    }

    @Test
    void renamingAnObjectRemovesItsOldFilesAndKeepsEverythingElse() throws Exception {
        Path out = dir.resolve("out");
        Example.generate(Example.copy(dir.resolve("p1"), s -> s), out);
        Path userFile = out.resolve("databricks/NOTES.md");
        Files.writeString(userFile, "my own notes");
        Map<String, String> before = tree(out);

        GenerationResult renamed = Example.generate(
                Example.copy(dir.resolve("p2"), s -> s.replace("SalesOrderDetail", "SalesOrderLineItem")), out);
        Map<String, String> after = tree(out);

        List<String> gone = before.keySet().stream().filter(p -> !after.containsKey(p)).toList();
        assertFalse(gone.isEmpty());
        assertTrue(gone.stream().allMatch(p -> p.contains("SalesOrderDetail")), "only the old object's files: " + gone);
        assertTrue(gone.contains("adf/pipeline/EXT_AWLT_DBR_SalesLT_SalesOrderDetail.json"), gone.toString());
        assertTrue(gone.contains("databricks/src/EXT_AWLT_DBR/bfx_awlt_SalesOrderDetail.py"), gone.toString());
        assertEquals(new java.util.TreeSet<>(gone), new java.util.TreeSet<>(renamed.deleted()), "reported as deleted");
        assertTrue(after.containsKey("adf/pipeline/EXT_AWLT_DBR_SalesLT_SalesOrderLineItem.json"));
        assertTrue(after.keySet().stream().noneMatch(p -> p.contains("SalesOrderDetail")));
        assertEquals("my own notes", Files.readString(userFile), "a file bfx did not write is never deleted");
    }

}
