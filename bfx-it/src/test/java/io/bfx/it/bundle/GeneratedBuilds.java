package io.bfx.it.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The solutions the invoker builds of bfx-it generated (target/it/<case>/target/bfx). */
final class GeneratedBuilds {

    private GeneratedBuilds() {}

    static Path builds() {
        return Path.of(System.getProperty("bfx.it.builds", "target/it"));
    }

    /** Every generated solution folder, one per invoker case. */
    static List<Path> solutions() {
        try (Stream<Path> cases = Files.list(builds())) {
            return cases.map(c -> c.resolve("target/bfx")).filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
