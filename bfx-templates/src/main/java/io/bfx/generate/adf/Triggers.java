package io.bfx.generate.adf;

import io.bfx.generate.GenerationException;
import io.bfx.model.Batch;
import io.bfx.model.Schedule;
import io.bfx.model.naming.Names;

/**
 * The schedule trigger of a batch. It is written stopped: starting triggers is a deployment decision (ADF's
 * CI/CD scripts stop and start triggers around a deployment).
 */
final class Triggers {

    /** The view of {@code adf/trigger-schedule.json.mustache}. */
    public record ScheduleTrigger(String name, String description, String pipeline, String frequency, int interval,
            String startTime, String timeZone) {}

    private Triggers() {}

    static ScheduleTrigger view(Batch batch) {
        Schedule s = batch.schedule();
        if (s.frequency() == null || s.startTime() == null || s.startTime().isBlank()) {
            throw new GenerationException("The schedule of batch '" + batch.name() + "' needs frequency and "
                    + "startTime; validate the metadata first.");
        }
        String timeZone = s.timeZone() == null || s.timeZone().isBlank() ? "UTC" : s.timeZone().trim();
        return new ScheduleTrigger(Names.scheduleTrigger(batch), "Runs batch " + batch.name() + " every "
                + Math.max(1, s.interval()) + " " + s.frequency().label().toLowerCase(java.util.Locale.ROOT)
                + "(s). Created stopped: start it after deployment.", Names.batchPipeline(batch),
                s.frequency().label(), Math.max(1, s.interval()), s.startTime().trim(), timeZone);
    }
}
