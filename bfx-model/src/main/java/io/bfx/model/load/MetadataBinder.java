package io.bfx.model.load;

import io.bfx.model.Authentication;
import io.bfx.model.Batch;
import io.bfx.model.ChangeType;
import io.bfx.model.Column;
import io.bfx.model.Compute;
import io.bfx.model.Connection;
import io.bfx.model.ConnectionType;
import io.bfx.model.DataObject;
import io.bfx.model.Dimension;
import io.bfx.model.DimensionColumn;
import io.bfx.model.Fact;
import io.bfx.model.FactDimension;
import io.bfx.model.IntegrationStage;
import io.bfx.model.IntegrationTemplate;
import io.bfx.model.LoadParameter;
import io.bfx.model.ObjectType;
import io.bfx.model.Project;
import io.bfx.model.Relationship;
import io.bfx.model.Retry;
import io.bfx.model.Schedule;
import io.bfx.model.SettingValue;
import io.bfx.model.SilverModel;
import io.bfx.model.SystemType;
import io.bfx.model.diag.Code;
import io.bfx.model.diag.Findings;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the located tree of one metadata document to model records, following {@link MetadataSpec}. Written by
 * hand rather than by reflection so that every field's default and every message is visible here.
 */
final class MetadataBinder {

    private final Findings findings;

    MetadataBinder(Findings findings) {
        this.findings = findings;
    }

    /** What one document contributes to the model. */
    record Fragment(List<Connection> connections, List<Batch> batches, List<Project> projects,
            List<DataObject> objects, List<SettingValue> settings, List<Dimension> dimensions, List<Fact> facts) {}

