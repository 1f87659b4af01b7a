package io.bfx.generate;

import io.bfx.generate.databricks.BronzeObject;
import io.bfx.model.Batch;
import io.bfx.model.Connection;
import io.bfx.model.DataObject;
import io.bfx.model.Metadata;
import io.bfx.model.Project;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The shape of the solution derived from a validated model: batches in a stable order, the projects each batch
 * runs and the objects each project loads, with their connections resolved. Producers iterate this instead of
 * re-deriving it.
 */
public final class Solution {

    private final Metadata metadata;

    public Solution(Metadata metadata) {
        this.metadata = metadata;
    }

    /** Batches that run at least one project, by priority then name. */
    public List<Batch> batches() {
        return metadata.batches().stream()
                .filter(b -> !projects(b).isEmpty())
                .sorted(Comparator.comparingInt(Batch::priority)
                        .thenComparing(b -> b.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** Projects run by a batch, by name. */
    public List<Project> projects(Batch batch) {
        return metadata.projects().stream()
                .filter(p -> p.batch() != null && p.batch().equalsIgnoreCase(batch.name()))
                .sorted(Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** The objects a project loads into Bronze. */
    public List<BronzeObject> bronze(Project project) {
        Batch batch = metadata.batch(project.batch()).orElseThrow();
        Connection source = metadata.connection(project.sourceConnection()).orElseThrow();
        Connection landing = metadata.connection(project.landingConnection()).orElseThrow();
        Connection staging = metadata.connection(project.stagingConnection()).orElseThrow();
        Connection psa = metadata.connection(project.persistentStagingConnection()).orElse(null);
        List<BronzeObject> out = new ArrayList<>();
        for (DataObject o : metadata.objectsOf(project)) {
            out.add(new BronzeObject(project, batch, o, source, landing, staging, psa));
        }
        return out;
    }

    /** The objects a batch loads, project by project. */
    public List<BronzeObject> bronze(Batch batch) {
        List<BronzeObject> out = new ArrayList<>();
        projects(batch).forEach(p -> out.addAll(bronze(p)));
        return out;
    }

    public Metadata metadata() {
        return metadata;
    }
}
