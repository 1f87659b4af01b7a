package io.bfx.model.settings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kind of value a setting takes, and how to check one. {@link #check} returns a problem description, or
 * empty when the value is fine.
 */
public sealed interface SettingType {

    Optional<String> check(String value);

    /** Human description of the allowed values, for documentation and hints. */
    String describe();

    /** Y or N (BimlFlex style); true/false and yes/no are accepted too. */
    record YesNo() implements SettingType {
        @Override
        public Optional<String> check(String value) {
            return parse(value) == null ? Optional.of("expected Y or N") : Optional.empty();
        }

        static Boolean parse(String value) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "y", "yes", "true", "1":
                    return Boolean.TRUE;
                case "n", "no", "false", "0":
                    return Boolean.FALSE;
                default:
                    return null;
            }
        }

        @Override
        public String describe() {
            return "Y or N";
        }
    }

    /** A whole number within bounds. */
    record Int(int min, int max) implements SettingType {
        @Override
        public Optional<String> check(String value) {
            try {
                int v = Integer.parseInt(value.trim());
                return v < min || v > max ? Optional.of("expected a number from " + min + " to " + max)
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.of("expected a whole number");
            }
        }

        @Override
        public String describe() {
            return "a number from " + min + " to " + max;
        }
    }

    /** One of a fixed list of words (case-insensitive). */
    record OneOf(List<String> values) implements SettingType {
        @Override
        public Optional<String> check(String value) {
            return values.stream().anyMatch(v -> v.equalsIgnoreCase(value.trim())) ? Optional.empty()
                    : Optional.of("expected one of " + String.join(", ", values));
        }

        /** The canonical spelling of a valid value. */
        public String canonical(String value) {
            return values.stream().filter(v -> v.equalsIgnoreCase(value.trim())).findFirst().orElse(value);
        }

        @Override
        public String describe() {
            return "one of " + String.join(", ", values);
        }
    }

    /** An ADF timespan {@code D.HH:MM:SS}. */
    record Timespan() implements SettingType {
        private static final Pattern P = Pattern.compile("^(\\d{1,2}\\.)?([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d$");

        @Override
        public Optional<String> check(String value) {
            return P.matcher(value.trim()).matches() ? Optional.empty()
                    : Optional.of("expected a timespan D.HH:MM:SS, for example 0.12:00:00");
        }

        @Override
        public String describe() {
            return "a timespan D.HH:MM:SS";
        }
    }

    /** A name usable as an Azure container, secret scope or similar: letters, digits, '-', '_' and '.'. */
    record Name(int maxLength) implements SettingType {
        private static final Pattern P = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]*$");

        @Override
        public Optional<String> check(String value) {
            if (value.length() > maxLength) {
                return Optional.of("longer than " + maxLength + " characters");
            }
            return P.matcher(value).matches() ? Optional.empty()
                    : Optional.of("expected letters, digits, '-', '_' or '.'");
        }

        @Override
        public String describe() {
            return "a name of letters, digits, '-', '_' and '.'";
        }
    }

    /** A calendar date, {@code yyyy-MM-dd} (years 0001 to 9999, what Spark's DATE and TIMESTAMP hold). */
    record Date() implements SettingType {
        @Override
        public Optional<String> check(String value) {
            try {
                java.time.LocalDate d = java.time.LocalDate.parse(value);
                return d.getYear() >= 1 && d.getYear() <= 9999 ? Optional.empty()
                        : Optional.of("expected a year from 0001 to 9999");
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.of("expected a date as yyyy-MM-dd");
            }
        }

        @Override
        public String describe() {
            return "a date, yyyy-MM-dd";
        }
    }

    /** Any text (may be empty), with no control characters. */
    record Text() implements SettingType {
        @Override
        public Optional<String> check(String value) {
            return value.chars().anyMatch(c -> c < 0x20 && c != '\t') ? Optional.of("contains control characters")
                    : Optional.empty();
        }

        @Override
        public String describe() {
            return "text";
        }
    }

    /** A workspace path: absolute, forward slashes, no {@code ..}. */
    record WorkspacePath() implements SettingType {
        @Override
        public Optional<String> check(String value) {
            if (!value.startsWith("/")) {
                return Optional.of("expected an absolute workspace path starting with '/'");
            }
            if (value.contains("\\") || List.of(value.split("/")).contains("..")) {
                return Optional.of("expected forward slashes and no '..'");
            }
            return value.chars().anyMatch(c -> c < 0x20) ? Optional.of("contains control characters")
                    : Optional.empty();
        }

        @Override
        public String describe() {
            return "an absolute workspace path";
        }
    }

    /** A Delta TBLPROPERTIES clause as BimlFlex writes it: {@code TBLPROPERTIES (key = value, ...)}, or empty. */
    record TableProperties() implements SettingType {
        @Override
        public Optional<String> check(String value) {
            try {
                TablePropertiesClause.parse(value);
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }

        @Override
        public String describe() {
            return "TBLPROPERTIES (key = value, ...) or empty";
        }
    }
}
