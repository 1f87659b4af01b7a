package io.bfx.generate.catalog;

import io.bfx.generate.ArtifactProducer;
import io.bfx.generate.GeneratedFile;
import io.bfx.generate.SolutionContext;

/**
 * The run catalog scripts (SQL Server and PostgreSQL), written next to the solution so that a deployment creates
 * or upgrades the catalog with the same version of bfx that generated the pipelines calling it.
 */
public final class CatalogProducer implements ArtifactProducer {

    @Override
    public void produce(SolutionContext context, FileSink sink) {
        for (String dialect : new String[] {"sqlserver", "postgresql"}) {
            String template = "catalog/" + dialect + "/bfx_catalog.sql";
            sink.accept(GeneratedFile.text("catalog/" + dialect + "/bfx_catalog.sql",
                    context.templates().repository().find(template).text()));
        }
        sink.accept(GeneratedFile.text("catalog/README.md",
                context.templates().repository().find("catalog/README.md").text()));
    }
}
