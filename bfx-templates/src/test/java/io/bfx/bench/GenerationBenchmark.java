package io.bfx.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.bfx.generate.ArtifactProducer;
import io.bfx.generate.GenerationRequest;
import io.bfx.generate.GenerationResult;
import io.bfx.generate.Generator;
import io.bfx.generate.SolutionContext;
import io.bfx.model.diag.Code;
import io.bfx.model.diag.Finding;
import io.bfx.model.load.MetadataReader;
import io.bfx.model.validate.Validator;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The scale benchmark (run with {@code ./mvnw -pl bfx-templates -am verify -Pbench [-Dbench.objects=N]}): writes a
 * data project of many source objects (default 10,000, over batches of 250), reads, validates and generates it
 * twice (the second run writes nothing new), and reports the time of each phase and the peak heap. The profile
 * runs it with a small heap (-Xmx512m) and the build fails when a target is missed: speed and memory targets live
 * here, never in timed unit tests.
 *
 * <p>Targets, each a failure when missed:
 * <ul>
 *   <li>read + validate + generate within {@code bench.maxSeconds} (default 60) for 10,000 objects; a run of
 *       another size gets a proportional budget, so that a small run is held to the same rate instead of passing
 *       easily against the large run's budget, but at least 15 s (starting the JVM and compiling the hot code
 *       do not shrink with the project);</li>
 *   <li>the heap: the run must finish within -Xmx (the profile makes an OutOfMemoryError end the JVM at once),
 *       and the heap left in use after a collection must stay under {@code bench.maxLiveMb} (default 256, half
 *       the heap: the headroom that keeps the collector from thrashing);</li>
 *   <li>the second generation changes no file (deterministic output, and only changes written);</li>
 *   <li>the synthetic project validates without errors.</li>
 * </ul>
 * A run that takes three times its budget is stopped and fails (a thrashing heap would otherwise hang the build).
 */
public final class GenerationBenchmark {

    private GenerationBenchmark() {}

