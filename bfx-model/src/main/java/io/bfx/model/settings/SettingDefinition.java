package io.bfx.model.settings;

/**
 * A setting bfx understands: its key (BimlFlex's name where BimlFlex has one), category, default, allowed values
 * and meaning.
 */
public record SettingDefinition(String key, String category, String defaultValue, SettingType type,
        String description) {}
