package io.bfx.generate.solution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One object's Bronze notebook in each style, compared byte for byte with reviewed copies under
 * {@code src/test/resources/golden/databricks/}. After an intended change, regenerate them with
 * {@code ./mvnw -pl bfx-templates test -Dtest=BronzeNotebookGoldenTest -Dbfx.updateGolden=true} and review the diff.
 */
class BronzeNotebookGoldenTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "databricks");
    static final boolean UPDATE = Boolean.getBoolean("bfx.updateGolden");

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        UnaryOperator<String> asIs = s -> s;
        UnaryOperator<String> scripting = s -> s.replace("sqlScripting: false", "sqlScripting: true");
        return Stream.of(
                Arguments.of("python", asIs, "databricks/src/EXT_AWLT_DBR/bfx_awlt_Customer.py"),
                Arguments.of("sql-scripting", scripting, "databricks/src/EXT_AWLT_DBR/bfx_awlt_Customer.sql"),
                Arguments.of("procedure", asIs, "databricks/sql/procedures/EXT_AWLT_DBR/bfx_psa_awlt_Customer.sql"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void matchesTheReviewedCopy(String style, UnaryOperator<String> edit, String file) throws IOException {
        Path out = dir.resolve("out");
        Example.generate(Example.copy(dir.resolve("p"), edit), out);
        String actual = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve(style).resolve(file.substring(file.lastIndexOf('/') + 1));
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "<missing>";
        assertEquals(expected, actual, "Generated " + file + " (" + style + ") differs from " + golden
                + ". If the change is intended, run ./mvnw -pl bfx-templates test -Dtest=BronzeNotebookGoldenTest "
                + "-Dbfx.updateGolden=true and review the diff of the golden files.");
    }
}
