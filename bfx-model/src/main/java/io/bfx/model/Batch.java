package io.bfx.model;

import java.util.List;

/**
 * A batch: the unit that is scheduled and restarted. One ADF batch pipeline and one Databricks job per batch.
 *
 * @param threads how many objects are copied and processed in parallel
 * @param priority order among batches (lower first) where they are listed together
 */
public record Batch(
        String name,
        Compute compute,
        int threads,
        int priority,
        Retry retry,
        Schedule schedule,
        String description,
        List<SettingValue> settings,
        Origin origin) {

    public static final int DEFAULT_THREADS = 4;

    public Batch {
        settings = List.copyOf(settings);
    }
}
