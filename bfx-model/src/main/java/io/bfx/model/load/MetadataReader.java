package io.bfx.model.load;

import io.bfx.model.Batch;
import io.bfx.model.Connection;
import io.bfx.model.DataObject;
import io.bfx.model.Dimension;
import io.bfx.model.Fact;
import io.bfx.model.Metadata;
import io.bfx.model.Project;
import io.bfx.model.SettingValue;
import io.bfx.model.SourceLocation;
import io.bfx.model.diag.Code;
import io.bfx.model.diag.Finding;
import io.bfx.model.diag.Findings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the metadata files of a data project, reads them (YAML or JSON by extension, in parallel) and merges them
 * into one {@link Metadata}. Problems are collected, never thrown: the result carries the model (as complete as
 * the files allow) and every finding of the read.
 */
public final class MetadataReader {

    public static final List<String> DEFAULT_INCLUDES = List.of("**/*.yml", "**/*.yaml", "**/*.json");

    private final TreeLimits limits;

    public MetadataReader() {
        this(TreeLimits.DEFAULT);
    }

    public MetadataReader(TreeLimits limits) {
        this.limits = limits;
    }

    /** The model and what was found while reading it. */
    public record Result(Metadata metadata, List<Path> files, List<Finding> findings) {}

    /**
     * @param baseDir the data project's directory; finding paths are shown relative to it
     * @param metadataDir the directory holding the metadata files
     * @param includes glob patterns relative to {@code metadataDir}; empty means {@link #DEFAULT_INCLUDES}
     * @param excludes glob patterns relative to {@code metadataDir}
     */
    public Result read(Path baseDir, Path metadataDir, List<String> includes, List<String> excludes) {
        Findings findings = new Findings();
        List<Path> files = findFiles(baseDir, metadataDir, includes, excludes, findings);
        List<FileResult> results = files.parallelStream()
                .map(file -> readFile(display(baseDir, file), file))
                .toList();
        List<MetadataBinder.Fragment> fragments = new ArrayList<>();
        for (FileResult r : results) {
            findings.addAll(r.findings().sorted());
            fragments.addAll(r.fragments());
        }
        return new Result(merge(fragments), files, findings.sorted());
    }

    /** Reads one document from text; used by tests and by tools that hold metadata in memory. */
    public Result readText(String displayPath, String text) {
        FileResult r = parse(displayPath, text);
        return new Result(merge(r.fragments()), List.of(), r.findings().sorted());
    }

    /** One model of the fragments of all files, in file order, then in order within each file. */
    private static Metadata merge(List<MetadataBinder.Fragment> fragments) {
        List<Connection> connections = new ArrayList<>();
        List<Batch> batches = new ArrayList<>();
        List<Project> projects = new ArrayList<>();
        List<DataObject> objects = new ArrayList<>();
        List<SettingValue> settings = new ArrayList<>();
        List<Dimension> dimensions = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        for (MetadataBinder.Fragment fragment : fragments) {
            connections.addAll(fragment.connections());
            batches.addAll(fragment.batches());
            projects.addAll(fragment.projects());
            objects.addAll(fragment.objects());
            settings.addAll(fragment.settings());
            dimensions.addAll(fragment.dimensions());
            facts.addAll(fragment.facts());
        }
        return new Metadata(connections, batches, projects, objects, settings, dimensions, facts);
    }

    private record FileResult(List<MetadataBinder.Fragment> fragments, Findings findings) {}

    private FileResult readFile(String displayPath, Path file) {
        Findings findings = new Findings();
        String text;
        try {
            text = decodeUtf8(Files.readAllBytes(file));
        } catch (CharacterCodingException e) {
            findings.report(Code.BFX023, SourceLocation.ofFile(displayPath), "The file is not valid UTF-8.",
                    "Save the metadata file as UTF-8.");
            return new FileResult(List.of(), findings);
        } catch (IOException e) {
            findings.report(Code.BFX023, SourceLocation.ofFile(displayPath), "Cannot read the file: " + e.getMessage(),
                    "Check the file's permissions.");
            return new FileResult(List.of(), findings);
        }
        FileResult r = parse(displayPath, text);
        r.findings().addAll(findings.sorted());
        return r;
    }

    private FileResult parse(String displayPath, String text) {
        Findings findings = new Findings();
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // a UTF-8 byte order mark, as some Windows editors write
        }
        TreeReader reader = displayPath.toLowerCase(Locale.ROOT).endsWith(".json")
                ? new JsonTreeReader(limits) : new YamlTreeReader(limits);
        List<Node> documents = reader.read(displayPath, text, findings);
        MetadataBinder binder = new MetadataBinder(findings);
        List<MetadataBinder.Fragment> fragments = documents.stream().map(binder::bind).toList();
        return new FileResult(fragments, findings);
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static List<Path> findFiles(Path baseDir, Path metadataDir, List<String> includes, List<String> excludes,
            Findings findings) {
        String shownDir = display(baseDir, metadataDir);
        if (!Files.isDirectory(metadataDir)) {
            findings.report(Code.BFX022, SourceLocation.ofFile(shownDir), "The metadata directory does not exist.",
                    "Put the metadata files under src/main/bfx/ or set the metadataDirectory parameter.");
            return List.of();
        }
        List<PathMatcher> in = matchers(includes.isEmpty() ? DEFAULT_INCLUDES : includes);
        List<PathMatcher> out = matchers(excludes);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(metadataDir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        Path rel = metadataDir.relativize(p);
                        return matchesAny(in, rel) && !matchesAny(out, rel);
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            findings.report(Code.BFX023, SourceLocation.ofFile(shownDir), "Cannot list the metadata directory: "
                    + e.getMessage(), "");
            return List.of();
        }
        if (files.isEmpty()) {
            findings.report(Code.BFX022, SourceLocation.ofFile(shownDir), "No metadata files (.yml, .yaml, .json) "
                    + "were found.", "Add metadata files to this directory, or check the includes and excludes.");
        }
        return files;
    }

    private static boolean matchesAny(List<PathMatcher> matchers, Path rel) {
        for (PathMatcher m : matchers) {
            // "**/*.yml" does not match a file directly in the folder with the default glob rules; try "/"-prefixed.
            if (m.matches(rel) || m.matches(Path.of("_").resolve(rel))) {
                return true;
            }
        }
        return false;
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        return globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    /** The path as a user reads it in a finding: relative to the project, with forward slashes. */
    public static String display(Path baseDir, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = baseDir.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        String s = shown.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }
}
