package io.bfx.model;

/**
 * The shape of the job cluster a batch's Databricks job runs on when {@code DatabricksJobCluster=JobCluster}.
 * Ignored for serverless and for an existing compute cluster.
 */
public record Compute(
        String sparkVersion,
        String nodeType,
        String driverNodeType,
        Integer workers,
        Integer minWorkers,
        Integer maxWorkers,
        String policyId,
        String dataSecurityMode,
        Origin origin) {

    public static final String DEFAULT_SPARK_VERSION = "16.4.x-scala2.12";
    public static final String DEFAULT_NODE_TYPE = "Standard_D4ds_v5";
    public static final int DEFAULT_WORKERS = 2;
    public static final String DEFAULT_DATA_SECURITY_MODE = "SINGLE_USER";

    public static Compute defaults() {
        return new Compute(DEFAULT_SPARK_VERSION, DEFAULT_NODE_TYPE, null, DEFAULT_WORKERS, null, null, null,
                DEFAULT_DATA_SECURITY_MODE, Origin.BUILT_IN);
    }

    public boolean autoscale() {
        return minWorkers != null && maxWorkers != null;
    }
}
