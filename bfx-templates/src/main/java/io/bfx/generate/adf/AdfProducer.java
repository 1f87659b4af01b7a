package io.bfx.generate.adf;

import io.bfx.generate.ArtifactProducer;
import io.bfx.generate.GenerationException;
import io.bfx.generate.Solution;
import io.bfx.generate.SolutionContext;
import io.bfx.generate.adf.AdfResources.Kind;
import io.bfx.model.Batch;
import io.bfx.model.DataObject;
import io.bfx.model.Metadata;
import io.bfx.model.Project;
import io.bfx.model.naming.Names;
import io.bfx.model.settings.EffectiveSetting;
import io.bfx.model.settings.SettingDefinition;
import io.bfx.model.settings.Settings;
import io.bfx.templates.Seq;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Generates the Azure Data Factory part of the solution in git-integration layout under {@code adf/}: linked
 * services, datasets, one pipeline per object, the batch pipelines with their sub-batches, schedule triggers, the
 * factory file with the global parameters, and an ARM template assembled from all of them under {@code adf/arm/}
 * (linked templates when the factory is too large for one, see {@link ArmTemplate}). Per-object and per-batch
 * pipelines are rendered in parallel; each file is written as soon as it is rendered, and what the ARM template
 * needs of it waits in a temporary file, so memory stays flat however many objects there are.
 */
public final class AdfProducer implements ArtifactProducer {

    /**
     * BimlFlex's AzureDataFactoryActivityLimit: how many objects one sub-batch pipeline runs. Not (yet) a bfx
     * setting in {@link Settings}; declared here so that it is resolved like one and becomes configurable by
     * moving this definition there.
     */
    static final SettingDefinition ACTIVITY_LIMIT = io.bfx.model.settings.Settings.AZURE_DATA_FACTORY_ACTIVITY_LIMIT;

