package io.bfx.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes generated files into the output folder, and only there.
 *
 * <ul>
 *   <li>Every path is checked: relative, no {@code ..}, no drive or root, no symbolic link on the way, and its
 *       normalised absolute form inside the output folder. Names were validated already (BFX011); this is the
 *       second, independent guard.</li>
 *   <li>A file whose content did not change is not rewritten, so timestamps stay and incremental tools (git,
 *       deployment) see only real changes.</li>
 *   <li>The files written are listed in a manifest. On the next run, files of the previous manifest that are no
 *       longer produced are deleted; nothing else is ever deleted.</li>
 * </ul>
 *
 * Thread-safe: files may be written from several threads. Streaming: a file is written when it is handed over and
 * only its path is kept. A folder checked once is not checked again in the same run (tens of thousands of files
 * share a few hundred folders), and an existing file is read back only when its size is the new one.
 */
public final class OutputWriter {

    public static final String MANIFEST = ".bfx-manifest";
    private final Path root;
    /** Paths written in this run (unordered: sorted when listed). */
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final AtomicInteger changed = new AtomicInteger();
    /** Folders of this run that exist and were checked to lead nowhere outside. */
    private final Set<Path> checkedFolders = ConcurrentHashMap.newKeySet();
    /** The real path of the root once it exists; it does not change during a run. */
    private volatile Path realRoot;

    public OutputWriter(Path outputDirectory) {
        this.root = outputDirectory.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Writes one file (if its content changed). */
    public void write(GeneratedFile file) {
        Path target = resolve(file.path());
        if (!written.add(file.path())) {
            throw new GenerationException("Two generated files have the same path: " + file.path());
        }
        try {
            Path parent = target.getParent();
            if (!checkedFolders.contains(parent)) {
                // Checked before creating folders too: createDirectories follows a link to a folder outside and
                // would create the missing folders there before the check after it refuses the path.
                Path existing = existingFolder(parent);
                if (existing != null) {
                    checkNoLinks(existing);
                }
                Files.createDirectories(parent);
                checkNoLinks(parent);
                checkedFolders.add(parent);
            }
            BasicFileAttributes attributes = attributes(target);
            if (attributes != null) {
                if (attributes.isSymbolicLink()) {
                    throw new GenerationException("Refusing to write through a symbolic link: " + target);
                }
                if (attributes.size() == file.content().length
                        && Arrays.equals(Files.readAllBytes(target), file.content())) {
                    return;
                }
            }
            Files.write(target, file.content());
            changed.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /** The attributes of a path itself (a link is not followed), or null when nothing is there. */
    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The checked absolute path of a generated file. */
    Path resolve(String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\")) {
            throw new GenerationException("Refusing output path '" + relative + "': it must be relative, with '/'");
        }
        // The manifest is the writer's own file: a generated file of that name would be overwritten by it, and a
        // manifest listing itself would make finish() delete it as a stale file.
        if (relative.equals(MANIFEST)) {
            throw new GenerationException("Refusing output path '" + relative + "': it is bfx's manifest");
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || !safeSegment(segment)) {
                throw new GenerationException("Refusing output path '" + relative + "': unsafe segment '" + segment + "'");
            }
        }
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new GenerationException("Refusing output path '" + relative + "': outside " + root);
        }
        return target;
    }

    /** No control character and none of {@code / \\ : * ? " < > |} (refused by Windows or meaning a path). */
    private static boolean safeSegment(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c <= 0x1F || c == 0x7F || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"'
                    || c == '<' || c == '>' || c == '|') {
                return false;
            }
        }
        return true;
    }

    /** {@code dir} (inside the output folder) or its nearest ancestor that exists, up to the root; null if none. */
    private Path existingFolder(Path dir) {
        Path d = dir;
        while (!d.equals(root) && !Files.exists(d)) {
            d = d.getParent();
        }
        return Files.exists(d) ? d : null;
    }

    private void checkNoLinks(Path dir) throws IOException {
        Path real = dir.toRealPath();
        if (!real.startsWith(realRoot())) {
            throw new GenerationException("Refusing to write into " + dir + ": it leads outside " + root);
        }
    }

    /** The root's real path once it exists (cached: it does not change during a run), else the root itself. */
    private Path realRoot() throws IOException {
        Path r = realRoot;
        if (r == null) {
            if (!Files.exists(root)) {
                return root;
            }
            r = root.toRealPath();
            realRoot = r;
        }
        return r;
    }

    /**
     * Finishes a run: deletes what the previous run generated and this one did not, then writes the new manifest.
     *
     * @return the relative paths that were deleted
     */
    public List<String> finish() {
        Set<String> previous = readManifest();
        List<String> deleted = new ArrayList<>();
        for (String old : previous) {
            if (written.contains(old)) {
                continue;
            }
            Path p;
            try {
                p = resolve(old);
            } catch (GenerationException e) {
                continue; // a tampered manifest never makes bfx delete outside its folder
            }
            try {
                // NOFOLLOW_LINKS only covers the last name: a folder on the way that is a link to outside (a
                // tampered manifest's "link/file") must not make bfx delete there.
                if (Files.isDirectory(p.getParent())) {
                    if (!p.getParent().toRealPath().startsWith(realRoot())) {
                        continue;
                    }
                }
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(p)) {
                    deleted.add(old);
                    removeEmptyParents(p.getParent());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete stale file " + p, e);
            }
        }
        StringBuilder manifest = new StringBuilder("# Files generated by bfx. Files listed here and no longer generated are deleted on the next run.\n");
        new TreeSet<>(written).forEach(p -> manifest.append(p).append('\n'));
        try {
            Files.createDirectories(root);
            Path m = root.resolve(MANIFEST);
            byte[] bytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
            if (!Files.exists(m) || !Arrays.equals(Files.readAllBytes(m), bytes)) {
                Files.write(m, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the manifest", e);
        }
        return deleted;
    }

    private void removeEmptyParents(Path dir) throws IOException {
        Path d = dir;
        while (d != null && d.startsWith(root) && !d.equals(root)) {
            try (var entries = Files.list(d)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(d);
            d = d.getParent();
        }
    }

    private Set<String> readManifest() {
        Path m = root.resolve(MANIFEST);
        Set<String> out = new TreeSet<>();
        if (!Files.isRegularFile(m)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(m, StandardCharsets.UTF_8)) {
                // Not trimmed: a generated name may end with a space, and trimming it would name another file,
                // perhaps the user's own. readAllLines already drops the line ends, CRLF included.
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the manifest", e);
        }
        return out;
    }

    /** Paths written in this run, sorted. */
    public List<String> written() {
        return List.copyOf(new TreeSet<>(written));
    }

    /** How many files had new content. */
    public int changedCount() {
        return changed.get();
    }
}
