package io.bfx.generate;

import io.bfx.model.Metadata;
import io.bfx.model.settings.SettingResolver;
import io.bfx.templates.TemplateEngine;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

/** What producers share in one run: the model, its settings, the template engine and the worker pool. */
public final class SolutionContext {

    private final Metadata metadata;
    private final SettingResolver settings;
    private final TemplateEngine templates;
    private final ForkJoinPool pool;

    SolutionContext(Metadata metadata, TemplateEngine templates, ForkJoinPool pool) {
        this.metadata = metadata;
        this.settings = new SettingResolver(metadata);
        this.templates = templates;
        this.pool = pool;
    }

    public Metadata metadata() {
        return metadata;
    }

    public SettingResolver settings() {
        return settings;
    }

    public TemplateEngine templates() {
        return templates;
    }

    /** Renders a template to a file. */
    public GeneratedFile render(String path, String template, Object view) {
        return GeneratedFile.text(path, templates.render(template, view));
    }

    /** Runs {@code work} for every item on the worker pool and waits; the first failure is rethrown. */
    public <T> void forEachParallel(List<T> items, Consumer<T> work) {
        if (pool == null || items.size() < 2) {
            items.forEach(work);
            return;
        }
        try {
            pool.submit(() -> items.parallelStream().forEach(work)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException("Generation was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new GenerationException("Generation failed: " + cause, cause);
        }
    }
}
