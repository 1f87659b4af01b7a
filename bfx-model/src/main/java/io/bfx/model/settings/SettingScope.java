package io.bfx.model.settings;

/** Where a setting's effective value came from, from most to least specific. */
public enum SettingScope {
    OBJECT,
    PROJECT,
    BATCH,
    CONNECTION,
    GLOBAL,
    DEFAULT
}
