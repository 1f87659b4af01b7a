package io.bfx.model.validate;

import io.bfx.model.Batch;
import io.bfx.model.Connection;
import io.bfx.model.DataObject;
import io.bfx.model.Project;
import io.bfx.model.SettingValue;
import io.bfx.model.diag.Code;
import io.bfx.model.load.Suggestions;
import io.bfx.model.settings.SettingDefinition;
import io.bfx.model.settings.Settings;
import java.util.List;
import java.util.Optional;

/** BFX017 (unknown setting key) and BFX018 (invalid value) wherever settings are written. */
final class SettingsRule implements Rule {

    @Override
    public void check(RuleContext ctx) {
        check(ctx, ctx.metadata().settings());
        ctx.metadata().connections().stream().map(Connection::settings).forEach(s -> check(ctx, s));
        ctx.metadata().batches().stream().map(Batch::settings).forEach(s -> check(ctx, s));
        ctx.metadata().projects().stream().map(Project::settings).forEach(s -> check(ctx, s));
        ctx.metadata().objects().stream().map(DataObject::settings).forEach(s -> check(ctx, s));
    }

    private static void check(RuleContext ctx, List<SettingValue> values) {
        for (SettingValue v : values) {
            Optional<SettingDefinition> def = Settings.find(v.key());
            if (def.isEmpty()) {
                ctx.findings().report(Code.BFX017, v.location(), "Unknown setting '" + v.key() + "'.",
                        Suggestions.hint(v.key(), Settings.keys(),
                                "See the settings reference in the README for the settings bfx understands."));
                continue;
            }
            def.get().type().check(v.value()).ifPresent(problem -> ctx.findings().report(Code.BFX018, v.location(),
                    "Setting " + def.get().key() + " has the invalid value '" + v.value() + "': " + problem + ".",
                    "Allowed: " + def.get().type().describe() + "; the default is '" + def.get().defaultValue() + "'."));
        }
    }
}
