package io.bfx.templates;

import java.util.Locale;

/**
 * The format of a generated file. It decides how every {@code {{value}}} of a template is escaped, so escaping is
 * never the template author's job. The format is taken from the template's name: {@code job.yml.mustache} is YAML.
 */
public enum OutputFormat {
    /** Values go inside a JSON string literal: {@code "name": "{{name}}"}. */
    JSON(".json"),
    /** Values go inside a YAML double-quoted scalar: {@code name: "{{name}}"}. */
    YAML(".yml"),
    /** Values must be typed SQL values ({@link Sql}); a plain string in SQL is a template error. */
    SQL(".sql"),
    /** Values go inside a Python string literal, single or double quoted. */
    PYTHON(".py"),
    /** Values go inside a PowerShell single-quoted string: {@code '{{name}}'}. */
    POWERSHELL(".ps1"),
    /** Values go inside a POSIX shell single-quoted string: {@code '{{name}}'}. */
    SHELL(".sh"),
    /** Markdown and plain text: control characters are refused, everything else is written as is. */
    TEXT(".md");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format of a template named like {@code adf/pipeline.json.mustache}. */
    public static OutputFormat ofTemplate(String templateName) {
        String n = templateName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".mustache")) {
            n = n.substring(0, n.length() - ".mustache".length());
        }
        if (n.endsWith(".yaml")) {
            return YAML;
        }
        for (OutputFormat f : values()) {
            if (n.endsWith(f.extension)) {
                return f;
            }
        }
        if (n.endsWith(".txt")) {
            return TEXT;
        }
        throw new IllegalArgumentException("Cannot tell the output format of template " + templateName);
    }
}
