package io.bfx.generate.adf;

import io.bfx.model.settings.EffectiveSetting;
import io.bfx.model.settings.SettingDefinition;
import io.bfx.model.settings.Settings;
import io.bfx.templates.Seq;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The records the ADF templates render. Every string in them is final ADF text: user-derived values were escaped
 * for ADF (see {@link AdfStrings}) by the code that built the record; the template engine adds JSON escaping.
 */
public final class AdfViews {

    private AdfViews() {}

    /**
     * A property value: an expression ({@code {"value": "@...", "type": "Expression"}}), a string, or a raw JSON
     * token made by bfx's code (null, a boolean, a number).
     */
    public record Value(String text, boolean isExpression, boolean isString, boolean isRaw) {

        /** An expression from its body, for example {@code pipeline().RunId}. */
        public static Value expr(String body) {
            return new Value(AdfStrings.expression(body), true, false, false);
        }

        /** An expression-typed value that is already complete (an interpolated string). */
        public static Value interpolated(String text) {
            return new Value(text, true, false, false);
        }

        /** A literal string; escaped so ADF does not evaluate it. */
        public static Value literal(String value) {
            return new Value(AdfStrings.literal(value), false, true, false);
        }

        public static Value nul() {
            return new Value("null", false, false, true);
        }

        public static Value bool(boolean b) {
            return new Value(Boolean.toString(b), false, false, true);
        }
    }

    /** A named value: a dataset, pipeline, job or stored-procedure parameter. {@code type} may be null. */
    public record Named(String name, String type, Value value) {}

    /** An activity dependency. */
    public record Dep(String activity, List<Seq.Item<String>> conditions) {
        public static Dep on(String activity, String... conditions) {
            return new Dep(activity, Seq.of(Arrays.asList(conditions)));
        }

        public static Dep succeeded(String activity) {
            return on(activity, "Succeeded");
        }
    }

    /** An activity policy. */
    public record Policy(String timeout, int retry, int retryIntervalInSeconds) {

        static Policy of(Function<SettingDefinition, EffectiveSetting> settings, SettingDefinition timeout,
                SettingDefinition retries, SettingDefinition interval) {
            return new Policy(settings.apply(timeout).value().trim(), settings.apply(retries).asInt(),
                    settings.apply(interval).asInt());
        }

        /** Run catalog activities: AzureBimlCatalog* settings. */
        static Policy catalog(Function<SettingDefinition, EffectiveSetting> s) {
            return of(s, Settings.AZURE_CATALOG_TIMEOUT, Settings.AZURE_CATALOG_RETRY_ATTEMPTS,
                    Settings.AZURE_CATALOG_RETRY_INTERVAL);
        }

        /** Copy activities: AzureCopy* settings. */
        static Policy copy(Function<SettingDefinition, EffectiveSetting> s) {
            return of(s, Settings.AZURE_COPY_TIMEOUT, Settings.AZURE_COPY_RETRY_ATTEMPTS,
                    Settings.AZURE_COPY_RETRY_INTERVAL);
        }

        /** Databricks activities: DatabricksActivity* settings. */
        static Policy databricks(Function<SettingDefinition, EffectiveSetting> s) {
            return of(s, Settings.DATABRICKS_ACTIVITY_TIMEOUT, Settings.DATABRICKS_ACTIVITY_RETRY_ATTEMPTS,
                    Settings.DATABRICKS_ACTIVITY_RETRY_INTERVAL);
        }

        /** Other activities (source look-ups): AzureDefault* settings. */
        static Policy other(Function<SettingDefinition, EffectiveSetting> s) {
            return of(s, Settings.AZURE_DEFAULT_TIMEOUT, Settings.AZURE_DEFAULT_RETRY_ATTEMPTS,
                    Settings.AZURE_DEFAULT_RETRY_INTERVAL);
        }
    }

    /** A dataset reference with parameter values. */
    public record DatasetRef(String name, List<Seq.Item<Named>> parameters) {
        static DatasetRef of(String name, Named... parameters) {
            return new DatasetRef(name, Seq.of(Arrays.asList(parameters)));
        }
    }

    /** A Lookup calling a run catalog procedure that returns one row. */
    public record CatalogLookup(String name, String description, List<Seq.Item<Dep>> dependsOn, Policy policy,
            String sourceType, String procedure, List<Seq.Item<Named>> parameters, String dataset) {}

    /** A SqlServerStoredProcedure activity calling a run catalog procedure that returns nothing. */
    public record CatalogProcedure(String name, String description, List<Seq.Item<Dep>> dependsOn, Policy policy,
            String linkedService, String procedure, List<Seq.Item<Named>> parameters) {}

    /** A Fail activity. */
    public record Fail(String name, String description, List<Seq.Item<Dep>> dependsOn, Value message,
            String errorCode) {}

    /** A Copy activity Binary to Binary that moves files (the source files are deleted once copied). */
    public record BinaryMove(String name, String description, List<Seq.Item<Dep>> dependsOn, Policy policy,
            DatasetRef input, DatasetRef output, String readSettingsType, String writeSettingsType) {}

    /** An ExecutePipeline activity that waits for the pipeline. */
    public record ExecutePipeline(String name, String description, List<Seq.Item<Dep>> dependsOn, String pipeline,
            List<Seq.Item<Named>> parameters) {}

    /** A Lookup on a source that reads the upper bound of a high-watermark window. */
    public record SourceLookup(String name, String description, Policy policy, String sourceType, String query,
            DatasetRef dataset) {}

    /** The Copy activity of an object pipeline: source query to a Parquet file in the landing container. */
    public record SourceCopy(String name, String description, List<Seq.Item<Dep>> dependsOn, Policy policy,
            DatasetRef input, DatasetRef output, String sourceType, Value query, String writeSettingsType) {}

    /** The activities of one high-watermark parameter. */
    public record Watermark(CatalogLookup getConfig, SourceLookup upperBound, CatalogProcedure setConfig) {}

    /** A DatabricksJob activity. */
    public record DatabricksJob(String name, String description, List<Seq.Item<Dep>> dependsOn, Policy policy,
            String linkedService, Value jobId, List<Seq.Item<Named>> jobParameters) {}

    /** A DatabricksNotebook activity. */
    public record Notebook(String name, String description, List<Seq.Item<Dep>> dependsOn, Policy policy,
            String linkedService, Value notebookPath, List<Seq.Item<Named>> baseParameters) {}

    /** A pipeline parameter declaration; {@code defaultValue} null means the caller must pass it. */
    public record Parameter(String name, String type, String defaultValue) {}
}
