package io.bfx.model.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GlobalDefaultDate becomes a TIMESTAMP literal in the Gold SQL: only real dates Spark can hold pass. */
class DateSettingTest {

    private final SettingType type = Settings.GLOBAL_DEFAULT_DATE.type();

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01", "1900-01-01", "2024-02-29", "9999-12-31"})
    void acceptsDates(String value) {
        assertEquals(Optional.empty(), type.check(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "01/01/1900", "1900-1-1", "2023-02-29", "1900-01-01 00:00:00", "0000-01-01",
            "1900-01-01'; DROP TABLE x; --", "+10000-01-01"})
    void refusesAnythingElse(String value) {
        assertTrue(type.check(value).isPresent(), value);
    }
}
