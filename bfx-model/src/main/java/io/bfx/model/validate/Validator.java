package io.bfx.model.validate;

import io.bfx.model.Metadata;
import io.bfx.model.diag.Finding;
import io.bfx.model.diag.Findings;
import io.bfx.model.settings.SettingResolver;
import java.util.List;

/**
 * The one validation engine every goal uses. Runs all rules over a model and returns every finding, sorted by
 * location. Stateless and thread-safe: each call has its own collector.
 */
public final class Validator {

    private static final List<Rule> RULES = List.of(
            new UniqueNamesRule(),
            new SafeNamesRule(),
            new ReferencesRule(),
            new ConnectionRule(),
            new ProjectRule(),
            new DataTypesRule(),
            new KeysRule(),
            new SettingsRule(),
            new ComputeRule(),
            new ClusteringRule(),
            new NameCollisionRule(),
            new SystemColumnsRule(),
            new ParametersRule(),
            new SilverRule(),
            new GoldRule(),
            new OrchestrationRule(),
            new PlatformLimitsRule());

    public List<Finding> validate(Metadata metadata) {
        Findings findings = new Findings();
        RuleContext context = new RuleContext(metadata, new SettingResolver(metadata), findings);
        for (Rule rule : RULES) {
            rule.check(context);
        }
        return findings.sorted();
    }
}
