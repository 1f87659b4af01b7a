package io.bfx.model.validate;

import io.bfx.model.Authentication;
import io.bfx.model.Connection;
import io.bfx.model.IntegrationStage;
import io.bfx.model.diag.Code;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BFX019, BFX020 and the secret references of a connection: a source needs a record source; credentials are
 * referenced (Key Vault secret, Databricks secret scope and key), never written.
 */
final class ConnectionRule implements Rule {

    /** Connection-string keys whose value is a secret. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i)(?:^|;)\\s*(password|pwd|accountkey|sharedaccesssignature|sig|clientsecret|client_secret|token|"
                    + "accesstoken|access_token|secret)\\s*=\\s*([^;]*)");

    @Override
    public void check(RuleContext ctx) {
        for (Connection c : ctx.metadata().connections()) {
            if (c.integrationStage() == IntegrationStage.SOURCE_SYSTEM
                    && (c.recordSource() == null || c.recordSource().isBlank())) {
                ctx.findings().report(Code.BFX020, c.origin().location(),
                        "Source connection '" + c.name() + "' has no recordSource.",
                        "Add 'recordSource:' with a short code of the system, for example 'awlt'; it is stored in "
                                + "every row and used in table names.");
            }
            if (c.connectionString() != null) {
                Matcher m = SECRET_KEY.matcher(c.connectionString());
                while (m.find()) {
                    String value = m.group(2).trim();
                    if (!value.isEmpty() && !isPlaceholder(value)) {
                        ctx.findings().report(Code.BFX019, c.origin().of("connectionString"),
                                "The connection string of '" + c.name() + "' contains a literal "
                                        + m.group(1).toLowerCase(Locale.ROOT) + "; generated files would carry it.",
                                "Remove it from the metadata, store the whole connection string in Key Vault and "
                                        + "name the secret with 'keyVaultSecret:'.");
                        break;
                    }
                }
            }
            Authentication auth = effectiveAuthentication(c);
            if (auth != null && auth.needsSecret() && needsAdfCredential(c)
                    && (c.keyVaultSecret() == null || c.keyVaultSecret().isBlank())) {
                ctx.findings().report(Code.BFX006, c.origin().location(),
                        "Connection '" + c.name() + "' uses " + auth.label() + " but names no 'keyVaultSecret'.",
                        "Add 'keyVaultSecret:' with the name of the Key Vault secret that holds the credential, or "
                                + "use 'authentication: ManagedIdentity'.");
            }
        }
    }

    /** A value like {@code {password}} or {@code ${PWD}} is a placeholder, not a secret. */
    private static boolean isPlaceholder(String value) {
        return value.matches("^(\\$\\{[^}]*\\}|\\{[^}]*\\}|<[^>]*>|\\*+)$");
    }

    /** The authentication ADF uses when the metadata does not say: SQL login for databases, MSI otherwise. */
    static Authentication effectiveAuthentication(Connection c) {
        if (c.authentication() != null) {
            return c.authentication();
        }
        if (c.systemType() == null) {
            return null;
        }
        return c.systemType().isSqlServerFamily() || c.systemType() == io.bfx.model.SystemType.POSTGRESQL
                ? Authentication.SQL : Authentication.MANAGED_IDENTITY;
    }

    /** Connections ADF itself connects to (Databricks schemas are reached through the workspace). */
    private static boolean needsAdfCredential(Connection c) {
        return c.integrationStage() == IntegrationStage.SOURCE_SYSTEM
                || c.integrationStage() == IntegrationStage.LANDING_AREA
                || c.integrationStage() == IntegrationStage.CATALOG
                || c.integrationStage() == IntegrationStage.STAGING_AREA; // ADF's Databricks linked service
    }
}
