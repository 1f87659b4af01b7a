package io.bfx.model.settings;

import io.bfx.model.SourceLocation;

/**
 * The value a setting has for some element, and where that value came from: which scope, which element of that
 * scope, and where it was written (null for the built-in default).
 */
public record EffectiveSetting(SettingDefinition definition, String value, SettingScope scope, String owner,
        SourceLocation location) {

    public boolean asBoolean() {
        Boolean b = SettingType.YesNo.parse(value);
        if (b == null) {
            throw new IllegalStateException(definition.key() + " is not Y/N: " + value);
        }
        return b;
    }

    /** The Y/N value, or {@code fallback} when the value is invalid (validation reports it separately). */
    public boolean asBooleanOr(boolean fallback) {
        Boolean b = SettingType.YesNo.parse(value);
        return b == null ? fallback : b;
    }

    public int asInt() {
        return Integer.parseInt(value.trim());
    }

    /** The value in the definition's canonical spelling (for example "Serverless" for "serverless"). */
    public String canonical() {
        return definition.type() instanceof SettingType.OneOf o ? o.canonical(value) : value;
    }

    /** "DatabricksUtilsDriver=JDBC (project EXT_AWLT_DBR, src/main/bfx/awlt.yml:12:5)". */
    public String explain() {
        String where = switch (scope) {
            case DEFAULT -> "built-in default";
            case GLOBAL -> "global setting";
            default -> scope.name().toLowerCase(java.util.Locale.ROOT) + " " + owner;
        };
        return definition.key() + "=" + value + " (" + where + (location == null ? "" : ", " + location) + ")";
    }
}
