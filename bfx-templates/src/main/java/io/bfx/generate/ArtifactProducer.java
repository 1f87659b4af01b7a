package io.bfx.generate;

/**
 * Produces one family of generated files (ADF, the Databricks bundle, the run catalog scripts...). Producers get
 * everything through the context and hand each file to the sink as soon as it is rendered, so memory stays flat
 * however many objects a project has.
 */
public interface ArtifactProducer {

    void produce(SolutionContext context, FileSink sink);

    /** Receives generated files; thread-safe. */
    @FunctionalInterface
    interface FileSink {
        void accept(GeneratedFile file);
    }
}
