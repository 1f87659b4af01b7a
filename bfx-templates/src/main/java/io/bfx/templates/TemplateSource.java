package io.bfx.templates;

/**
 * A template's text and where it came from: {@code built-in}, a dependency jar on the plugin's classpath, or the
 * user's template directory.
 */
public record TemplateSource(String name, String text, Origin origin, String location) {

    /** Where a template was found, from most to least specific. */
    public enum Origin {
        USER_DIRECTORY,
        CLASSPATH,
        BUILT_IN
    }
}
