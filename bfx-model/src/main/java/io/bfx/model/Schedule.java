package io.bfx.model;

/** When a batch runs by itself: an ADF schedule trigger's recurrence. */
public record Schedule(Frequency frequency, int interval, String startTime, String timeZone, Origin origin) {

    /** ADF recurrence frequencies. */
    public enum Frequency implements Choice {
        MINUTE("Minute"),
        HOUR("Hour"),
        DAY("Day"),
        WEEK("Week"),
        MONTH("Month");

        private final String label;

        Frequency(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String description() {
            return "Every " + label.toLowerCase(java.util.Locale.ROOT) + " (times interval).";
        }
    }
}
