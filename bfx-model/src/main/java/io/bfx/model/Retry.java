package io.bfx.model;

/** How often a failed batch run is retried by the orchestrator, and how long it waits in between. */
public record Retry(int attempts, int intervalSeconds) {

    public static final Retry NONE = new Retry(0, 30);
}
