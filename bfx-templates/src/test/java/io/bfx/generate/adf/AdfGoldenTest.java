package io.bfx.generate.adf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated ADF, compared byte for byte with reviewed copies under
 * {@code src/test/resources/golden/adf/<mode>/}. After an intended change, regenerate them with
 * {@code ./mvnw -pl bfx-templates test -Dtest=AdfGoldenTest -Dbfx.updateGolden=true}, then review the diff.
 */
class AdfGoldenTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "adf");
    static final boolean UPDATE = Boolean.getBoolean("bfx.updateGolden");

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("pushdown", "adf/pipeline/EXT_AWLT_DBR_SalesLT_Customer.json"),
                Arguments.of("pushdown", "adf/pipeline/EXT_AWLT_DBR_Batch.json"),
                Arguments.of("traditional", "adf/pipeline/EXT_AWLT_DBR_Batch.json"),
                Arguments.of("traditional", "adf/pipeline/EXT_AWLT_DBR_Notebooks_002.json"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void matchesTheReviewedCopy(String mode, String file) throws IOException {
        Path out = dir.resolve("out");
        Awlt.generate(mode.equals("pushdown") ? Awlt.pushdown() : Awlt.traditional(dir.resolve("work")), out);
        String actual = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve(mode).resolve(file.substring(file.lastIndexOf('/') + 1));
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        String expected = Files.exists(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : "<missing>";
        assertEquals(expected, actual, "Generated " + file + " (" + mode + ") differs from " + golden
                + ". If the change is intended, run ./mvnw -pl bfx-templates test -Dtest=AdfGoldenTest "
                + "-Dbfx.updateGolden=true and review the diff of the golden files.");
    }
}
