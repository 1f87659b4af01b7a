package io.bfx.model.naming;

import io.bfx.model.Batch;
import io.bfx.model.Connection;
import io.bfx.model.DataObject;
import io.bfx.model.Project;
import java.util.Locale;

/**
 * The names bfx gives to what it generates. They live in the model, not in the templates, because validation must
 * detect two objects that would get the same name (BFX027) before anything is generated, and because ADF,
 * Databricks and the run catalog must agree on them (a pipeline's name is its catalog package name).
 */
public final class Names {

    private Names() {}

    /** Staging and persistent staging table name of an object: {@code <recordSource>_<object>}. */
    public static String bronzeTable(Connection source, DataObject object) {
        return recordSource(source) + "_" + object.name();
    }

    private static String recordSource(Connection source) {
        return source == null || source.recordSource() == null ? "src" : source.recordSource();
    }

    /**
     * An ADF resource name: ADF refuses {@code <>*#.%&:\+?/} and names must start with a letter, digit or '_';
     * every other character is replaced with '_'.
     */
    public static String adf(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            b.append(Character.isLetterOrDigit(c) || c == '_' || c == '-' ? c : '_');
        }
        if (b.length() == 0 || b.charAt(0) == '-') {
            b.insert(0, '_');
        }
        return b.toString();
    }

    /** A Databricks task key or job resource key: letters, digits, '_' and '-'. */
    public static String key(String raw) {
        return adf(raw);
    }

    /** The pipeline extracting one object; also its package name in the run catalog. */
    public static String objectPipeline(Project project, DataObject object) {
        String schema = object.schema() == null || object.schema().isEmpty() ? "" : object.schema() + "_";
        return adf(project.name() + "_" + schema + object.name());
    }

    /** The batch pipeline; also the batch's package name in the run catalog. */
    public static String batchPipeline(Batch batch) {
        return adf(batch.name() + "_Batch");
    }

    /** The n-th (1-based) pipeline that runs a slice of a batch's copies. */
    public static String copySubBatch(Batch batch, int n) {
        return adf(batch.name()) + String.format(Locale.ROOT, "_Copy_%03d", n);
    }

    /** The n-th (1-based) pipeline that runs a slice of a batch's notebooks (traditional mode). */
    public static String notebookSubBatch(Batch batch, int n) {
        return adf(batch.name()) + String.format(Locale.ROOT, "_Notebooks_%03d", n);
    }

    public static String scheduleTrigger(Batch batch) {
        return adf(batch.name() + "_Schedule");
    }

    public static String linkedService(Connection connection) {
        return "LS_" + adf(connection.name());
    }

    public static final String KEY_VAULT_LINKED_SERVICE = "LS_KeyVault";

    public static String sourceDataset(Connection source) {
        return "DS_" + adf(source.name()) + "_Table";
    }

    public static String parquetDataset(Connection landing) {
        return "DS_" + adf(landing.name()) + "_Parquet";
    }

    public static String binaryDataset(Connection landing) {
        return "DS_" + adf(landing.name()) + "_Binary";
    }

    public static String catalogDataset(Connection catalog) {
        return "DS_" + adf(catalog.name()) + "_Catalog";
    }

    /** The factory global parameter holding the Databricks job id of a batch, set at deployment. */
    public static String jobIdParameter(Batch batch) {
        return "BFX_JOB_ID_" + adf(batch.name());
    }

    /**
     * The landing folder of an object, relative to the landing container: {@code [path/]rs/schema/object}. Each
     * execution writes below it into {@code row_audit_id=<ExecutionID>/}, a Hive-style partition folder that Spark
     * reads as a column.
     */
    public static String landingFolder(Connection landing, Connection source, DataObject object) {
        StringBuilder b = new StringBuilder();
        if (landing != null && landing.path() != null && !landing.path().isBlank()) {
            b.append(trimSlashes(landing.path())).append('/');
        }
        b.append(recordSource(source)).append('/');
        if (object.schema() != null && !object.schema().isEmpty()) {
            b.append(object.schema()).append('/');
        }
        return b.append(object.name()).toString();
    }

    /**
     * The container (ADLS file system) extracted files land in: the landing connection's {@code container} when it
     * names one, else the value of the AzureStageContainer setting. ADF writes there; the notebooks read there.
     */
    public static String landingContainer(Connection landing, String azureStageContainer) {
        return landing != null && landing.container() != null && !landing.container().isBlank()
                ? landing.container().trim() : azureStageContainer;
    }

    /** The landing folder of all objects of a source: {@code [path/]rs}. */
    public static String landingRoot(Connection landing, Connection source) {
        String rs = recordSource(source);
        return landing != null && landing.path() != null && !landing.path().isBlank()
                ? trimSlashes(landing.path()) + "/" + rs : rs;
    }

    /** The file name a copy writes into the execution's partition folder. */
    public static String landingFile(Connection source, DataObject object) {
        return bronzeTable(source, object) + ".parquet";
    }

    /** The notebook of an object, without extension: prefix + {@code <rs>_<object>}. */
    public static String notebook(String prefix, Connection source, DataObject object) {
        return key(prefix + bronzeTable(source, object));
    }

    /** The Silver notebook of an object: prefix + {@code dv_} or {@code nf_} + {@code <rs>_<object>}. */
    public static String silverNotebook(String prefix, String kind, Connection source, DataObject object) {
        return key(prefix + kind + "_" + bronzeTable(source, object));
    }

    /** The Gold notebook of a dimension or fact: prefix + {@code dim_} or {@code fact_} + its name. */
    public static String goldNotebook(String prefix, String kind, String name) {
        return key(prefix + kind + "_" + name);
    }

    /** A task key in the batch job: {@code <step>_<rs>_<object>}. */
    public static String task(String step, Connection source, DataObject object) {
        return key(step + "_" + bronzeTable(source, object));
    }

    /** The bundle resource key of a batch's job. */
    public static String jobKey(Batch batch) {
        return key(batch.name()).toLowerCase(Locale.ROOT);
    }

    private static String trimSlashes(String s) {
        String t = s;
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