    Fragment bind(Node document) {
        if (!(document instanceof MapNode root)) {
            findings.report(Code.BFX005, document.location(),
                    "A metadata file must be a mapping with sections such as 'connections:' or 'objects:', not "
                            + document.kind() + ".",
                    "Start the file with one of: " + String.join(", ", MetadataSpec.FILE.keys()) + ".");
            return new Fragment(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        Fields f = new Fields(root, MetadataSpec.FILE, findings);
        List<Connection> connections = new ArrayList<>();
        f.entities("connections").forEach(m -> connections.add(connection(m)));
        List<Batch> batches = new ArrayList<>();
        f.entities("batches").forEach(m -> batches.add(batch(m)));
        List<Project> projects = new ArrayList<>();
        f.entities("projects").forEach(m -> projects.add(project(m)));
        List<DataObject> objects = new ArrayList<>();
        f.entities("objects").forEach(m -> objects.add(object(m)));
        List<Dimension> dimensions = new ArrayList<>();
        f.entities("dimensions").forEach(m -> dimensions.add(dimension(m)));
        List<Fact> facts = new ArrayList<>();
        f.entities("facts").forEach(m -> facts.add(fact(m)));
        return new Fragment(connections, batches, projects, objects, f.settings(), dimensions, facts);
    }

    private Connection connection(MapNode m) {
        Fields f = new Fields(m, MetadataSpec.CONNECTION, findings);
        return new Connection(
                f.string("name"),
                f.choice("connectionType", ConnectionType.class),
                f.choice("systemType", SystemType.class),
                f.choice("integrationStage", IntegrationStage.class),
                f.string("recordSource"),
                f.string("catalog"),
                f.string("schema"),
                f.string("storageAccount"),
                f.string("container"),
                f.string("path"),
                f.string("server"),
                f.string("database"),
                f.string("userName"),
                f.choice("authentication", Authentication.class),
                f.string("connectionString"),
                f.string("workspaceUrl"),
                f.string("workspaceResourceId"),
                f.string("integrationRuntime"),
                f.string("keyVaultSecret"),
                f.string("databricksSecretScope"),
                f.string("databricksSecretKey"),
                f.string("description"),
                f.settings(),
                f.origin());
    }

    private Batch batch(MapNode m) {
        Fields f = new Fields(m, MetadataSpec.BATCH, findings);
        MapNode computeNode = f.entity("compute");
        MapNode retryNode = f.entity("retry");
        MapNode scheduleNode = f.entity("schedule");
        Integer threads = f.integer("threads", 1, 256);
        Integer priority = f.integer("priority", -1_000_000, 1_000_000);
        return new Batch(
                f.string("name"),
                computeNode == null ? Compute.defaults() : compute(computeNode),
                threads == null ? Batch.DEFAULT_THREADS : threads,
                priority == null ? 0 : priority,
                retryNode == null ? Retry.NONE : retry(retryNode),
                scheduleNode == null ? null : schedule(scheduleNode),
                f.string("description"),
                f.settings(),
                f.origin());
    }

    private Compute compute(MapNode m) {
        Fields f = new Fields(m, MetadataSpec.COMPUTE, findings);
        String sparkVersion = f.string("sparkVersion");
        String nodeType = f.string("nodeType");
        Integer workers = f.integer("workers", 0, 10_000);
        Integer min = f.integer("minWorkers", 0, 10_000);
        Integer max = f.integer("maxWorkers", 1, 10_000);
        String mode = f.string("dataSecurityMode");
        if ((min == null) != (max == null)) {
            findings.report(Code.BFX006, f.location(), "Autoscaling needs both 'minWorkers' and 'maxWorkers'.",
                    "Give both, or give 'workers' for a fixed-size cluster.");
        } else if (min != null && min > max) {
            findings.report(Code.BFX007, f.origin().of("minWorkers"), "'minWorkers' (" + min
                    + ") is larger than 'maxWorkers' (" + max + ").", "Swap the two values.");
        }
        return new Compute(
                sparkVersion == null ? Compute.DEFAULT_SPARK_VERSION : sparkVersion,
                nodeType == null ? Compute.DEFAULT_NODE_TYPE : nodeType,
                f.string("driverNodeType"),
                workers == null && min == null ? Integer.valueOf(Compute.DEFAULT_WORKERS) : workers,
                min,
                max,
                f.string("policyId"),
                mode == null ? Compute.DEFAULT_DATA_SECURITY_MODE : mode,
                f.origin());
    }

    private Retry retry(MapNode m) {
        Fields f = new Fields(m, MetadataSpec.RETRY, findings);
        Integer attempts = f.integer("attempts", 0, 100);
        Integer interval = f.integer("intervalSeconds", 0, 86_400);
        return new Retry(attempts == null ? 0 : attempts, interval == null ? 30 : interval);
    }

    private Schedule schedule(MapNode m) {
        Fields f = new Fields(m, MetadataSpec.SCHEDULE, findings);
        Integer interval = f.integer("interval", 1, 1000);
        String tz = f.string("timeZone");
        return new Schedule(
                f.choice("frequency", Schedule.Frequency.class),
                interval == null ? 1 : interval,
                f.string("startTime"),
                tz == null ? "UTC" : tz,
                f.origin());
    }

    private Project project(MapNode m) {
        Fields f = new Fields(m, MetadataSpec.PROJECT, findings);
        IntegrationTemplate template = f.choice("integrationTemplate", IntegrationTemplate.class);
        SilverModel silver = f.choice("silverModel", SilverModel.class);
        return new Project(
                f.string("name"),
                template == null ? IntegrationTemplate.ADF : template,
                f.string("sourceConnection"),
                f.string("landingConnection"),
                f.string("stagingConnection"),
                f.string("persistentStagingConnection"),
                f.string("targetConnection"),
                f.string("dataMartConnection"),
                f.string("catalogConnection"),
                f.string("batch"),
                f.bool("pushdownProcessing", true),
                f.bool("sqlScripting", false),
                silver == null ? SilverModel.DATA_VAULT : silver,
                f.string("description"),
                f.settings(),
                f.origin());
    }

    private DataObject object(MapNode m) {
        Fields f = new Fields(m, MetadataSpec.OBJECT, findings);
        List<Column> columns = new ArrayList<>();
        List<MapNode> columnNodes = f.entities("columns");
        for (int i = 0; i < columnNodes.size(); i++) {
            columns.add(column(columnNodes.get(i), i + 1));
        }
        List<Relationship> relationships = new ArrayList<>();
        f.entities("relationships").forEach(r -> relationships.add(relationship(r)));
        List<LoadParameter> parameters = new ArrayList<>();
        f.entities("parameters").forEach(p -> parameters.add(parameter(p)));
        ObjectType type = f.choice("objectType", ObjectType.class);
        return new DataObject(
                f.string("connection"),
                f.string("schema"),
                f.string("name"),
                type == null ? ObjectType.TABLE : type,
                columns,
                relationships,
                parameters,
                f.stringList("partitionedBy"),
                f.stringList("clusterBy"),
                f.stringList("zOrderBy"),
                f.stringMap("tableProperties"),
                f.bool("exclude", false),
                f.string("description"),
                f.settings(),
                f.origin());
    }

    private Column column(MapNode m, int position) {
        Fields f = new Fields(m, MetadataSpec.COLUMN, findings);
        Integer ordinal = f.integer("ordinal", 0, 100_000);
        boolean pk = f.bool("isPrimaryKey", false);
        boolean isIk = f.bool("isIntegrationKey", false);
        ChangeType changeType = f.choice("changeType", ChangeType.class);
        return new Column(
                f.string("name"),
                f.string("dataType"),
                f.bool("nullable", true),
                ordinal == null ? position : ordinal,
                pk,
                isIk,
                changeType != null ? changeType : (pk || isIk ? ChangeType.KEY : ChangeType.CHG),
                f.bool("notHashed", false),
                f.string("referenceColumn"),
                f.string("targetColumn"),
                f.string("description"),
                f.origin());
    }

    private Relationship relationship(MapNode m) {
        Fields f = new Fields(m, MetadataSpec.RELATIONSHIP, findings);
        return new Relationship(f.string("name"), f.stringList("columns"), f.string("references"),
                f.stringList("referencedColumns"), f.origin());
    }

    private Dimension dimension(MapNode m) {
        Fields f = new Fields(m, MetadataSpec.DIMENSION, findings);
        List<DimensionColumn> columns = new ArrayList<>();
        for (MapNode c : f.entities("columns")) {
            Fields cf = new Fields(c, MetadataSpec.DIMENSION_COLUMN, findings);
            ChangeType type = cf.choice("changeType", ChangeType.class);
            columns.add(new DimensionColumn(cf.string("column"), cf.string("name"),
                    type == null ? ChangeType.CHG : type, cf.origin()));
        }
        return new Dimension(f.string("name"), f.string("project"), f.string("source"), columns,
                f.stringList("clusterBy"), f.string("description"), f.origin());
    }

    private Fact fact(MapNode m) {
        Fields f = new Fields(m, MetadataSpec.FACT, findings);
        List<FactDimension> dimensions = new ArrayList<>();
        for (MapNode d : f.entities("dimensions")) {
            Fields df = new Fields(d, MetadataSpec.FACT_DIMENSION, findings);
            dimensions.add(new FactDimension(df.string("dimension"), df.stringList("columns"), df.string("role"),
                    df.origin()));
        }
        return new Fact(f.string("name"), f.string("project"), f.string("source"), f.string("dateColumn"),
                dimensions, f.stringList("measures"), f.stringList("partitionedBy"), f.string("description"),
                f.origin());
    }

    private LoadParameter parameter(MapNode m) {
        Fields f = new Fields(m, MetadataSpec.PARAMETER, findings);
        String op = f.string("operator");
        String toOp = f.string("toOperator");
        String toName = f.string("toName");
        return new LoadParameter(f.string("name"), f.string("column"), op == null ? ">" : op.trim(),
                f.string("default"), toName, toName == null && toOp == null ? null : (toOp == null ? "<=" : toOp.trim()),
                f.origin());
    }
}
