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

        private final Text text;

        Frequency(String label) {
            this.text = new Text(label, java.util.List.of(),
                    "Every " + label.toLowerCase(java.util.Locale.ROOT) + " (times interval).");
        }

        @Override
        public Text text() {
            return text;
        }
    }
}
