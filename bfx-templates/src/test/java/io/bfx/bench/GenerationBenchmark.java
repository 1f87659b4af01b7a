package io.bfx.bench;

import io.bfx.generate.GenerationRequest;
import io.bfx.generate.GenerationResult;
import io.bfx.generate.Generator;
import io.bfx.model.diag.Finding;
import io.bfx.model.validate.MetadataValidation;
import io.bfx.model.validate.ValidationRequest;
import io.bfx.model.validate.ValidationResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scale benchmark (run with {@code ./mvnw -pl bfx-templates -am verify -Pbench}): writes a data project of
 * many source objects (default 10,000, over batches of 250), validates and generates it twice (the second run
 * writes nothing new), and reports the times and the peak heap. The profile runs it with a small heap (-Xmx512m)
 * and fails when a target is missed: speed and memory targets live here, never in timed unit tests.
 */
public final class GenerationBenchmark {

    private GenerationBenchmark() {}

    public static void main(String[] args) throws IOException {
        int objects = Integer.parseInt(System.getProperty("bench.objects", "10000"));
        int perBatch = Integer.parseInt(System.getProperty("bench.objectsPerBatch", "250"));
        long maxSeconds = Long.parseLong(System.getProperty("bench.maxSeconds", "60"));
        Path dir = Files.createTempDirectory("bfx-bench");
        try {
            Path metadata = dir.resolve("src/main/bfx");
            Files.createDirectories(metadata);
            SyntheticProject.write(metadata, objects, perBatch);

            long t0 = System.nanoTime();
            ValidationResult validation = new MetadataValidation()
                    .run(new ValidationRequest(dir, metadata, List.of(), List.of()));
            long t1 = System.nanoTime();
            List<Finding> errors = validation.findings().stream().filter(Finding::isError).toList();
            if (!errors.isEmpty()) {
                throw new IllegalStateException("The synthetic project does not validate: " + errors.get(0).format());
            }
            Path out = dir.resolve("target/bfx");
            GenerationResult first = Generator.standard().generate(GenerationRequest.of(validation.metadata(), out));
            long t2 = System.nanoTime();
            GenerationResult second = Generator.standard().generate(GenerationRequest.of(validation.metadata(), out));
            long t3 = System.nanoTime();

            double validate = (t1 - t0) / 1e9;
            double generate = (t2 - t1) / 1e9;
            double regenerate = (t3 - t2) / 1e9;
            long peakMb = peakHeapBytes() / (1024 * 1024);
            long maxHeapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            System.out.printf("bfx benchmark: %d objects in %d batches, %d files%n", objects,
                    (objects + perBatch - 1) / perBatch, first.written().size());
            System.out.printf("  read and validate   %6.1f s%n", validate);
            System.out.printf("  generate            %6.1f s (%d files written)%n", generate, first.changed());
            System.out.printf("  generate again      %6.1f s (%d files changed)%n", regenerate, second.changed());
            System.out.printf("  peak heap           %6d MB of %d MB%n", peakMb, maxHeapMb);
            if (second.changed() != 0) {
                throw new IllegalStateException("The second run changed " + second.changed() + " files: not deterministic");
            }
            if (validate + generate > maxSeconds) {
                throw new IllegalStateException(String.format("Target missed: %.1f s > %d s", validate + generate, maxSeconds));
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
