package io.bfx.model.validate;

import io.bfx.model.Batch;
import io.bfx.model.Metadata;
import io.bfx.model.Project;
import io.bfx.model.diag.Code;

/**
 * BFX033: the factory or a batch's Databricks job would exceed a platform limit ({@link PlatformLimits}). A
 * warning: the limits are the platforms' current ones, and deployment is where they bite.
 */
final class PlatformLimitsRule implements Rule {

    @Override
    public void check(RuleContext ctx) {
        Metadata metadata = ctx.metadata();
        if (metadata.projects().isEmpty()) {
            return;
        }
        int entities = PlatformLimits.adfEntities(metadata, ctx.settings());
        if (entities > PlatformLimits.MAX_FACTORY_ENTITIES) {
            Project first = metadata.projects().get(0);
            ctx.findings().report(Code.BFX033, first.origin().of("name"),
                    "The data factory would hold about " + entities + " ADF entities (pipelines, datasets, linked "
                            + "services and triggers of all " + metadata.projects().size() + " projects); ADF allows "
                            + PlatformLimits.MAX_FACTORY_ENTITIES + " per factory.",
                    "Deploy the projects into more than one factory: split them over bfx builds with their own "
                            + "AzureDataFactoryName. Each object is one pipeline.");
        }
        for (Batch batch : metadata.batches()) {
            int tasks = PlatformLimits.jobTasks(metadata, batch);
            if (tasks > PlatformLimits.MAX_JOB_TASKS) {
                ctx.findings().report(Code.BFX033, batch.origin().of("name"),
                        "Batch '" + batch.name() + "' runs as one Databricks job of about " + tasks + " tasks (its "
                                + "Bronze, Silver and Gold steps); Databricks allows "
                                + PlatformLimits.MAX_JOB_TASKS + " tasks per job.",
                        "Spread the batch's projects over more batches: each batch gets its own job.");
            }
        }
    }
}