    static final String DEFAULT_FACTORY_NAME = "bfx-adf";
    private static final Pattern FACTORY_NAME = Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){2,62}$");

    /** The view of {@code adf/factory.json.mustache}. */
    public record Factory(String name, List<Seq.Item<ArmTemplate.GlobalParameter>> globalParameters) {}

    private final int maxArmResources;
    private final long maxArmBytes;

    public AdfProducer() {
        this(ArmTemplate.MAX_RESOURCES, ArmTemplate.MAX_BYTES);
    }

    /** With other limits per ARM template than ARM's, for tests. */
    AdfProducer(int maxArmResources, long maxArmBytes) {
        this.maxArmResources = maxArmResources;
        this.maxArmBytes = maxArmBytes;
    }

    @Override
    public void produce(SolutionContext context, FileSink sink) {
        Metadata metadata = context.metadata();
        if (metadata.projects().isEmpty()) {
            return;
        }
        try (ArmSpool spool = new ArmSpool()) {
            produce(context, sink, metadata, spool);
        }
    }

    private void produce(SolutionContext context, FileSink sink, Metadata metadata, ArmSpool spool) {
        AdfResources out = new AdfResources(context, sink, spool);
        List<ProjectConnections> projects = metadata.projects().stream()
                .map(p -> ProjectConnections.of(metadata, p)).toList();
        DatabricksWorkspaces workspaces = DatabricksWorkspaces.of(projects);

        new LinkedServices(context, out).produce(factoryWide(context, Settings.AZURE_KEY_VAULT), projects, workspaces);
        new Datasets(out).produce(projects);

        // One pipeline per object of every project, rendered in parallel.
        record Job(ProjectConnections pc, DataObject object) {}
        List<Job> jobs = new ArrayList<>();
        projects.forEach(pc -> metadata.objectsOf(pc.project()).forEach(o -> jobs.add(new Job(pc, o))));
        context.forEachParallel(jobs, j -> out.emit(Kind.PIPELINE, Names.objectPipeline(j.pc().project(), j.object()),
                "adf/pipeline-object.json.mustache", ObjectPipelines.view(context.settings(), j.pc(), j.object())));

        // The batch pipelines with their sub-batches and triggers, batch by batch in parallel; the global
        // parameters in batch order.
        Solution solution = new Solution(metadata);
        List<Batch> batches = solution.batches();
        Map<Project, ProjectConnections> connections = new IdentityHashMap<>();
        projects.forEach(pc -> connections.put(pc.project(), pc));
        ArmTemplate.GlobalParameter[] jobIds = new ArmTemplate.GlobalParameter[batches.size()];
        Map<String, ArmTemplate.GlobalParameter> environment = new java.util.concurrent.ConcurrentSkipListMap<>();
        context.forEachParallel(IntStream.range(0, batches.size()).boxed().toList(), i -> {
            Batch batch = batches.get(i);
            List<ProjectConnections> members = solution.projects(batch).stream().map(connections::get).toList();
            int limit = context.settings().forBatch(ACTIVITY_LIMIT, batch).asInt();
            BatchPipelines.Output b = BatchPipelines.build(metadata, context.settings(), batch, members, workspaces,
                    limit);
            for (BatchPipelines.CopySubBatch c : b.copySubBatches()) {
                out.emit(Kind.PIPELINE, c.name(), "adf/pipeline-copy-sub-batch.json.mustache", c);
            }
            for (BatchPipelines.NotebookSubBatch n : b.notebookSubBatches()) {
                out.emit(Kind.PIPELINE, n.name(), "adf/pipeline-notebook-sub-batch.json.mustache", n);
            }
            out.emit(Kind.PIPELINE, b.batch().name(), "adf/pipeline-batch.json.mustache", b.batch());
            environment.putAll(b.globals()); // the same name always means the same connection and value
            if (b.batch().job() != null) {
                jobIds[i] = new ArmTemplate.GlobalParameter(Names.jobIdParameter(batch), "String", "0",
                        "the id of Databricks job '" + Names.jobKey(batch) + "' (bundle resource jobs."
                                + Names.jobKey(batch) + ") that batch " + batch.name()
                                + " runs; 'databricks bundle summary' shows it after 'databricks bundle deploy'.", true);
            }
            if (batch.schedule() != null) {
                Triggers.ScheduleTrigger t = Triggers.view(batch);
                out.emit(Kind.TRIGGER, t.name(), "adf/trigger-schedule.json.mustache", t);
            }
        });
        List<ArmTemplate.GlobalParameter> globals = new ArrayList<>();
        for (ArmTemplate.GlobalParameter g : jobIds) {
            if (g != null) {
                globals.add(g);
            }
        }
        globals.addAll(environment.values());

        String factoryName = factoryName(context);
        out.emitFile("adf/factory/" + factoryName + ".json", "adf/factory.json.mustache",
                new Factory(factoryName, Seq.of(globals)));
        new ArmTemplate(factoryName, out.all(), globals, spool, maxArmResources, maxArmBytes).write(sink);
    }

    private static String factoryName(SolutionContext context) {
        String name = factoryWide(context, Settings.AZURE_DATA_FACTORY_NAME).trim();
        if (name.isEmpty()) {
            return DEFAULT_FACTORY_NAME;
        }
        if (!FACTORY_NAME.matcher(name).matches()) {
            throw new GenerationException("AzureDataFactoryName '" + name + "' is not a valid factory name: 3 to 63 "
                    + "letters, digits and single dashes, starting and ending with a letter or digit.");
        }
        return name;
    }

    /** A setting that applies to the whole factory: every project must see the same value. */
    private static String factoryWide(SolutionContext context, SettingDefinition setting) {
        Map<String, List<String>> values = new TreeMap<>();
        List<EffectiveSetting> seen = new ArrayList<>();
        for (Project p : context.metadata().projects()) {
            EffectiveSetting e = context.settings().forProject(setting, p);
            seen.add(e);
            values.computeIfAbsent(e.value().trim(), k -> new ArrayList<>()).add(p.name());
        }
        if (values.size() > 1) {
            throw new GenerationException(setting.key() + " must be the same for all projects, because they deploy "
                    + "into one data factory: " + seen.stream().map(EffectiveSetting::explain).distinct().toList());
        }
        return values.keySet().iterator().next();
    }
}
