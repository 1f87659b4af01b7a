package io.bfx.generate;

import io.bfx.templates.TemplateEngine;
import io.bfx.templates.TemplateRepository;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Generates the whole solution of a validated model into the output folder: the producers render their files,
 * the writer writes what changed and removes what the previous run produced and this one does not.
 */
public final class Generator {

    private final List<ArtifactProducer> producers;

    public Generator(List<ArtifactProducer> producers) {
        this.producers = List.copyOf(producers);
    }

    /** The standard set of producers. */
    public static Generator standard() {
        return new Generator(Producers.standard());
    }

    /** The producers, in the order they run (the benchmark times each). */
    public List<ArtifactProducer> producers() {
        return producers;
    }

    public GenerationResult generate(GenerationRequest request) {
        TemplateRepository repository = new TemplateRepository(request.templateDirectory(), request.classLoader());
        List<String> unknown = repository.unknownOverrides();
        if (!unknown.isEmpty()) {
            throw new GenerationException("Template overrides with unknown names (each must replace a built-in "
                    + "template of the same path): " + String.join(", ", unknown));
        }
        OutputWriter writer = new OutputWriter(request.outputDirectory());
        ForkJoinPool pool = request.parallelism() > 1 ? new ForkJoinPool(request.parallelism()) : null;
        try {
            SolutionContext context = new SolutionContext(request.metadata(), new TemplateEngine(repository), pool);
            for (ArtifactProducer producer : producers) {
                producer.produce(context, writer::write);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        List<String> deleted = writer.finish();
        return new GenerationResult(writer.written(), writer.changedCount(), deleted, repository.overrides());
    }
}