    public static void main(String[] args) throws IOException {
        int objects = Integer.parseInt(System.getProperty("bench.objects", "10000"));
        int perBatch = Integer.parseInt(System.getProperty("bench.objectsPerBatch", "180"));
        double maxSeconds = Double.parseDouble(System.getProperty("bench.maxSeconds", "60"));
        long maxLiveMb = Long.parseLong(System.getProperty("bench.maxLiveMb", "256"));
        double budget = Math.max(15, maxSeconds * objects / 10_000.0);
        Watchdog.start(3 * budget);
        HeapWatch heap = HeapWatch.start();
        Path dir = Files.createTempDirectory("bfx-bench");
        List<String> missed = new ArrayList<>();
        try {
            Path metadata = dir.resolve("src/main/bfx");
            Files.createDirectories(metadata);
            Phase write = Phase.start("write the synthetic project");
            SyntheticProject.write(metadata, objects, perBatch);
            write.stop();

            Phase read = Phase.start("read");
            MetadataReader.Result r = new MetadataReader().read(dir, metadata, List.of(), List.of());
            read.stop();
            Phase validate = Phase.start("validate");
            List<Finding> findings = new ArrayList<>(r.findings());
            findings.addAll(new Validator().validate(r.metadata()));
            validate.stop();
            List<Finding> errors = findings.stream().filter(Finding::isError).toList();
            if (!errors.isEmpty()) {
                throw new IllegalStateException("The synthetic project does not validate: " + errors.get(0).format());
            }

            Path out = dir.resolve("target/bfx");
            List<Phase> producers = new ArrayList<>();
            Phase generate = Phase.start("generate");
            GenerationResult first = timed(producers).generate(GenerationRequest.of(r.metadata(), out));
            generate.stop();
            Phase again = Phase.start("generate again");
            GenerationResult second = Generator.standard().generate(GenerationRequest.of(r.metadata(), out));
            again.stop();

            double total = read.seconds + validate.seconds + generate.seconds;
            long peakLiveMb = heap.peakAfterGc() >> 20;
            System.out.printf("bfx benchmark: %d objects in %d batches, %d files (%d written, %d changed on the "
                            + "second run)%n", objects, (objects + perBatch - 1) / perBatch, first.written().size(),
                    first.changed(), second.changed());
            System.out.printf("  %-32s %8s %8s%n", "phase", "wall s", "cpu s");
            for (Phase p : List.of(write, read, validate, generate)) {
                p.print("");
                if (p == generate) {
                    producers.forEach(x -> x.print("  "));
                    System.out.printf("  %-32s %8.1f%n", "  finish (stale files, manifest)",
                            generate.seconds - producers.stream().mapToDouble(x -> x.seconds).sum());
                }
            }
            again.print("");
            System.out.printf("  %-32s %8.1f s, target %.0f s (%.0f s per 10,000 objects)%n",
                    "read + validate + generate", total, budget, maxSeconds);
            System.out.printf("  heap after collection, peak     %6d MB, target %d MB%n", peakLiveMb, maxLiveMb);
            System.out.printf("  heap in use, peak (sampled)     %6d MB of -Xmx %d MB%n", heap.peakUsed() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("  garbage collection              %6d collections, %.1f s%n", HeapWatch.collections(),
                    HeapWatch.collectionSeconds());
            Map<Code, Long> warnings = findings.stream().filter(f -> !f.isError())
                    .collect(Collectors.groupingBy(Finding::code, java.util.TreeMap::new, Collectors.counting()));
            System.out.printf("  validation warnings             %s%n", warnings.isEmpty() ? "none" : warnings);

            if (second.changed() != 0) {
                missed.add("the second run changed " + second.changed() + " files: not deterministic");
            }
            if (total > budget) {
                missed.add(String.format("read + validate + generate took %.1f s > %.0f s", total, budget));
            }
            if (peakLiveMb > maxLiveMb) {
                missed.add("the heap after collection reached " + peakLiveMb + " MB > " + maxLiveMb + " MB");
            }
        } finally {
            heap.close();
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        if (!missed.isEmpty()) {
            System.out.println("TARGET MISSED: " + String.join("; ", missed));
            System.exit(1);
        }
        System.out.println("All targets met.");
        System.exit(0); // the watchdog thread must not keep the JVM alive
    }

    /** The standard generator with each producer timed into {@code phases}. */
    private static Generator timed(List<Phase> phases) {
        List<ArtifactProducer> producers = new ArrayList<>();
        for (ArtifactProducer p : Generator.standard().producers()) {
            producers.add((SolutionContext context, ArtifactProducer.FileSink sink) -> {
                Phase phase = Phase.start(p.getClass().getSimpleName());
                p.produce(context, sink);
                phase.stop();
                phases.add(phase);
            });
        }
        return new Generator(producers);
    }

    /** A timed phase: wall-clock seconds, and CPU seconds of the whole process (all threads, GC included). */
    private static final class Phase {
        final String name;
        final long wall0 = System.nanoTime();
        final long cpu0 = cpuNanos();
        double seconds;
        double cpuSeconds;

        private Phase(String name) {
            this.name = name;
        }

        static Phase start(String name) {
            return new Phase(name);
        }

        void stop() {
            seconds = (System.nanoTime() - wall0) / 1e9;
            cpuSeconds = (cpuNanos() - cpu0) / 1e9;
        }

        void print(String indent) {
            System.out.printf("  %-32s %8.1f %8.1f%n", indent + name, seconds, cpuSeconds);
        }

        private static long cpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
        }
    }

    /**
     * The peak heap, measured honestly. Summing each pool's own peak (what this benchmark did before) over-counts:
     * the pools peak at different moments (eden just before a young collection, the old generation later), so the
     * sum reached more than -Xmx. Two measures instead:
     * <ul>
     *   <li>after each collection, the heap still in use (GC notifications): its peak is what the run needs to
     *       hold at once, the number the target is on. After a young collection it still counts old garbage, so
     *       it errs on the high side;</li>
     *   <li>the heap in use sampled every few milliseconds (one consistent reading of all pools): garbage
     *       included, it shows how full the collector let the heap get, not what the run needs.</li>
     * </ul>
     */
    private static final class HeapWatch implements AutoCloseable {
        private final AtomicLong peakAfterGc = new AtomicLong();
        private final AtomicLong peakUsed = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener listener;
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapWatch() {
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                    .collect(Collectors.toSet());
            listener = (notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long after = 0;
                for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(e.getKey())) {
                        after += e.getValue().getUsed();
                    }
                }
                peakAfterGc.accumulateAndGet(after, Math::max);
            };
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(listener, null, null);
                    emitters.add(emitter);
                }
            }
            sampler = new Thread(() -> {
                while (running) {
                    peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                            Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        long peakAfterGc() {
            return peakAfterGc.get();
        }

        long peakUsed() {
            return peakUsed.get();
        }

        static long collections() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }

        static double collectionSeconds() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() / 1e3;
        }

        @Override
        public void close() {
            running = false;
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException e) {
                    // already gone
                }
            }
        }
    }

    /** Ends a run that takes far longer than its budget: a thrashing heap would otherwise hang the build. */
    private static final class Watchdog {
        static void start(double seconds) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep((long) (seconds * 1000));
                } catch (InterruptedException e) {
                    return;
                }
                System.out.printf("TARGET MISSED: still running after %.0f s (three times the budget); stopped.%n",
                        seconds);
                Runtime.getRuntime().halt(2);
            }, "bench-watchdog");
            t.setDaemon(true);
            t.start();
        }
    }
}
