package io.bfx.it.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every generated Python file compiles (python3 -m py_compile) and every shell script parses (bash -n). */
class GeneratedScriptsIT {

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? "" : out;
    }

    @Test
    void everyPythonFileCompiles() throws Exception {
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (Path solution : GeneratedBuilds.solutions()) {
            List<Path> files = GeneratedBuilds.files(solution, ".py");
            count += files.size();
            // Byte code goes to a temporary folder, never next to the generated files.
            List<String> command = new ArrayList<>(List.of("python3", "-B", "-c",
                    "import os, sys, tempfile, py_compile\nd = tempfile.mkdtemp()\nfor f in sys.argv[1:]:\n"
                            + "    py_compile.compile(f, doraise=True, cfile=os.path.join(d, 'c.pyc'))"));
            files.forEach(f -> command.add(f.toString()));
            if (!files.isEmpty()) {
                String out = run(command);
                if (!out.isEmpty()) {
                    problems.add(solution + ": " + out);
                }
            }
        }
        assertTrue(count >= 20, "python files found: " + count);
        assertEquals(List.of(), problems);
    }

    /**
     * Databricks puts a notebook's own folder on {@code sys.path} (not its parent), so the module a notebook
     * imports must stand beside it.
     */
    @Test
    void everyNotebookFindsTheModulesItImportsInItsOwnFolder() throws Exception {
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (Path solution : GeneratedBuilds.solutions()) {
            for (Path f : GeneratedBuilds.files(solution, ".py")) {
                String text = java.nio.file.Files.readString(f, StandardCharsets.UTF_8);
                if (text.startsWith("# Databricks notebook source") && text.contains("\nimport bfxutils")) {
                    count++;
                    if (!java.nio.file.Files.isRegularFile(f.resolveSibling("bfxutils.py"))) {
                        problems.add(f + " imports bfxutils, which is not in its folder");
                    }
                }
            }
        }
        assertTrue(count >= 25, "notebooks importing bfxutils: " + count);
        assertEquals(List.of(), problems);
    }

    @Test
    void everyShellScriptParses() throws Exception {
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (Path solution : GeneratedBuilds.solutions()) {
            for (Path f : GeneratedBuilds.files(solution, ".sh")) {
                count++;
                String out = run(List.of("bash", "-n", f.toString()));
                if (!out.isEmpty()) {
                    problems.add(f + ": " + out);
                }
            }
        }
        assertTrue(count >= 1, "shell scripts found: " + count);
        assertEquals(List.of(), problems);
    }
}
