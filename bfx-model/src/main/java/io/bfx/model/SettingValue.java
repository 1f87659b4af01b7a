package io.bfx.model;

/** A setting as written in metadata: a key, its text value and where it was written. */
public record SettingValue(String key, String value, SourceLocation location) {}
