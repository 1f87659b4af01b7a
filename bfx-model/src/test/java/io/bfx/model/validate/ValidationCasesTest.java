package io.bfx.model.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.bfx.model.SourceLocation;
import io.bfx.model.diag.Code;
import io.bfx.model.diag.Finding;
import io.bfx.model.diag.Severity;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every finding code has a bad case that triggers it and a good case that does not, as small complete metadata
 * documents under {@code src/test/resources/validation/BFXnnn/}:
 *
 * <ul>
 *   <li>{@code bad.yml} or {@code bad.json}, or a folder {@code bad/} when the case needs several files;</li>
 *   <li>{@code good.yml} or {@code good.json}, or a folder {@code good/};</li>
 *   <li>{@code expect.properties}: {@code file}, {@code line} and {@code column} of the bad finding (0 and 0 for a
 *       finding about a whole file or directory), its {@code severity} (the code's default: ERROR or WARNING), a
 *       {@code message} it must contain, and optionally
 *       {@code encoding}: the bad file is then copied to a temporary folder in that encoding (an invalid UTF-8 file
 *       cannot live in the resources, whose files must stay UTF-8).</li>
 * </ul>
 *
 * Each case runs through {@link MetadataValidation}, the entry point every goal uses, with the case folder as the
 * project directory, so that file paths in findings are {@code bad.yml} or {@code bad/second.yml}.
 */
class ValidationCasesTest {

    static Path cases() {
        URL url = ValidationCasesTest.class.getResource("/validation");
        if (url == null) {
            throw new IllegalStateException("src/test/resources/validation is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Properties expect(Code code) throws IOException {
        Path file = cases().resolve(code.name()).resolve("expect.properties");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** Runs the bad or good case of a code and returns every finding. */
    static List<Finding> run(Code code, String which, Path tmp) throws IOException {
        Path caseDir = cases().resolve(code.name());
        String encoding = expect(code).getProperty("encoding");
        if (which.equals("bad") && encoding != null) {
            Path source = single(caseDir, which);
            Path dir = Files.createDirectories(tmp.resolve(code.name()));
            Path copy = dir.resolve(source.getFileName().toString());
            Files.write(copy, Files.readString(source, StandardCharsets.UTF_8).getBytes(Charset.forName(encoding)));
            return validate(new ValidationRequest(dir, dir, List.of(copy.getFileName().toString()), List.of()));
        }
        Path folder = caseDir.resolve(which);
        if (Files.isDirectory(folder)) {
            return validate(new ValidationRequest(caseDir, folder, List.of(), List.of()));
        }
        Path file = single(caseDir, which);
        return validate(new ValidationRequest(caseDir, caseDir, List.of(file.getFileName().toString()), List.of()));
    }

    private static Path single(Path caseDir, String which) {
        for (String ext : List.of("yml", "yaml", "json")) {
            Path p = caseDir.resolve(which + "." + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return fail(caseDir.getFileName() + " has no " + which + ".yml, " + which + ".json or " + which + "/ case");
    }

    private static List<Finding> validate(ValidationRequest request) {
        return new MetadataValidation().run(request).findings();
    }

    private static String formatted(List<Finding> findings) {
        return findings.isEmpty() ? "(none)"
                : findings.stream().map(f -> f.severity() + " " + f.format()).collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Code.class)
    void everyCodeHasABadAndAGoodCase(Code code) {
        Path caseDir = cases().resolve(code.name());
        assertTrue(Files.isDirectory(caseDir), "No case folder validation/" + code + " for " + code + " ("
                + code.title() + ")");
        assertTrue(Files.isRegularFile(caseDir.resolve("expect.properties")), code + " has no expect.properties");
        for (String which : List.of("bad", "good")) {
            boolean present = Files.isDirectory(caseDir.resolve(which))
                    || Stream.of("yml", "yaml", "json").anyMatch(e -> Files.isRegularFile(caseDir.resolve(which + "." + e)));
            assertTrue(present, code + " has no " + which + " case");
        }
    }

    @Test
    void everyCaseFolderIsNamedAfterACode() throws IOException {
        Set<String> codes = Arrays.stream(Code.values()).map(Code::name).collect(Collectors.toSet());
        Set<String> strays = new TreeSet<>();
        try (Stream<Path> list = Files.list(cases())) {
            list.map(p -> p.getFileName().toString()).filter(n -> !codes.contains(n)).forEach(strays::add);
        }
        assertEquals(Set.of(), strays, "case folders that name no code");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Code.class)
    void badCaseReportsTheCodeAtTheExpectedLocation(Code code, @TempDir Path tmp) throws IOException {
        Properties expect = expect(code);
        SourceLocation at = new SourceLocation(expect.getProperty("file"), Integer.parseInt(expect.getProperty("line")),
                Integer.parseInt(expect.getProperty("column")));
        String message = expect.getProperty("message", "");
        List<Finding> findings = run(code, "bad", tmp);
        List<Finding> ofCode = findings.stream().filter(f -> f.code() == code).toList();
        assertTrue(!ofCode.isEmpty(), "The bad case of " + code + " reports no " + code + "; it reports:"
                + formatted(findings));
        List<Finding> there = ofCode.stream()
                .filter(f -> f.location().equals(at) && f.message().contains(message))
                .toList();
        assertEquals(1, there.size(), "Expected one " + code + " at " + at + " saying '" + message
                + "'; the bad case reports:" + formatted(findings));
        Severity severity = Severity.valueOf(expect.getProperty("severity"));
        assertEquals(severity, code.defaultSeverity(), "the default severity of " + code);
        for (Finding f : ofCode) {
            assertEquals(severity, f.severity(), f.format());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Code.class)
    void goodCaseReportsNothing(Code code, @TempDir Path tmp) throws IOException {
        List<Finding> findings = run(code, "good", tmp);
        assertEquals(List.of(), findings.stream().map(f -> f.severity() + " " + f.format()).toList(),
                "The good case of " + code + " must validate clean");
    }
}
