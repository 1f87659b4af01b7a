package io.bfx.model;

import java.util.List;

/** How ADF and the notebooks authenticate to a connection. Secrets are referenced, never written. */
public enum Authentication implements Choice {
    SQL("SqlAuthentication", List.of("SQL"), "SQL login; the password comes from the Key Vault secret."),
    MANAGED_IDENTITY("ManagedIdentity", List.of("MSI"), "The data factory's managed identity."),
    SERVICE_PRINCIPAL("ServicePrincipal", List.of("SPN"), "A service principal; its secret comes from Key Vault."),
    ACCOUNT_KEY("AccountKey", List.of(), "Storage account key from the Key Vault secret."),
    SAS_URI("SasUri", List.of("SAS"), "Shared access signature URI from the Key Vault secret."),
    ACCESS_TOKEN("AccessToken", List.of("PAT"), "Databricks personal access token from the Key Vault secret.");

    private final Text text;

    Authentication(String label, List<String> aliases, String description) {
        this.text = new Text(label, aliases, description);
    }

    @Override
    public Text text() {
        return text;
    }

    /** Whether this authentication needs a secret, which must then be referenced by {@code keyVaultSecret}. */
    public boolean needsSecret() {
        return this != MANAGED_IDENTITY;
    }
}
